import type { Dim } from './scoring.ts';
import { OTHERS, type ScoreRange, type SegmentRule, type SegmentSet } from './rules.ts';

/**
 * Pure editing helpers for the rule editor: every function returns a new rule set (the input is
 * never mutated), keeps rule ids unique and ranges within 1…levels, so the result always passes
 * rules-json validation. The set id becomes CUSTOM_SET_ID once a preset is edited.
 */
export const CUSTOM_SET_ID = 'custom';

/** The highest score a rule may use: the set's levels, else `fallback` (the bins in use). */
export function maxScore(set: SegmentSet, fallback = 5): number {
	return set.levels ?? fallback;
}

function edited(set: SegmentSet, rules: SegmentRule[]): SegmentSet {
	const ids = new Set(rules.map((k) => k.id));
	const keep = (list?: readonly string[]) => list?.filter((id) => ids.has(id));
	const valuable = keep(set.valuable);
	const atRisk = keep(set.atRisk);
	return {
		id: CUSTOM_SET_ID,
		rules,
		...(set.levels ? { levels: set.levels } : {}),
		...(valuable ? { valuable } : {}),
		...(atRisk ? { atRisk } : {})
	};
}

/** A fresh id rule_1, rule_2 … not used by the set (and never 'others'). */
export function newRuleId(set: SegmentSet): string {
	const used = new Set(set.rules.map((k) => k.id));
	for (let i = 1; ; i++) {
		const id = `rule_${i}`;
		if (!used.has(id) && id !== OTHERS) return id;
	}
}

/** Appends a rule matching every score (1…max), labelled `label`. */
export function addRule(set: SegmentSet, label: string, max = maxScore(set)): SegmentSet {
	const all: ScoreRange = [1, max];
	return edited(set, [...set.rules, { id: newRuleId(set), label, r: all, f: all, m: all }]);
}

export function removeRule(set: SegmentSet, index: number): SegmentSet {
	if (index < 0 || index >= set.rules.length) return set;
	return edited(
		set,
		set.rules.filter((_, i) => i !== index)
	);
}

/** Moves rule `index` up (-1) or down (+1) in priority; out of range: unchanged. */
export function moveRule(set: SegmentSet, index: number, by: -1 | 1): SegmentSet {
	const to = index + by;
	if (index < 0 || index >= set.rules.length || to < 0 || to >= set.rules.length) return set;
	const rules = [...set.rules];
	[rules[index], rules[to]] = [rules[to]!, rules[index]!];
	return edited(set, rules);
}

/** Renames rule `index`; an empty name drops the label (presets fall back to the catalogue). */
export function renameRule(set: SegmentSet, index: number, label: string): SegmentSet {
	const k = set.rules[index];
	if (!k) return set;
	const name = label.trim();
	const { label: _old, ...rest } = k;
	void _old;
	return edited(
		set,
		set.rules.map((x, i) => (i === index ? (name ? { ...rest, label: name } : rest) : x))
	);
}

/**
 * Sets one end of a dimension's range, clamped to 1…max and to whole numbers; the other end moves
 * along when the two would cross (setting lo above hi raises hi).
 */
export function setRange(
	set: SegmentSet,
	index: number,
	dim: Dim,
	end: 0 | 1,
	value: number,
	max = maxScore(set)
): SegmentSet {
	const k = set.rules[index];
	if (!k || !Number.isFinite(value)) return set;
	const v = Math.min(max, Math.max(1, Math.round(value)));
	let [lo, hi] = k[dim];
	if (end === 0) {
		lo = v;
		hi = Math.max(hi, v);
	} else {
		hi = v;
		lo = Math.min(lo, v);
	}
	const range: ScoreRange = [lo, hi];
	return edited(
		set,
		set.rules.map((x, i) => (i === index ? { ...x, [dim]: range } : x))
	);
}

/**
 * Parses cut points typed by the user ("30, 90, 180" or with spaces/；/、 as separators).
 * Returns the numbers, or the first item that is not a number.
 */
export function parseCutPoints(
	text: string
): { ok: true; values: number[] } | { ok: false; item: string } {
	const items = text
		.split(/[\s,;，；、]+/)
		.map((s) => s.trim())
		.filter((s) => s !== '');
	const values: number[] = [];
	for (const item of items) {
		const v = Number(item);
		if (!Number.isFinite(v)) return { ok: false, item };
		values.push(v);
	}
	return { ok: true, values };
}

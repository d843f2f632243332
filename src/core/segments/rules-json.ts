import { ClienteleError } from '../errors.ts';
import { TEXT_LANGS } from './local-text.ts';
import { OTHERS, type LocalText, type ScoreRange, type SegmentRule, type SegmentSet } from './rules.ts';

/**
 * Rule sets as JSON (the UI's save/load and the CLI's --segments FILE.json):
 *
 * { "id": "my-rules", "levels": 5, "valuable": ["vip"], "atRisk": ["sleeping"],
 *   "rules": [ { "id": "vip", "label": "VIP", "r": [4, 5], "f": [4, 5], "m": [4, 5],
 *                "meaning": "Our best customers", "action": { "zh": "专属服务", "en": "Dedicated service" } }, … ] }
 *
 * Rules are in priority order (first match wins). Ranges are inclusive whole scores 1–10.
 * `meaning` and `action` (optional) are one text, or {"zh": …, "en": …} (one language may be left out).
 * Errors are ClienteleError('segments.badJson', { field, detail }) naming the bad field.
 */
export const MAX_SCORE = 10;

function bad(field: string, detail: string): ClienteleError {
	return new ClienteleError('segments.badJson', { field, detail });
}

function isObject(v: unknown): v is Record<string, unknown> {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(v: unknown, field: string, required: boolean): string | undefined {
	if (v === undefined && !required) return undefined;
	if (typeof v !== 'string' || v.trim() === '') throw bad(field, 'must be a non-empty text');
	return v;
}

/** `meaning` / `action`: a non-empty text, or an object of non-empty texts keyed zh and/or en. */
function localText(v: unknown, field: string): LocalText | undefined {
	if (v === undefined) return undefined;
	if (typeof v === 'string') return str(v, field, true);
	const hint = 'must be a text or {"zh": "…", "en": "…"}';
	if (!isObject(v)) throw bad(field, hint);
	const keys = Object.keys(v);
	if (keys.length === 0) throw bad(field, hint);
	const out: { zh?: string; en?: string } = {};
	for (const k of keys) {
		if (!(TEXT_LANGS as readonly string[]).includes(k))
			throw bad(`${field}.${k}`, `unknown language; allowed: ${TEXT_LANGS.join(', ')}`);
		out[k as 'zh' | 'en'] = str(v[k], `${field}.${k}`, true);
	}
	return out;
}

function range(v: unknown, field: string): ScoreRange {
	if (!Array.isArray(v) || v.length !== 2)
		throw bad(field, 'must be [lowest, highest], e.g. [4, 5]');
	const [lo, hi] = v as unknown[];
	for (const [i, x] of [lo, hi].entries()) {
		if (typeof x !== 'number' || !Number.isInteger(x) || x < 1 || x > MAX_SCORE)
			throw bad(
				`${field}[${i}]`,
				`must be a whole score from 1 to ${MAX_SCORE}, got ${JSON.stringify(x)}`
			);
	}
	if ((lo as number) > (hi as number))
		throw bad(field, `lowest ${String(lo)} is above highest ${String(hi)}`);
	return [lo as number, hi as number];
}

function idList(v: unknown, field: string, ids: Set<string>): string[] | undefined {
	if (v === undefined) return undefined;
	if (!Array.isArray(v)) throw bad(field, 'must be a list of rule ids');
	return v.map((x, i) => {
		const id = str(x, `${field}[${i}]`, true)!;
		if (!ids.has(id)) throw bad(`${field}[${i}]`, `no rule has the id ${JSON.stringify(id)}`);
		return id;
	});
}

const RULE_KEYS = new Set(['id', 'label', 'r', 'f', 'm', 'prospects', 'meaning', 'action']);
const SET_KEYS = new Set(['id', 'rules', 'levels', 'valuable', 'atRisk']);

/** Validates a parsed JSON value as a rule set. */
export function toSegmentSet(v: unknown): SegmentSet {
	if (!isObject(v)) throw bad('(top level)', 'must be an object with "id" and "rules"');
	for (const k of Object.keys(v))
		if (!SET_KEYS.has(k)) throw bad(k, `unknown field; allowed: ${[...SET_KEYS].join(', ')}`);
	const id = str(v.id, 'id', true)!;
	if (!Array.isArray(v.rules)) throw bad('rules', 'must be a list of rules');
	if (v.rules.length === 0) throw bad('rules', 'must hold at least one rule');
	const ids = new Set<string>();
	const rules: SegmentRule[] = v.rules.map((x: unknown, i: number) => {
		const at = `rules[${i}]`;
		if (!isObject(x)) throw bad(at, 'must be an object with id, r, f and m');
		for (const k of Object.keys(x))
			if (!RULE_KEYS.has(k))
				throw bad(`${at}.${k}`, `unknown field; allowed: ${[...RULE_KEYS].join(', ')}`);
		const rid = str(x.id, `${at}.id`, true)!;
		if (rid === OTHERS)
			throw bad(`${at}.id`, `"${OTHERS}" is reserved for customers no rule matches`);
		if (ids.has(rid)) throw bad(`${at}.id`, `duplicate id ${JSON.stringify(rid)}`);
		ids.add(rid);
		const label = str(x.label, `${at}.label`, false);
		const meaning = localText(x.meaning, `${at}.meaning`);
		const action = localText(x.action, `${at}.action`);
		if (x.prospects !== undefined && typeof x.prospects !== 'boolean')
			throw bad(`${at}.prospects`, 'must be true or false');
		const rule: SegmentRule = {
			id: rid,
			r: range(x.r, `${at}.r`),
			f: range(x.f, `${at}.f`),
			m: range(x.m, `${at}.m`)
		};
		return {
			...rule,
			...(label !== undefined ? { label } : {}),
			...(x.prospects ? { prospects: true } : {}),
			...(meaning !== undefined ? { meaning } : {}),
			...(action !== undefined ? { action } : {})
		};
	});
	let levels: number | undefined;
	if (v.levels !== undefined) {
		if (
			typeof v.levels !== 'number' ||
			!Number.isInteger(v.levels) ||
			v.levels < 2 ||
			v.levels > MAX_SCORE
		)
			throw bad('levels', `must be a whole number from 2 to ${MAX_SCORE}`);
		const lv = v.levels;
		levels = lv;
		rules.forEach((k, i) => {
			for (const d of ['r', 'f', 'm'] as const)
				if (k[d][1] > lv)
					throw bad(`rules[${i}].${d}`, `score ${k[d][1]} is above levels = ${levels}`);
		});
	}
	const valuable = idList(v.valuable, 'valuable', ids);
	const atRisk = idList(v.atRisk, 'atRisk', ids);
	return {
		id,
		rules,
		...(levels ? { levels } : {}),
		...(valuable ? { valuable } : {}),
		...(atRisk ? { atRisk } : {})
	};
}

/** Parses JSON text as a rule set; invalid JSON names the position. */
export function parseSegmentSetJson(text: string): SegmentSet {
	let v: unknown;
	try {
		v = JSON.parse(text);
	} catch (e) {
		throw bad('(JSON)', e instanceof Error ? e.message : String(e));
	}
	return toSegmentSet(v);
}

/** A rule set as pretty JSON that parseSegmentSetJson reads back unchanged. */
export function segmentSetToJson(set: SegmentSet): string {
	const rules = set.rules.map((k) => ({
		id: k.id,
		...(k.label !== undefined ? { label: k.label } : {}),
		r: [...k.r],
		f: [...k.f],
		m: [...k.m],
		...(k.prospects ? { prospects: true } : {}),
		...(k.meaning !== undefined ? { meaning: k.meaning } : {}),
		...(k.action !== undefined ? { action: k.action } : {})
	}));
	const out = {
		id: set.id,
		...(set.levels ? { levels: set.levels } : {}),
		...(set.valuable ? { valuable: [...set.valuable] } : {}),
		...(set.atRisk ? { atRisk: [...set.atRisk] } : {}),
		rules
	};
	return JSON.stringify(out, null, '\t') + '\n';
}

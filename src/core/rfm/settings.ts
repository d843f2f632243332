import { ClienteleError } from '../errors.ts';
import { parseCutPoints } from '../segments/rule-edit.ts';
import {
	DIMS,
	resolveScoring,
	type Dim,
	type ResolvedScoring,
	type ScoreMethod,
	type ScoringOptions
} from '../segments/scoring.ts';
import type { SegmentSet } from '../segments/rules.ts';
import type { BreakRow } from '../sql/rfm-score.ts';
import { DEFAULT_RFM } from './defaults.ts';

/*
 * The RFM settings the page edits, turned into scoring options and checked against a rule set:
 * pure, shared by the RFM view and the CLI (levelsMismatch).
 */

/** What the settings panel edits for one dimension: cut points stay text until applied. */
export interface DimSetting {
	method: ScoreMethod;
	bins: number;
	cuts: string;
}
export type DimSettings = Record<Dim, DimSetting>;

export const defaultDims = (method: ScoreMethod = DEFAULT_RFM.method): DimSettings => ({
	r: { method, bins: DEFAULT_RFM.bins, cuts: '' },
	f: { method, bins: DEFAULT_RFM.bins, cuts: '' },
	m: { method, bins: DEFAULT_RFM.bins, cuts: '' }
});

/**
 * The panel's per-dimension settings as ScoringOptions, validated by resolveScoring (throws a
 * ClienteleError naming the dimension). Cut points apply to 'thresholds' (required) and
 * 'r-rfm' (optional, used as given).
 */
export function toScoring(dims: DimSettings): {
	scoring: ScoringOptions;
	resolved: ResolvedScoring;
} {
	const scoring: ScoringOptions = {};
	for (const d of DIMS) {
		const x = dims[d];
		const usesCuts = x.method === 'thresholds' || x.method === 'r-rfm';
		const parsed = parseCutPoints(usesCuts ? x.cuts : '');
		if (!parsed.ok)
			throw new ClienteleError('rfm.badThresholds', {
				dim: d.toUpperCase(),
				detail: `${parsed.item} is not a number`
			});
		scoring[d] = {
			method: x.method,
			bins: x.bins,
			...(parsed.values.length ? { thresholds: parsed.values } : {})
		};
	}
	return { scoring, resolved: resolveScoring(scoring) };
}

/**
 * Methods that fit a rule set: 2-level sets (cn8) get the mean split unless already split at
 * mean or median; other sets leave 2-level methods for quintiles. Returns null when no change.
 */
export function dimsForSet(dims: DimSettings, set: SegmentSet): DimSettings | null {
	const twoLevel = (m: ScoreMethod) => m === 'mean' || m === 'median';
	if (set.levels === 2) {
		if (DIMS.every((d) => twoLevel(dims[d].method))) return null;
		return defaultDims('mean');
	}
	if (!DIMS.some((d) => twoLevel(dims[d].method))) return null;
	const bins = set.levels ?? DEFAULT_RFM.bins;
	const out = defaultDims('ntile');
	for (const d of DIMS) out[d].bins = bins;
	return out;
}

/** The first dimension whose levels differ from those the rule set is written for. */
export function levelsMismatch(resolved: ResolvedScoring, set: SegmentSet): ClienteleError | null {
	if (!set.levels) return null;
	for (const d of DIMS)
		if (resolved[d].bins !== set.levels)
			return new ClienteleError('rfm.levelsMismatch', {
				set: set.id,
				levels: set.levels,
				dim: d.toUpperCase(),
				bins: resolved[d].bins
			});
	return null;
}

/** The i18n keys a bin's bounds are shown with (the catalogue has each; the views check it). */
export type BreakKey =
	| 'rfmUi.break.empty'
	| 'rfmUi.break.seen'
	| 'rfmUi.break.below'
	| 'rfmUi.break.atLeast'
	| 'rfmUi.break.atMost'
	| 'rfmUi.break.above'
	| 'rfmUi.break.range';

/** How to show one bin's bounds: an i18n key under rfmUi.break.* and its numbers. */
export function breakText(b: BreakRow): {
	key: BreakKey;
	lower: number | null;
	upper: number | null;
} {
	const { lower, upper } = b;
	if (lower === null || upper === null) return { key: 'rfmUi.break.empty', lower, upper };
	switch (b.method) {
		case 'ntile':
			return { key: 'rfmUi.break.seen', lower, upper };
		case 'mean':
		case 'median':
			// bin 1 holds the lower values: x ≤ cut (F, M) or x < cut (R, recent).
			if (b.dim === 'r')
				return b.bin === 1
					? { key: 'rfmUi.break.below', lower, upper }
					: { key: 'rfmUi.break.atLeast', lower, upper };
			return b.bin === 1
				? { key: 'rfmUi.break.atMost', lower, upper }
				: { key: 'rfmUi.break.above', lower, upper };
		default:
			return { key: 'rfmUi.break.range', lower, upper };
	}
}

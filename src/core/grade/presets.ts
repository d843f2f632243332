/**
 * The presets: VIP / 重要 / 普通 / 一般 by the weighted method (recency 20 %, frequency 30 %,
 * monetary 50 %, quintile points; VIP ≥ 80, 重要 ≥ 60, 普通 ≥ 40, 一般 ≥ 0), and the same tiers by
 * the scoring method on thresholds the user sets. Tier names come from the caller (translated). Pure.
 */
import type { GradeStandard, IndicatorSpec } from './standard.ts';

/** The four tier names, best first. */
export type TierNames = readonly [string, string, string, string];

/** The presets' tier names in each language the app speaks. */
export const PRESET_TIER_NAMES: Readonly<Record<'en' | 'zh-CN', TierNames>> = {
	'zh-CN': ['VIP', '重要', '普通', '一般'],
	en: ['VIP', 'Key', 'Regular', 'General']
};

export const PRESET_IDS = ['vip-weighted', 'vip-scoring'] as const;
export type GradePresetId = (typeof PRESET_IDS)[number];

/** Cut-offs as shares of the largest total: 80 %, 60 %, 40 %, 0. */
const CUT_SHARES = [0.8, 0.6, 0.4, 0] as const;

function tiers(names: TierNames, max: number) {
	return names.map((name, i) => ({ name, min: Math.round(CUT_SHARES[i]! * max * 100) / 100 }));
}

/** 加权法: quintile points, weights 20 / 30 / 50; tiers at 80 / 60 / 40 / 0 points. */
export function weightedPreset(names: TierNames, name = names.join(' / ')): GradeStandard {
	const q = { quantiles: 5 };
	return {
		name,
		method: 'weighted',
		missing: 'renormalise',
		indicators: [
			{ name: 'recency_days', weight: 20, better: 'lower', points: q },
			{ name: 'frequency', weight: 30, better: 'higher', points: q },
			{ name: 'monetary', weight: 50, better: 'higher', points: q }
		],
		tiers: tiers(names, 100)
	};
}

/** The three RFM indicators' cut points for the scoring preset (ascending, as the user sets them). */
export interface ScoringThresholds {
	recency_days: number[];
	frequency: number[];
	monetary: number[];
}

/** Points 0 … 100 in equal steps over the k + 1 groups of k cut points (descending for lower-better). */
export function stepPoints(k: number, better: 'higher' | 'lower'): number[] {
	const up = Array.from({ length: k + 1 }, (_, i) => Math.round((10000 * i) / k) / 100);
	return better === 'higher' ? up : up.reverse();
}

/** 评分法 on the user's thresholds: total = Σ points (0 … 300); tiers at 240 / 180 / 120 / 0. */
export function scoringPreset(
	t: ScoringThresholds,
	names: TierNames,
	name = `${names.join(' / ')} (评分法 scoring)`
): GradeStandard {
	const ind = (n: keyof ScoringThresholds, better: 'higher' | 'lower'): IndicatorSpec => ({
		name: n,
		weight: 1,
		better,
		points: { thresholds: [...t[n]], points: stepPoints(t[n].length, better) }
	});
	return {
		name,
		method: 'scoring',
		missing: 'renormalise',
		indicators: [
			ind('recency_days', 'lower'),
			ind('frequency', 'higher'),
			ind('monetary', 'higher')
		],
		tiers: tiers(names, 300)
	};
}

/** A threshold a person would type: the value rounded to 2 significant digits (0 stays 0). */
export function roundThreshold(x: number): number {
	return Number.isFinite(x) ? Number(x.toPrecision(2)) : 0;
}

/** Ascending, distinct, rounded cut points from quantile values (what the page suggests). */
export function suggestedThresholds(values: readonly (number | null)[]): number[] {
	const out: number[] = [];
	for (const v of values) {
		if (v === null) continue;
		const r = roundThreshold(v);
		if (out.length === 0 || r > (out[out.length - 1] as number)) out.push(r);
	}
	return out;
}

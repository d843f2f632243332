import {
	R10_DOCS,
	R10_TESTS,
	type ScoreRange,
	type SegmentRule,
	type SegmentSet
} from './rules.ts';

const rule = (id: string, r: ScoreRange, f: ScoreRange, m: ScoreRange): SegmentRule => ({
	id,
	r,
	f,
	m
});
const ANY: ScoreRange = [1, 5];

/**
 * Shopify-style eleven groups on 1–5 scores (our own table, after the group descriptions of
 * Shopify's CustomerRfmGroup; Shopify itself uses R and (F + M)/2, which these ranges approximate).
 * First match wins; with five levels every score triple lands in a group (no "Others").
 * See README.md in this folder for the table.
 */
export const SHOPIFY11: SegmentSet = {
	id: 'shopify11',
	levels: 5,
	valuable: ['shp_champions', 'shp_loyal', 'shp_active'],
	atRisk: ['shp_at_risk', 'shp_previously_loyal', 'shp_almost_lost', 'shp_dormant'],
	rules: [
		{ id: 'shp_prospects', r: ANY, f: ANY, m: ANY, prospects: true },
		rule('shp_champions', [5, 5], [4, 5], [4, 5]),
		rule('shp_loyal', [3, 5], [4, 5], [1, 5]),
		rule('shp_active', [4, 5], [2, 3], [1, 5]),
		rule('shp_new', [5, 5], [1, 1], [1, 5]),
		rule('shp_promising', [4, 4], [1, 1], [1, 5]),
		rule('shp_needs_attention', [3, 3], [1, 3], [1, 5]),
		rule('shp_previously_loyal', [1, 2], [4, 5], [4, 5]),
		rule('shp_at_risk', [1, 2], [3, 5], [3, 5]),
		rule('shp_almost_lost', [2, 2], ANY, ANY),
		rule('shp_dormant', [1, 1], ANY, ANY)
	]
};

/**
 * The Chinese 8-class model (RFM 八类客户) on high/low scores (2 levels, mean split by default):
 * R 2 = recent (recency below the mean), F 2 / M 2 = strictly above the mean. Meanings and
 * suggested actions: i18n keys segment.<id>.meaning / segment.<id>.action.
 */
export const CN8: SegmentSet = {
	id: 'cn8',
	levels: 2,
	valuable: ['cn8_important_value', 'cn8_important_develop', 'cn8_important_keep'],
	atRisk: ['cn8_important_retain', 'cn8_general_keep', 'cn8_general_retain'],
	rules: [
		rule('cn8_important_value', [2, 2], [2, 2], [2, 2]),
		rule('cn8_important_develop', [2, 2], [1, 1], [2, 2]),
		rule('cn8_important_keep', [1, 1], [2, 2], [2, 2]),
		rule('cn8_important_retain', [1, 1], [1, 1], [2, 2]),
		rule('cn8_general_value', [2, 2], [2, 2], [1, 1]),
		rule('cn8_general_develop', [2, 2], [1, 1], [1, 1]),
		rule('cn8_general_keep', [1, 1], [2, 2], [1, 1]),
		rule('cn8_general_retain', [1, 1], [1, 1], [1, 1])
	]
};

export type PresetId = 'r10' | 'r10-tests' | 'shopify11' | 'cn8';

export const PRESETS: Record<PresetId, SegmentSet> = {
	r10: R10_DOCS,
	'r10-tests': R10_TESTS,
	shopify11: SHOPIFY11,
	cn8: CN8
};

export const PRESET_IDS = Object.keys(PRESETS) as PresetId[];

export function isPresetId(s: string): s is PresetId {
	return Object.hasOwn(PRESETS, s);
}

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isClienteleError } from '../../../../src/core/errors.ts';
import { parseStandardJson } from '../../../../src/core/grade/parse.ts';
import { PRESET_TIER_NAMES, scoringPreset, stepPoints, suggestedThresholds, weightedPreset } from '../../../../src/core/grade/presets.ts';
import { gradeColumns, standardJson, tierOf } from '../../../../src/core/grade/standard.ts';
import { translate } from '../../../../src/i18n/translate.ts';

const ok = { method: 'weighted', indicators: [{ name: 'monetary', weight: 100, points: { quantiles: 5 } }], tiers: [{ name: '一般', min: 0 }, { name: 'VIP', min: 80 }] };
const withIndicator = (points: unknown, extra: object = {}) => JSON.stringify({ ...ok, indicators: [{ name: 'monetary', weight: 100, points, ...extra }] });
const withTiers = (tiers: unknown) => JSON.stringify({ ...ok, tiers });

describe('parseStandardJson', () => {
	it('reads a standard, fills the defaults and sorts the tiers by descending min', () => {
		const s = parseStandardJson('\uFEFF' + JSON.stringify(ok));
		expect(s).toEqual({ name: '', method: 'weighted', missing: 'renormalise', indicators: [{ name: 'monetary', weight: 100, better: 'higher', points: { quantiles: 5 } }], tiers: [{ name: 'VIP', min: 80 }, { name: '一般', min: 0 }] });
		expect(parseStandardJson(withIndicator({ minmax: {} })).indicators[0]?.points).toEqual({ minmax: { clip: [0.01, 0.99] } });
		expect(parseStandardJson(JSON.stringify({ ...ok, missing: 'renormalize' })).missing).toBe('renormalise');
	});

	it('round-trips what the page saves', () => {
		const s = weightedPreset(PRESET_TIER_NAMES['zh-CN']);
		expect(parseStandardJson(standardJson(s))).toEqual(s);
	});

	it.each([
		['not JSON', '{', 'grade.std.notJson'],
		['no method', JSON.stringify({ ...ok, method: undefined }), 'grade.std.badChoice'],
		['a bad rule', withIndicator({ ranks: 3 }), 'grade.std.badRule'],
		['thresholds that do not rise', withIndicator({ thresholds: [10, 10], points: [0, 50, 100] }), 'grade.std.thresholds'],
		['too few points', withIndicator({ thresholds: [10, 20], points: [0, 100] }), 'grade.std.pointsCount'],
		['points above 100', withIndicator({ thresholds: [10], points: [0, 120] }), 'grade.std.pointsRange'],
		['one quantile group', withIndicator({ quantiles: 1 }), 'grade.std.quantiles'],
		['a clip out of order', withIndicator({ minmax: { clip: [0.9, 0.1] } }), 'grade.std.clip'],
		['a negative weight', withIndicator({ quantiles: 5 }, { weight: -1 }), 'grade.std.badWeight'],
		['a weight that is text', withIndicator({ quantiles: 5 }, { weight: '50' }), 'grade.std.notNumber'],
		['a bad better', withIndicator({ quantiles: 5 }, { better: 'up' }), 'grade.std.badChoice'],
		['an indicator named points_x', withIndicator({ quantiles: 5 }, { name: 'points_x' }), 'grade.std.collision'],
		['an indicator named missing', withIndicator({ quantiles: 5 }, { name: 'missing' }), 'grade.std.collision'],
		['no indicators', JSON.stringify({ ...ok, indicators: [] }), 'grade.std.noIndicators'],
		['the same indicator twice', JSON.stringify({ ...ok, indicators: [ok.indicators[0], ok.indicators[0]] }), 'grade.std.duplicate'],
		['weights adding up to 0', withIndicator({ quantiles: 5 }, { weight: 0 }), 'grade.std.weights'],
		['no tiers', withTiers([]), 'grade.std.noTiers'],
		['a lowest tier above 0', withTiers([{ name: 'VIP', min: 80 }, { name: '普通', min: 40 }]), 'grade.std.lowestTier'],
		['tier B', withTiers([{ name: 'b', min: 0 }]), 'grade.std.tierName'],
		['two tiers with one name', withTiers([{ name: 'X', min: 50 }, { name: 'X', min: 0 }]), 'grade.std.tierDuplicate'],
		['two tiers with one min', withTiers([{ name: 'X', min: 0 }, { name: 'Y', min: 0 }]), 'grade.std.tierDuplicate'],
		['a min above the scale', withTiers([{ name: 'X', min: 150 }, { name: 'Y', min: 0 }]), 'grade.std.tierRange']
	] as const)('refuses %s with a translated message', (_n, json, code) => {
		try {
			parseStandardJson(json);
		} catch (e) {
			expect(isClienteleError(e) && e.code).toBe(code);
			if (!isClienteleError(e)) throw e;
			for (const lang of ['en', 'zh-CN'] as const) expect(translate(lang, e.code, e.params)).not.toMatch(/\{\w+\}|^grade\./);
			return;
		}
		throw new Error('expected an error');
	});
});

describe('presets and helpers', () => {
	it('builds the scoring preset on the user’s thresholds with 0…300 cut-offs', () => {
		const s = scoringPreset({ recency_days: [30, 90], frequency: [2], monetary: [100, 500, 1000] }, PRESET_TIER_NAMES.en);
		expect(s.indicators.map((i) => i.points)).toEqual([
			{ thresholds: [30, 90], points: [100, 50, 0] },
			{ thresholds: [2], points: [0, 100] },
			{ thresholds: [100, 500, 1000], points: [0, 33.33, 66.67, 100] }
		]);
		expect(s.tiers).toEqual([{ name: 'VIP', min: 240 }, { name: 'Key', min: 180 }, { name: 'Regular', min: 120 }, { name: 'General', min: 0 }]);
		expect(stepPoints(4, 'lower')).toEqual([100, 75, 50, 25, 0]);
	});

	it('suggests rounded, rising thresholds from quantiles', () => {
		expect(suggestedThresholds([12.3, 12.4, 187.6, null, 1234.5])).toEqual([12, 190, 1200]);
	});

	it('names the output columns and tiers a rounded total', () => {
		expect(gradeColumns(weightedPreset(PRESET_TIER_NAMES.en))).toEqual(['customer_id', 'recency_days', 'frequency', 'monetary', 'points_recency_days', 'points_frequency', 'points_monetary', 'total', 'tier', 'missing']);
		const tiers = [{ name: 'low', min: 0 }, { name: 'top', min: 80 }];
		expect([tierOf(79.994, tiers), tierOf(79.996, tiers), tierOf(null, tiers)]).toEqual(['low', 'top', null]);
	});
});

describe('the README', () => {
	it('shows a standard the parser accepts', () => {
		const readme = fs.readFileSync(path.resolve(import.meta.dirname, '../../../../README.md'), 'utf8');
		const section = readme.slice(readme.indexOf('## Grading standards'));
		const json = /```json\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
		expect(parseStandardJson(json).indicators.map((i) => i.name)).toEqual(['recency_days', 'frequency', 'monetary']);
	});
});

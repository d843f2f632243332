import { describe, expect, it } from 'vitest';
import { CN8 } from '../../../../src/core/segments/presets.ts';
import { translate } from '../../../../src/i18n/translate.ts';
import { foldSameDims, methodSummary } from '../../../../src/views/rfm/summary.ts';

describe('methodSummary', () => {
	it('lists the choices in force, in the UI language', () => {
		const base = {
			frequency: 'orders',
			monetary: 'average',
			returns: 'drop-cancelled',
			cancelledPattern: 'C%',
			presetId: 'cn8',
			set: CN8
		} as const;
		const en = methodSummary(
			{ ...base, applied: { method: 'mean', f: { method: 'thresholds', thresholds: [2, 4] } } },
			(k, p) => translate('en', k, p)
		);
		expect(en).toEqual([
			'R: Mean split (high/low), 2 levels',
			'F: Custom thresholds, cut points 2, 4',
			'M: Mean split (high/low), 2 levels',
			'Frequency = distinct orders (order ID).',
			'Monetary = average per purchase (total ÷ frequency).',
			'Cancelled orders (order ID matching C%) are left out.',
			'Segments: Chinese RFM model: 8 classes, 8 rules; the first matching rule wins, the rest are “Others”.'
		]);
		const zh = methodSummary(
			{ ...base, applied: {}, presetId: 'custom', set: { ...CN8, id: 'my' } },
			(k, p) => translate('zh-CN', k, p)
		);
		expect(zh[0]).toBe('R：按排名等量分组（ntile），5 级');
		expect(zh.at(-1)).toContain('自定义规则（my）');
	});
});

describe('foldSameDims', () => {
	it('folds R, F and M into one line when they say the same; keeps them apart otherwise', () => {
		expect(foldSameDims(['R: ntile, 5 levels', 'F: ntile, 5 levels', 'M: ntile, 5 levels', 'rules'])).toEqual(['R, F, M: ntile, 5 levels', 'rules']);
		expect(foldSameDims(['R：按排名，5 级', 'F：按排名，5 级', 'M：按排名，5 级'])).toEqual(['R, F, M：按排名，5 级']);
		const apart = ['R: ntile, 5 levels', 'F: thresholds, cut points 2, 3', 'M: ntile, 5 levels'];
		expect(foldSameDims(apart)).toEqual(apart);
		expect(foldSameDims(['R: x'])).toEqual(['R: x']);
	});
});

import { describe, expect, it } from 'vitest';
import type { GridFilter } from '../../../../src/core/sql/grid-filter.ts';
import { adoptFilters, asShown, asStored, labelOf, type ValueLabels } from '../../../../src/core/grid/value-ids.ts';

// Written out by hand (the app's own catalogues would make the test read what it checks).
const SEGMENTS = {
	en: { champions: 'Champions', loyal: 'Loyal customers', others: 'Others' },
	'zh-CN': { champions: '冠军客户', loyal: '忠诚客户', others: '其他' }
};
const LABELS: ValueLabels = { segment: SEGMENTS, segment_to: SEGMENTS };

const values = (column: string, ...v: (string | null)[]): GridFilter => ({ column, kind: 'values', values: v });

describe('translated values in grid filters', () => {
	it('a value filter set in zh-CN is kept by id and shown in English after a switch', () => {
		const stored = asStored(values('segment', '冠军客户', null), LABELS, 'zh-CN');
		expect(stored).toEqual(values('segment', 'champions', null));
		expect(asShown([stored], LABELS, 'en')).toEqual([values('segment', 'Champions', null)]);
		expect(asShown([stored], LABELS, 'zh-CN')).toEqual([values('segment', '冠军客户', null)]);
	});

	it('other columns and other kinds of filter pass as they are', () => {
		const city = values('city', '上海');
		const text: GridFilter = { column: 'segment', kind: 'contains', text: '冠军' };
		expect(asStored(city, LABELS, 'zh-CN')).toBe(city);
		expect(asStored(text, LABELS, 'zh-CN')).toBe(text);
		expect(asShown([city, text], LABELS, 'en')).toEqual([city, text]);
	});

	it('a label of the other language, or none, when set: its id, or the value as it is', () => {
		// The value list was read before a switch: an English label set while the UI is in Chinese.
		expect(asStored(values('segment', 'Loyal customers'), LABELS, 'zh-CN')).toEqual(values('segment', 'loyal'));
		expect(asStored(values('segment', 'VIP (custom)'), LABELS, 'en')).toEqual(values('segment', 'VIP (custom)'));
		expect(labelOf(LABELS, 'segment', 'en', 'VIP (custom)')).toBe('VIP (custom)');
	});

	it('an older project file (translated names): labels of either language mapped to ids, the rest dropped and listed', () => {
		const saved: GridFilter[] = [
			values('segment', '冠军客户', 'Loyal customers', 'champions', '流失客户', null),
			values('segment_to', 'Former segment'),
			values('city', '上海'),
			{ column: 'segment', kind: 'empty' }
		];
		const a = adoptFilters(saved, LABELS);
		expect(a.filters).toEqual([values('segment', 'champions', 'loyal', null), values('city', '上海'), { column: 'segment', kind: 'empty' }]);
		expect(a.dropped).toEqual([
			{ column: 'segment', value: '流失客户' },
			{ column: 'segment_to', value: 'Former segment' }
		]);
	});

	it('filters already by id: the same array back, nothing dropped (no needless write of the view)', () => {
		const saved = [values('segment', 'champions', 'others'), values('city', 'x')];
		const a = adoptFilters(saved, LABELS);
		expect(a.filters).toBe(saved);
		expect(a.dropped).toEqual([]);
		expect(adoptFilters(saved, {}).filters).toBe(saved);
	});
});

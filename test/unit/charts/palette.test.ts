import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { INK, RFM_COLOURS, SHARE_COLOURS } from '../../../src/charts/palette.ts';
import { segmentMediansOptions } from '../../../src/charts/segment-medians.ts';
import { shareComparisonOptions } from '../../../src/charts/share-comparison.ts';

const CHARTS = new URL('../../../src/charts/', import.meta.url);
// A colour written as a literal: #rgb / #rrggbb, or a CSS colour name Plot would take as a colour.
const COLOUR = /'#[0-9a-f]{3}(?:[0-9a-f]{3})?'|'(?:white|black|steelblue|grey|gray|red|blue|green|orange)'|scheme: '/gi;

describe('one colour palette', () => {
	const builders = readdirSync(CHARTS).filter((f) => f.endsWith('.ts') && f !== 'palette.ts');

	it.each(builders)('%s takes its colours from palette.ts', (file) => {
		const text = readFileSync(new URL(file, CHARTS), 'utf8');
		expect(text.match(COLOUR) ?? []).toEqual([]);
	});

	it('builders draw with the palette (medians per dimension, shares per measure)', () => {
		const rows = [{ segment: 'a', label: 'A', median_recency: 1, median_frequency: 2, median_monetary: 3 }];
		const medians = segmentMediansOptions(rows, { labels: { recency: 'R', frequency: 'F', monetary: 'M', format: String } });
		expect((medians.color as { range: string[] }).range).toEqual([RFM_COLOURS.recency, RFM_COLOURS.frequency, RFM_COLOURS.monetary]);
		const shares = shareComparisonOptions([{ segment: 'a', label: 'A', customer_share: 0.2, revenue_share: 0.4 }], {
			labels: { customerShare: 'c', revenueShare: 'r', share: 's' }
		});
		expect((shares.color as { range: string[] }).range).toEqual([SHARE_COLOURS.customers, SHARE_COLOURS.revenue]);
		expect(INK.text).toBe('#1b1b1b');
	});
});

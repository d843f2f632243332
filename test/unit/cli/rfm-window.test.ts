import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { rfmCommand } from '../../../src/cli/rfm.ts';
import { isClienteleError } from '../../../src/core/errors.ts';
import { fixture, useTmpDir } from '../../helpers/db.ts';

const tmp = useTmpDir('clientele-rfm-window-');
const HAND = fixture('foundation', 'rfm_hand.csv');
const ROLES = ['--customer', 'customer_id', '--date', 'order_date', '--amount', 'amount', '--order', 'order_id'];

describe('clientele rfm --window-start', () => {
	it('counts only the window [window-start, as-of] (hand-checked on rfm_hand.csv)', async () => {
		const out = path.join(tmp(), 'window.csv');
		expect(await rfmCommand(['--input', HAND, ...ROLES, '--as-of', '2024-07-01', '--window-start', '2024-04-01', '--out', out])).toBeNull();
		const rows = Papa.parse<Record<string, string>>(fs.readFileSync(out, 'utf8'), { header: true, skipEmptyLines: true }).data;
		// By hand: C01 O1–O4 (O5 on 03-01 is before the window, O99 after it); C02 all four; C03 O10 only (two lines);
		// C04 O12; C05 O13 + O14 bought, R1 −300 nets; C09 two orders on 06-28. C06, C07, C08, C10 bought before 04-01, C11 after the as-of.
		expect(rows.map((r) => [r.customer_id, Number(r.recency_days), Number(r.frequency), Number(r.monetary)])).toEqual([
			['C01', 1, 4, 1000],
			['C02', 6, 4, 260],
			['C03', 21, 1, 1000],
			['C04', 42, 1, 30],
			['C05', 61, 2, 1800],
			['C09', 3, 2, 50]
		]);
	});

	it('a window start after the as-of date stops with window.cliOrder naming both days', async () => {
		const err = await rfmCommand(['--input', HAND, ...ROLES, '--as-of', '2024-07-01', '--window-start', '2024-08-01']).then(
			() => null,
			(e: unknown) => e
		);
		expect(isClienteleError(err) && [err.code, err.params]).toEqual(['window.cliOrder', { start: '2024-08-01', asOf: '2024-07-01' }]);
	});
});

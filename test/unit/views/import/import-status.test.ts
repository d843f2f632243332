import { describe, expect, it } from 'vitest';
import { ImportModel } from '../../../../src/views/import/import-model.svelte.ts';


/** The import view-model's load status (what the page shows after and during a load). */
describe('ImportModel load status', () => {
	it.each([
		['certain', false],
		['high', true],
		['low', true]
	] as const)('encoding detection %s → override offered: %s', (confidence, offered) => {
		const m = new ImportModel();
		expect(m.encodingChoice).toBe(false);
		m.detection = { encoding: 'utf-8', bom: 0, confidence, reason: 'utf8' };
		expect(m.encodingChoice).toBe(offered);
	});

	it('rows per second after a load; bytes per second while transcoding', () => {
		const m = new ImportModel();
		expect(m.progress.rowsRate).toBe(0);
		m.progress.lastLoad = { rows: 1_000_000, ms: 2000 };
		expect(m.progress.rowsRate).toBe(500_000);
		m.progress.startedAt = 1000;
		m.progress.now = 3000;
		m.progress.bytesDone = 10_000_000;
		expect(m.progress.bytesRate).toBe(5_000_000);
	});

	it('a legacy .xls file is refused with the save-as-.xlsx-or-CSV message and nothing is loaded (.xlsx is read: see test/unit/views/import/xlsx-import-model.test.ts)', async () => {
		const m = new ImportModel();
		await m.open(new File([new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])], 'orders.xls'));
		expect(m.error?.code).toBe('xlsx.legacy');
		expect(m.error?.params).toEqual({ file: 'orders.xls' });
		expect(m.status).toBe('idle');
		expect(m.busy).toBe(false);
	});

	it('a Parquet file is refused with the offline message', async () => {
		const m = new ImportModel();
		await m.open(new File([new Uint8Array([0x50, 0x41, 0x52, 0x31, 0, 0])], 'data.parquet'));
		expect(m.error?.code).toBe('load.parquet');
	});
});

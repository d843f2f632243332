import { describe, expect, it } from 'vitest';
import { headline, localDay, type QualityReport } from '../../../../src/core/csv/quality.ts';
import { translate } from '../../../../src/i18n/translate.ts';
import { dayOf, rowList } from '../../../../src/views/quality/quality-logic.ts';
import { isOutOfMemory, outOfMemoryError, rowsPerSecond } from '../../../../src/core/import/load-stats.ts';
import { fileKind, refusalFor } from '../../../../src/core/xlsx/file-kind.ts';


const b = (...x: number[]) => new Uint8Array(x);
const ZIP = b(0x50, 0x4b, 0x03, 0x04, 0x14, 0);
const OLE = b(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1);
const PAR = b(0x50, 0x41, 0x52, 0x31, 0, 0);
const CSV = new TextEncoder().encode('id,date\n');
const GZ = b(0x1f, 0x8b, 8, 0);

describe('fileKind: what a chosen file is, from name and first bytes', () => {
	it.each([
		['orders.csv', CSV, 'text'],
		['orders.csv.gz', GZ, 'text'],
		['orders.xlsx', ZIP, 'xlsx'],
		['orders.XLSX', CSV, 'xlsx'],
		['export.csv', ZIP, 'xlsx'],
		['orders.xls', OLE, 'xls'],
		['renamed.csv', OLE, 'xls'],
		['wps.et', CSV, 'other-sheet'],
		['locked.xlsx', OLE, 'encrypted'],
		['data.parquet', PAR, 'parquet'],
		['data.bin', PAR, 'parquet'],
		['tiny.csv', b(), 'text']
	] as const)('%s → %s', (name, head, kind) => {
		expect(fileKind(name, head)).toBe(kind);
	});

	it('refuses legacy workbooks and Parquet with a translated message naming the file; .xlsx is read', () => {
		expect(refusalFor('text', 'a.csv')).toBeNull();
		expect(refusalFor('xlsx', 'a.xlsx')).toBeNull();
		const x = refusalFor('xls', '订单.xls')!;
		expect(translate('zh-CN', x.code, x.params)).toContain('订单.xls');
		expect(translate('zh-CN', x.code, x.params)).toContain('CSV UTF-8');
		expect(translate('en', x.code, x.params)).toContain('Save As');
		const p = refusalFor('parquet', 'd.parquet')!;
		expect(translate('en', p.code, p.params)).toContain('Parquet');
	});
});

describe('out of memory', () => {
	it.each([
		[new Error('Out of Memory Error: could not allocate block of size 256.0 KiB'), true],
		[new RangeError('Array buffer allocation failed'), true],
		[new Error('RuntimeError: memory access out of bounds'), true],
		[new Error('Binder Error: column not found'), false],
		['Out of Memory', true]
	] as const)('%s → %s', (e, oom) => {
		expect(isOutOfMemory(e)).toBe(oom);
	});

	it.each(['engine', 'reading', 'checking'] as const)('says how far it got (%s) and what to do, in both languages', (step) => {
		const e = outOfMemoryError({ step, file: 'big.csv', size: '1.2 GB', seconds: 42.25 });
		for (const lang of ['en', 'zh-CN'] as const) {
			const text = translate(lang, e.code, e.params);
			expect(text).toContain('big.csv');
			expect(text).toContain('1.2 GB');
			expect(text).toContain('42.3');
			expect(text).not.toMatch(/\{\w+\}/);
		}
		if (step !== 'engine') expect(translate('en', e.code, e.params)).toMatch(/fewer|only the columns|shorter date range/);
	});
});

describe('small helpers', () => {
	it('rows per second, local day, day of a timestamp, row lists', () => {
		expect(rowsPerSecond(1_000_000, 2500)).toBe(400_000);
		expect(rowsPerSecond(10, 0)).toBe(0);
		expect(localDay(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
		expect(dayOf(Date.UTC(2024, 1, 29, 13))).toBe('2024-02-29');
		expect(dayOf(null)).toBe('–');
		expect(rowList([3, 40, 41])).toBe('3, 40, 41');
	});

	it('headline: findings and cell problems; clean when there are none', () => {
		const base = { columns: [], findings: [] } as unknown as QualityReport;
		expect(headline(base)).toEqual({ findings: 0, missing: 0, invalid: 0, clean: true });
		const r = {
			columns: [
				{ missing: 2, invalid: 0 },
				{ missing: 1, invalid: 5 }
			],
			findings: [{ kind: 'exactDuplicates' }]
		} as unknown as QualityReport;
		expect(headline(r)).toEqual({ findings: 1, missing: 3, invalid: 5, clean: false });
	});
});

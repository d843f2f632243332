import { describe, expect, it } from 'vitest';
import { ClienteleError } from '../../../../src/core/errors.ts';
import { fileKind, refusalFor } from '../../../../src/core/xlsx/file-kind.ts';
import {
	csvField,
	defaultSheet,
	excelDateText,
	hasTimeOfDay,
	plainNumber,
	sheetToCsv,
	type XlsxRow
} from '../../../../src/core/xlsx/xlsx-csv.ts';
import { errorData, errorFromData, xlsxError } from '../../../../src/core/xlsx/xlsx-errors.ts';
import { translate } from '../../../../src/i18n/translate.ts';


const utc = (s: string) => new Date(`${s}Z`);

describe('plainNumber: shortest exact decimal, never exponent notation', () => {
	it.each([
		[0, '0'],
		[-0, '0'],
		[42, '42'],
		[-7.25, '-7.25'],
		[0.1 + 0.2, '0.30000000000000004'],
		[2 ** 53, '9007199254740992'],
		[Number('123456789012345678'), '123456789012345680'], // an 18-digit number: Excel already rounded it
		[1e21, '1000000000000000000000'],
		[1.5e22, '15000000000000000000000'],
		[-2.5e-7, '-0.00000025'],
		[1e-7, '0.0000001'],
		[1.234e-5, '0.00001234'],
		[Number.NaN, ''],
		[Number.POSITIVE_INFINITY, '']
	])('%s → %s', (n, text) => {
		expect(plainNumber(n)).toBe(text);
		if (text !== '') expect(Number(text)).toBe(n === 0 ? 0 : n);
	});
});

describe('dates: the wall time Excel shows (UTC fields), rounded to the second', () => {
	it.each([
		['2024-01-15T00:00:00.000', false, '2024-01-15'],
		['2024-01-15T00:00:00.000', true, '2024-01-15 00:00:00'],
		['2024-04-02T11:20:10.999', true, '2024-04-02 11:20:11'], // a day fraction read back 1 ms short
		['2024-12-31T23:59:59.600', true, '2025-01-01 00:00:00'],
		['1900-03-01T06:00:00.000', true, '1900-03-01 06:00:00'],
		['2024-02-29T14:30:00.000', false, '2024-02-29']
	] as const)('%s (time %s) → %s', (iso, withTime, text) => {
		expect(excelDateText(utc(iso), withTime)).toBe(text);
	});

	it.each([
		['2024-01-15T00:00:00.000', false],
		['2024-01-14T23:59:59.999', false],
		['2024-01-15T00:00:01.000', true]
	] as const)('%s has a time of day: %s', (iso, yes) => {
		expect(hasTimeOfDay(utc(iso))).toBe(yes);
	});
});

describe('csvField: RFC 4180 quoting', () => {
	it.each([
		['plain', 'plain'],
		['', ''],
		['a,b', '"a,b"'],
		['say "hi"', '"say ""hi"""'],
		['two\nlines', '"two\nlines"'],
		['cr\r', '"cr\r"'],
		[' padded ', '" padded "'],
		['王芳', '王芳']
	])('%j → %j', (s, out) => {
		expect(csvField(s)).toBe(out);
	});
});

describe('sheetToCsv', () => {
	it('writes every cell type, pads short rows, one date format per column', () => {
		const rows: XlsxRow[] = [
			['id', 'name', 'note', 'day', 'paid', 'amount', 'member'],
			['00123', '王芳', null, utc('2024-01-03T00:00:00'), utc('2024-01-03T09:00:00'), 18.5, true],
			['123456789012345678', 'Li, Wei', 'say "hi"', utc('2024-02-09T00:00:00'), utc('2024-02-09T00:00:00'), 1e-7, false],
			['C3', 'Short']
		];
		const csv = sheetToCsv(rows);
		expect(csv).toMatchObject({ rows: 4, columns: 7 });
		expect(csv.parts.join('')).toBe(
			[
				'id,name,note,day,paid,amount,member',
				'00123,王芳,,2024-01-03,2024-01-03 09:00:00,18.5,TRUE',
				'123456789012345678,"Li, Wei","say ""hi""",2024-02-09,2024-02-09 00:00:00,0.0000001,FALSE',
				'C3,Short,,,,,',
				''
			].join('\r\n')
		);
	});

	it('leaves out blank rows around the table and blank trailing columns; keeps blank rows inside', () => {
		const rows: XlsxRow[] = [[null, null, null], ['', null], ['a', 'b', null], [null], ['1', 2, ''], [null, null]];
		const csv = sheetToCsv(rows);
		expect(csv).toMatchObject({ rows: 3, columns: 2 });
		expect(csv.parts.join('')).toBe('a,b\r\n,\r\n1,2\r\n');
	});

	it.each([
		['no rows', []],
		['only blank cells', [[null, ''], [], [null]]]
	] as const)('an empty sheet (%s) has no rows', (_n, rows) => {
		expect(sheetToCsv(rows as unknown as XlsxRow[])).toEqual({ parts: [], rows: 0, columns: 0 });
	});

	it('splits the text in parts of chunkRows rows, identical once joined', () => {
		const rows: XlsxRow[] = [['n'], ...Array.from({ length: 10 }, (_, i) => [i])];
		const whole = sheetToCsv(rows).parts.join('');
		const parts = sheetToCsv(rows, { chunkRows: 4 }).parts;
		expect(parts).toHaveLength(3);
		expect(parts.join('')).toBe(whole);
	});
});

describe('defaultSheet: the first sheet with data', () => {
	it.each([
		[[{ name: 'Notes', rows: 2 }, { name: 'Orders', rows: 90 }], 'Notes'],
		[[{ name: '空白', rows: 0 }, { name: 'Orders', rows: 90 }], 'Orders'],
		[[{ name: 'a', rows: 0 }], null],
		[[], null]
	])('%j → %s', (sheets, name) => {
		expect(defaultSheet(sheets)).toBe(name);
	});
});

const b = (...x: number[]) => new Uint8Array(x);
const ZIP = b(0x50, 0x4b, 0x03, 0x04, 0x14, 0);
const OLE = b(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1);
const CSV = new TextEncoder().encode('id,date\n');

describe('fileKind and refusals for spreadsheets', () => {
	it.each([
		['book.xlsx', ZIP, 'xlsx', null],
		['BOOK.XLSM', ZIP, 'xlsx', null],
		['export.csv', ZIP, 'xlsx', null],
		['book.xlsx', OLE, 'encrypted', 'xlsx.encrypted'],
		['book.xlsm', OLE, 'encrypted', 'xlsx.encrypted'],
		['old.xls', OLE, 'xls', 'xlsx.legacy'],
		// An "export to Excel" that is really tab-separated text keeps its .xls name: read as text.
		['export.xls', CSV, 'text', null],
		['renamed.csv', OLE, 'xls', 'xlsx.legacy'],
		['wps.et', OLE, 'other-sheet', 'xlsx.otherFormat'],
		['calc.ods', ZIP, 'other-sheet', 'xlsx.otherFormat'],
		['mac.numbers', ZIP, 'other-sheet', 'xlsx.otherFormat'],
		['binary.xlsb', ZIP, 'other-sheet', 'xlsx.otherFormat'],
		['orders.csv', CSV, 'text', null]
	] as const)('%s → %s, refused with %s', (name, head, kind, code) => {
		expect(fileKind(name, head)).toBe(kind);
		expect(refusalFor(kind, name)?.code ?? null).toBe(code);
	});

	it.each(['xls', 'encrypted', 'other-sheet'] as const)('the %s refusal names the file and says to save as .xlsx or CSV UTF-8, in both languages', (kind) => {
		const e = refusalFor(kind, '订单.ods')!;
		for (const lang of ['en', 'zh-CN'] as const) {
			const text = translate(lang, e.code, e.params);
			expect(text).toContain('订单.ods');
			expect(text).toContain('CSV UTF-8');
			expect(text).not.toMatch(/\{\w+\}/);
		}
		if (kind === 'other-sheet') expect(translate('en', e.code, e.params)).toContain('.ods spreadsheet');
	});
});

describe('xlsxError: the library errors, translated and naming file and sheet', () => {
	const lib = (name: string, extra: Record<string, unknown> = {}) => Object.assign(new Error('library message'), { name, ...extra });
	it.each([
		['a corrupt zip', lib('InvalidInputError', { code: 'INVALID_ZIP' }), { file: 'b.xlsx' }, 'xlsx.corrupt', { file: 'b.xlsx' }],
		['an empty file', lib('InvalidInputError', { code: 'NO_DATA' }), { file: 'b.xlsx' }, 'xlsx.corrupt', { file: 'b.xlsx' }],
		['OLE2 named .xlsx', lib('InvalidInputError', { code: 'XLS_FILE_NOT_SUPPORTED' }), { file: 'b.xlsx' }, 'xlsx.encrypted', { file: 'b.xlsx' }],
		['OLE2 named otherwise', lib('InvalidInputError', { code: 'XLS_FILE_NOT_SUPPORTED' }), { file: 'b.dat' }, 'xlsx.legacy', { file: 'b.dat' }],
		['no such sheet', lib('SheetNotFoundError', { sheets: ['说明', '交易'] }), { file: 'b.xlsx', sheet: 'X' }, 'xlsx.noSheet', { file: 'b.xlsx', sheet: 'X', list: '说明, 交易' }],
		['a broken part', lib('InvalidSpreadsheetError'), { file: 'b.xlsx' }, 'xlsx.invalid', { file: 'b.xlsx', detail: 'library message' }],
		['anything else, with a sheet', new TypeError('boom'), { file: 'b.xlsx', sheet: 'S' }, 'xlsx.readFailed', { file: 'b.xlsx', sheet: 'S', detail: 'boom' }],
		['anything else', 'boom', { file: 'b.xlsx' }, 'import.readFailed', { file: 'b.xlsx', detail: 'boom' }]
	] as const)('%s → %s', (_n, e, ctx, code, params) => {
		const x = xlsxError(e, ctx);
		expect(x).toBeInstanceOf(ClienteleError);
		expect({ code: x.code, params: x.params }).toEqual({ code, params });
		for (const lang of ['en', 'zh-CN'] as const) expect(translate(lang, x.code, x.params)).not.toMatch(/\{\w+\}/);
	});

	it('a ClienteleError passes through and survives the trip through a worker as data', () => {
		const e = new ClienteleError('xlsx.emptySheet', { file: 'b.xlsx', sheet: '空白' });
		expect(xlsxError(e, { file: 'other' })).toBe(e);
		const back = errorFromData(structuredClone(errorData(e)));
		expect(back).toBeInstanceOf(ClienteleError);
		expect({ code: back.code, params: back.params }).toEqual({ code: 'xlsx.emptySheet', params: { file: 'b.xlsx', sheet: '空白' } });
	});
});

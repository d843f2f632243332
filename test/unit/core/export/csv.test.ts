import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { neutralizeCell, toCsv, type Cell } from '../../../../src/core/export/csv.ts';


describe('neutralizeCell(): formula injection', () => {
	it.each([
		['=1+2', "'=1+2"],
		['=HYPERLINK("http://x","y")', '\'=HYPERLINK("http://x","y")'],
		['+1+2', "'+1+2"],
		['-1+2', "'-1+2"],
		['@SUM(A1)', "'@SUM(A1)"],
		['\tcmd', "'\tcmd"],
		['\rcmd', "'\rcmd"],
		['-', "'-"],
		['-12.5', '-12.5'],
		['-3', '-3'],
		['+5', '+5'],
		['1e3', '1e3'],
		['C0001', 'C0001'],
		['0007', '0007'],
		['客户', '客户'],
		['', ''],
		[' =1', ' =1']
	] as [Cell, Cell][])('%j → %j', (input, out) => {
		expect(neutralizeCell(input)).toBe(out);
	});

	it.each([[-12.5], [0], [null], [true]] as [Cell][])('leaves the non-string %j alone', (v) => {
		expect(neutralizeCell(v)).toBe(v);
	});
});

describe('toCsv()', () => {
	const rows = [
		{ id: '0007', name: 'a,b', note: 'say "hi"', m: -12.5 },
		{ id: 'C2', name: 'two\nlines', note: '=cmd()', m: null }
	];

	it('UTF-8 BOM by default, CRLF line ends, quoting where needed, formula-safe', () => {
		expect(toCsv(['id', 'name', 'note', 'm'], rows)).toBe(
			'\ufeffid,name,note,m\r\n0007,"a,b","say ""hi""",-12.5\r\nC2,"two\nlines",\'=cmd(),\r\n'
		);
	});

	it('no BOM when asked', () => {
		const t = toCsv(['id'], [{ id: 'x' }], { bom: false });
		expect(t).toBe('id\r\nx\r\n');
		expect(t.charCodeAt(0)).not.toBe(0xfeff);
	});

	it('headers are neutralised too; a CR cell is quoted', () => {
		expect(toCsv(['=h', 'x'], [{ '=h': '\rz', x: 1 }], { bom: false })).toBe('\'=h,x\r\n"\'\rz",1\r\n');
	});

	it('no rows: the header line only', () => {
		expect(toCsv(['a', 'b'], [], { bom: false })).toBe('a,b\r\n');
	});

	it('reads back to the same text cells (ids keep leading zeros)', () => {
		const parsed = Papa.parse<string[]>(toCsv(['id', 'name', 'note'], rows, { bom: false }), { skipEmptyLines: true });
		expect(parsed.data).toEqual([
			['id', 'name', 'note'],
			['0007', 'a,b', 'say "hi"'],
			['C2', 'two\nlines', "'=cmd()"]
		]);
	});
});

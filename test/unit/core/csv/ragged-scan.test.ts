import { describe, expect, it } from 'vitest';
import { RAGGED_LISTED, raggedParams, scanSample } from '../../../../src/core/csv/ragged.ts';


describe('scanSample: field counts per record, with the line each starts on', () => {
	it.each([
		['clean', 'a,b,c\n1,2,3\n4,5,6\n', ',', 0, { expected: 3, count: 0, rows: [] }],
		['short and long', 'a,b,c\n1,2\n1,2,3,4\n', ',', 0, { expected: 3, count: 2, rows: [{ line: 2, found: 2 }, { line: 3, found: 4 }] }],
		['quoted delimiter and doubled quotes are one field', 'a,b\n"x,y","say ""hi"", ok"\n1\n', ',', 0, { expected: 2, count: 1, rows: [{ line: 3, found: 1 }] }],
		['a quoted line break moves later lines down', 'a,b\n"x\r\ny",1\r\n1,2,3\r\n', ',', 0, { expected: 2, count: 1, rows: [{ line: 4, found: 3 }] }],
		['blank and whitespace-only lines are skipped, not ragged', 'a,b\n\n  \n\t\n1,2\n3\n', ',', 0, { expected: 2, count: 1, rows: [{ line: 6, found: 1 }] }],
		['extra empty fields (trailing delimiters) are not ragged', 'a,b\n1,2,\n1,2,,\n1,2,,x\n', ',', 0, { expected: 2, count: 1, rows: [{ line: 4, found: 4 }] }],
		['a short row with a trailing empty field is ragged', 'a,b,c\n1,\n', ',', 0, { expected: 3, count: 1, rows: [{ line: 2, found: 2 }] }],
		['sep= line and BOM: lines counted from the top of the file', '\ufeffsep=;\na;b\n1\n', ';', 1, { expected: 2, count: 1, rows: [{ line: 3, found: 1 }] }],
		['a record cut by the end of the sample is left out', 'a,b\n1,2\n3', ',', 0, { expected: 2, count: 0, rows: [] }],
		['an open quote at the end of the sample is left out', 'a,b\n1,"2,\n3\n', ',', 0, { expected: 2, count: 0, rows: [] }],
		['lone CR line ends', 'a\tb\r1\r2\t3\r', '\t', 0, { expected: 2, count: 1, rows: [{ line: 2, found: 1 }] }]
	] as const)('%s', (_, text, delimiter, skipLines, want) => {
		expect(scanSample(text, { delimiter, skipLines })).toEqual(want);
	});

	it(`lists the first ${RAGGED_LISTED} and counts them all`, () => {
		const text = 'a,b\n' + Array.from({ length: 12 }, () => '1\n').join('');
		const r = scanSample(text, { delimiter: ',', skipLines: 0 });
		expect({ count: r.count, lines: r.rows.map((x) => x.line) }).toEqual({ count: 12, lines: [2, 3, 4, 5, 6] });
		expect(raggedParams(r)).toEqual({ count: 12, expected: 2, list: '2 (1), 3 (1), 4 (1), 5 (1), 6 (1)', more: ' …' });
	});
});

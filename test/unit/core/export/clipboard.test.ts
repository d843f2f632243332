import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { clipboardPayload } from '../../../../src/core/export/clipboard.ts';

const COLS = [
	{ name: '客户编号', text: true },
	{ name: 'amount', text: false }
];

describe('clipboard payload', () => {
	it('TSV: tabs between cells, CRLF between rows, line breaks and tabs inside a cell as spaces, formulas guarded', () => {
		const p = clipboardPayload(COLS, [
			['000123', 12.5],
			['=HYPERLINK("x")', -3],
			['a\tb\nc', null]
		]);
		expect(p.tsv).toBe('000123\t12.5\r\n\'=HYPERLINK("x")\t-3\r\na b c\t');
	});

	it('HTML: text columns marked as text, values escaped, read back cell by cell', () => {
		const p = clipboardPayload(COLS, [['<b>123456789012345678</b>', 1], ['客户&甲', 2]], { header: true });
		const doc = new JSDOM(p.html).window.document;
		const cells = [...doc.querySelectorAll('tr')].map((tr) => [...tr.children].map((c) => c.textContent));
		expect(cells).toEqual([
			['客户编号', 'amount'],
			['<b>123456789012345678</b>', '1'],
			['客户&甲', '2']
		]);
		const tds = [...doc.querySelectorAll('td')];
		expect(tds.map((t) => t.getAttribute('style') ?? '')).toEqual(["mso-number-format:'\\@'", '', "mso-number-format:'\\@'", '']);
		expect(doc.querySelectorAll('b')).toHaveLength(0);
	});
});

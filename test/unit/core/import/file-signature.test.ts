import { describe, expect, it } from 'vitest';
import { controlShare, notTextRefusal } from '../../../../src/core/import/file-signature.ts';

const bytes = (...parts: (string | number[])[]) =>
	new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...new TextEncoder().encode(p)] : p)));

describe('notTextRefusal: what a "text" file really is, from its first bytes', () => {
	it.each([
		['PNG', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), 'file.image'],
		['JPEG', bytes([0xff, 0xd8, 0xff, 0xe0]), 'file.image'],
		['GIF', bytes('GIF89a'), 'file.image'],
		['PDF', bytes('%PDF-1.7\n'), 'file.pdf'],
		['7-Zip', bytes([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]), 'file.archive'],
		['gzip without .gz', bytes([0x1f, 0x8b, 8, 0]), 'file.gzipName'],
		['HTML', bytes('\ufeff  <!DOCTYPE html><html>'), 'file.html'],
		['JSON', bytes('[{"a":1}]'), 'file.json'],
		['Excel 2003 XML', bytes('<?xml version="1.0"?><?mso-application progid="Excel.Sheet"?><Workbook>'), 'file.xmlSheet'],
		['NUL', new Uint8Array(100), 'file.binary']
	])('%s → %s', (_n, head, code) => {
		expect(notTextRefusal('f.csv', head)?.code).toBe(code);
	});

	it.each([
		['a CSV', bytes('c,d,a\nC1,2024-01-01,10\n')],
		['a header starting with BM', bytes('BMI,weight\n22.5,70\n')],
		['a header in brackets', bytes('[id],name\n1,x\n')],
		['UTF-16 without BOM (every other byte NUL)', bytes([0x63, 0, 0x2c, 0, 0x64, 0, 0x0a, 0, 0x31, 0, 0x2c, 0, 0x32, 0, 0x0a, 0])],
		['an empty file', new Uint8Array(0)]
	])('%s is text', (_n, head) => {
		expect(notTextRefusal('f.csv', head)).toBeNull();
	});

	it('counts control bytes: none in text, all in NUL padding', () => {
		expect(controlShare(bytes('a,b\r\n1,2\t\n'))).toBe(0);
		expect(controlShare(new Uint8Array(10))).toBe(1);
	});
});

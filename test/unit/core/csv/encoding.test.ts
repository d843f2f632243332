import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { preparePath, readSample } from '../../../../src/cli/io.ts';
import { decodeSample, detectEncoding, normalizeEncoding, type TextEncoding } from '../../../../src/core/csv/encoding.ts';
import { createTranscoder, transcodeBlob, transcodeChunks } from '../../../../src/core/csv/transcode.ts';


const iconv = (text: string, to: string): Uint8Array<ArrayBuffer> => new Uint8Array(execFileSync('iconv', ['-f', 'UTF-8', '-t', to], { input: text }));
const concat = (parts: Uint8Array[]): Uint8Array<ArrayBuffer> => new Uint8Array(Buffer.concat(parts));
const ZH = '客户编号,下单日期,实付金额,城市\n张三,2024年1月5日,￥1234.50,上海市\n李四,2024年1月6日,88,北京市\n王五,2024/1/7,“引号”，全角逗号\n';
const LATIN = 'customer,city\nMüller,München\nJosé Pérez,Málaga\nFrançoise,Besançon – “quoted”\n';

describe('detectEncoding', () => {
	const cases: { name: string; bytes: Uint8Array; encoding: TextEncoding; reason: string; bom: number }[] = [
		{ name: 'empty', bytes: new Uint8Array(), encoding: 'utf-8', reason: 'empty', bom: 0 },
		{ name: 'ASCII', bytes: new TextEncoder().encode('a,b\n1,2\n'), encoding: 'utf-8', reason: 'ascii', bom: 0 },
		{ name: 'UTF-8 Chinese', bytes: new TextEncoder().encode(ZH), encoding: 'utf-8', reason: 'utf8', bom: 0 },
		{ name: 'UTF-8 BOM', bytes: concat([new Uint8Array([0xef, 0xbb, 0xbf]), new TextEncoder().encode(ZH)]), encoding: 'utf-8', reason: 'bom', bom: 3 },
		{ name: 'GBK Chinese', bytes: iconv(ZH, 'GBK'), encoding: 'gb18030', reason: 'gb18030', bom: 0 },
		{ name: 'GB18030 Chinese', bytes: iconv(ZH + '𠀀\n', 'GB18030'), encoding: 'gb18030', reason: 'gb18030', bom: 0 },
		{ name: 'Windows-1252 accents', bytes: iconv(LATIN, 'WINDOWS-1252'), encoding: 'windows-1252', reason: 'fallback', bom: 0 },
		{ name: 'latin-1 accents', bytes: iconv('name\nCrème brûlée\nÆbleskiver\n', 'LATIN1'), encoding: 'windows-1252', reason: 'fallback', bom: 0 },
		{ name: 'UTF-16LE BOM', bytes: concat([new Uint8Array([0xff, 0xfe]), iconv(ZH, 'UTF-16LE')]), encoding: 'utf-16le', reason: 'bom', bom: 2 },
		{ name: 'UTF-16BE BOM', bytes: concat([new Uint8Array([0xfe, 0xff]), iconv(ZH, 'UTF-16BE')]), encoding: 'utf-16be', reason: 'bom', bom: 2 },
		{ name: 'UTF-16LE without BOM', bytes: iconv('customer,amount\nA,1\nB,2\n', 'UTF-16LE'), encoding: 'utf-16le', reason: 'utf16-zeros', bom: 0 },
		{ name: 'UTF-16BE without BOM', bytes: iconv('customer,amount\nA,1\nB,2\n', 'UTF-16BE'), encoding: 'utf-16be', reason: 'utf16-zeros', bom: 0 }
	];
	for (const c of cases)
		it(c.name, () => {
			expect(detectEncoding(c.bytes)).toMatchObject({ encoding: c.encoding, reason: c.reason, bom: c.bom });
		});

	it('accepts a UTF-8 sample cut in the middle of a character', () => {
		const bytes = new TextEncoder().encode(ZH);
		expect(detectEncoding(bytes.subarray(0, bytes.length - 5)).encoding).toBe('utf-8');
		// 客 is E5 AE A2: cut after two bytes
		expect(detectEncoding(new TextEncoder().encode('a,客').subarray(0, 4)).encoding).toBe('utf-8');
	});

	it('accepts a GBK sample cut in the middle of a character', () => {
		const bytes = iconv(ZH, 'GBK');
		expect(detectEncoding(bytes.subarray(0, 15)).encoding).toBe('gb18030');
	});
});

describe('decodeSample and normalizeEncoding', () => {
	it('decodes each encoding back to the same text, dropping the BOM and a cut last character', () => {
		expect(decodeSample(iconv(ZH, 'GBK'), 'gb18030')).toBe(ZH);
		expect(decodeSample(concat([new Uint8Array([0xff, 0xfe]), iconv(ZH, 'UTF-16LE')]), 'utf-16le')).toBe(ZH);
		expect(decodeSample(iconv(LATIN, 'WINDOWS-1252'), 'windows-1252')).toBe(LATIN);
		expect(decodeSample(new TextEncoder().encode('a,客').subarray(0, 4), 'utf-8')).toBe('a,');
	});

	it('maps common labels', () => {
		expect(['GBK', 'gb2312', 'CP936', 'utf8', 'UTF-8-SIG', 'latin1', 'cp1252', 'UTF-16', 'utf16be', 'klingon'].map(normalizeEncoding)).toEqual([
			'gb18030', 'gb18030', 'gb18030', 'utf-8', 'utf-8', 'windows-1252', 'windows-1252', 'utf-16le', 'utf-16be', null
		]);
	});
});

describe('transcoding in chunks', () => {
	const encodings: [TextEncoding, string, Uint8Array][] = [
		['gb18030', ZH, iconv(ZH, 'GBK')],
		['utf-16le', ZH, concat([new Uint8Array([0xff, 0xfe]), iconv(ZH, 'UTF-16LE')])],
		['utf-16be', ZH, concat([new Uint8Array([0xfe, 0xff]), iconv(ZH, 'UTF-16BE')])],
		['windows-1252', LATIN, iconv(LATIN, 'WINDOWS-1252')]
	];
	for (const [enc, text, bytes] of encodings) {
		it(`${enc}: every chunk size (1…7 bytes) gives the same UTF-8 without BOM`, async () => {
			for (let size = 1; size <= 7; size++) {
				const chunks: Uint8Array[] = [];
				for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
				const out: Uint8Array[] = [];
				for await (const c of transcodeChunks(chunks, enc)) out.push(c);
				expect(new TextDecoder().decode(concat(out)), `chunk size ${size}`).toBe(text);
			}
		});
	}

	it('counts undecodable characters', () => {
		const t = createTranscoder('utf-16le');
		t.push(new Uint8Array([0x41, 0x00, 0x00, 0xd8])); // 'A' then a lone high surrogate…
		t.push(new Uint8Array([0x42, 0x00])); // …followed by 'B'
		t.end();
		expect({ replaced: t.replaced, bytesIn: t.bytesIn }).toEqual({ replaced: 1, bytesIn: 6 });
	});

	it('transcodeBlob: GBK (gzipped) → UTF-8 Blob with progress, folding parts', async () => {
		const big = ZH.repeat(200);
		const gz = new Uint8Array(zlib.gzipSync(iconv(big, 'GBK')));
		const seen: number[] = [];
		const blob = await transcodeBlob(new Blob([gz]), { encoding: 'gb18030', gzip: true, foldBytes: 1024, onProgress: (p) => seen.push(p.bytesOut) });
		expect(await blob.text()).toBe(big);
		expect(seen.at(-1)).toBe(blob.size);
	});

	it('transcodeBlob stops when aborted', async () => {
		const ac = new AbortController();
		ac.abort(new Error('stop'));
		await expect(transcodeBlob(new Blob([iconv(ZH, 'GBK')]), { encoding: 'gb18030', signal: ac.signal })).rejects.toThrow('stop');
	});
});

describe('CLI input preparation', () => {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clientele-enc-test-'));

	it('UTF-8 input is used in place', async () => {
		const f = path.join(dir, 'plain.csv');
		fs.writeFileSync(f, ZH);
		const p = await preparePath(f);
		expect({ path: p.path, encoding: p.encoding, sample: p.sample }).toEqual({ path: f, encoding: 'utf-8', sample: ZH });
		p.cleanup();
		expect(fs.existsSync(f)).toBe(true);
	});

	it('GBK .csv.gz becomes a temporary UTF-8 .csv, removed by cleanup()', async () => {
		const f = path.join(dir, 'orders.csv.gz');
		fs.writeFileSync(f, zlib.gzipSync(iconv(ZH, 'GBK')));
		const p = await preparePath(f);
		expect(p.encoding).toBe('gb18030');
		expect(p.fileName).toBe(path.join(dir, 'orders.csv'));
		expect(path.basename(p.path)).toBe('orders.csv');
		expect(fs.readFileSync(p.path, 'utf8')).toBe(ZH);
		expect(p.sample).toBe(ZH);
		p.cleanup();
		expect(fs.existsSync(p.path)).toBe(false);
	});

	it('an explicit encoding overrides detection; readSample keeps its one-argument form', async () => {
		const f = path.join(dir, 'latin.csv');
		fs.writeFileSync(f, iconv(LATIN, 'WINDOWS-1252'));
		expect(readSample(f)).toBe(LATIN);
		expect(readSample(f, { encoding: 'windows-1252' })).toBe(LATIN);
		const p = await preparePath(f, { encoding: 'windows-1252' });
		expect(fs.readFileSync(p.path, 'utf8')).toBe(LATIN);
		p.cleanup();
	});
});

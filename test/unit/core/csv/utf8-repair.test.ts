/**
 * UTF-8 with a few bad bytes: detected as UTF-8 (not Windows-1252 or GBK), repaired byte for byte as
 * the WHATWG decoder (TextDecoder, the independent reference) replaces invalid sequences, in any
 * chunking, with the lines holding them counted and numbered as built by the fixture.
 */
import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectEncoding, isMostlyUtf8, needsRepair } from '../../../../src/core/csv/encoding.ts';
import { createTranscoder, transcodeBlob } from '../../../../src/core/csv/transcode.ts';
import { createUtf8Repairer, isInvalidUtf8Error, repairParams, utf8LineEvidence } from '../../../../src/core/csv/utf8-repair.ts';
import { utf8File } from '../../../../src/core/import/read-sample.ts';
import { ClienteleError } from '../../../../src/core/errors.ts';
import { BAD_LINES, BAD_SEQUENCES, mostlyUtf8Csv } from '../../../helpers/mostly-utf8.ts';

const enc = new TextEncoder();
/** The reference: WHATWG's UTF-8 decoder, replacing, then encoded again. */
const reference = (bytes: Uint8Array): Uint8Array => enc.encode(new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes));
const fffdCount = (s: string): number => s.split('\uFFFD').length - 1;

function repairIn(bytes: Uint8Array, cuts: number[]): { out: Uint8Array; report: ReturnType<typeof createUtf8Repairer>['report'] } {
	const r = createUtf8Repairer();
	const parts: Uint8Array[] = [];
	let from = 0;
	for (const c of [...cuts].sort((a, b) => a - b)) {
		parts.push(r.push(bytes.subarray(from, c)));
		from = c;
	}
	parts.push(r.push(bytes.subarray(from)), r.end());
	return { out: new Uint8Array(Buffer.concat(parts)), report: r.report };
}

describe('detection of a file that is UTF-8 but for a few lines', () => {
	it('the fixture is UTF-8 (reason utf8-lossy), never Windows-1252', () => {
		const d = detectEncoding(mostlyUtf8Csv());
		expect(d).toMatchObject({ encoding: 'utf-8', reason: 'utf8-lossy', bom: 0 });
		// 37 valid non-ASCII lines against 3 bad ones: 37 < 20 × 3, so the page says it is a guess
		expect(d.confidence).toBe('low');
		expect(needsRepair(d.encoding, mostlyUtf8Csv())).toBe(true);
	});

	it('is confident when at least 20 valid lines stand against each bad one', () => {
		expect(detectEncoding(mostlyUtf8Csv(200, '\n', [50]))).toMatchObject({ encoding: 'utf-8', reason: 'utf8-lossy', confidence: 'high' });
	});

	it('counts lines by evidence: valid multi-byte lines against lines with an invalid sequence', () => {
		// 40 data lines with non-ASCII notes; the header is ASCII and counts for neither
		expect(utf8LineEvidence(mostlyUtf8Csv())).toEqual({ valid: 40 - BAD_LINES.length, invalid: BAD_LINES.length });
		expect(utf8LineEvidence(mostlyUtf8Csv(40, '\r\n'))).toEqual({ valid: 37, invalid: 3 });
	});

	it('the rule: at least 4 valid lines per bad line, and at least one bad line', () => {
		expect(isMostlyUtf8({ valid: 4, invalid: 1 })).toBe(true);
		expect(isMostlyUtf8({ valid: 3, invalid: 1 })).toBe(false);
		expect(isMostlyUtf8({ valid: 100, invalid: 0 })).toBe(false);
		expect(isMostlyUtf8({ valid: 0, invalid: 1 })).toBe(false);
	});

	const iconv = (text: string, to: string) => new Uint8Array(execFileSync('iconv', ['-f', 'UTF-8', '-t', to], { input: text }));
	it('GBK and Windows-1252 files are not taken for mostly UTF-8', () => {
		const zh = ['客户,城市', ...Array.from({ length: 60 }, (_, i) => `张三${i},上海市`), '李四,北京市'].join('\n') + '\n';
		expect(detectEncoding(iconv(zh, 'GBK')).encoding).toBe('gb18030');
		const latin = ['customer,city', ...Array.from({ length: 60 }, (_, i) => `José ${i},Málaga`)].join('\n') + '\n';
		expect(detectEncoding(iconv(latin, 'WINDOWS-1252')).encoding).toBe('windows-1252');
	});

	it('an ASCII file with one Windows-1252 line and no UTF-8 stays Windows-1252 (no UTF-8 evidence)', () => {
		const bytes = Uint8Array.from([...enc.encode('name\nAna\nBob\n'), 0x4a, 0x6f, 0x73, 0xe9, 0x0a]);
		expect(detectEncoding(bytes)).toMatchObject({ encoding: 'windows-1252', reason: 'fallback' });
	});
});

describe('the repair (UTF-8 in, bad bytes as U+FFFD)', () => {
	it('the fixture: lines 7, 23 and 38, 7 sequences, the output as TextDecoder decodes it', () => {
		const bytes = mostlyUtf8Csv();
		const { out, report } = repairIn(bytes, []);
		expect(report).toEqual({ lines: 3, first: BAD_LINES, replaced: BAD_SEQUENCES });
		expect(out).toEqual(reference(bytes));
		expect(fffdCount(new TextDecoder().decode(out))).toBe(BAD_SEQUENCES);
	});

	it('line numbers hold with CRLF and with CR-only line ends', () => {
		for (const eol of ['\r\n', '\r']) expect(repairIn(mostlyUtf8Csv(40, eol), []).report).toEqual({ lines: 3, first: BAD_LINES, replaced: BAD_SEQUENCES });
	});

	it('names the first 5 lines and counts them all', () => {
		const bad = [3, 10, 11, 20, 30, 41, 55, 70];
		const { report } = repairIn(mostlyUtf8Csv(80, '\n', bad), [100, 101, 733]);
		expect(report.lines).toBe(8);
		expect(report.first).toEqual([3, 10, 11, 20, 30]);
		expect(repairParams('a.csv', report)).toEqual({ file: 'a.csv', lines: 8, first: '3, 10, 11, 20, 30', more: ' …' });
	});

	it('every cut of the fixture gives the same bytes and the same report', () => {
		const bytes = mostlyUtf8Csv();
		const whole = repairIn(bytes, []);
		for (let c = 0; c <= bytes.length; c++) {
			const cut = repairIn(bytes, [c]);
			expect(cut.report).toEqual(whole.report);
			expect(Buffer.from(cut.out).equals(Buffer.from(whole.out))).toBe(true);
		}
	});

	it('valid input passes through untouched; a UTF-8 BOM is dropped; an incomplete last character is one U+FFFD', () => {
		const text = enc.encode('客户,José\n');
		expect(repairIn(text, [1, 2]).out).toEqual(text);
		expect(repairIn(Uint8Array.from([0xef, 0xbb, 0xbf, ...text]), [1]).out).toEqual(text);
		const cut = repairIn(Uint8Array.from([...text, 0xe5, 0xae]), []);
		expect(cut.out).toEqual(enc.encode('客户,José\n\uFFFD'));
		expect(cut.report).toEqual({ lines: 1, first: [2], replaced: 1 });
	});

	it('property: any bytes, any chunking — the same bytes as TextDecoder', () => {
		const bytes = fc.uint8Array({ maxLength: 200 }).map((a) => a.map((b) => (b % 3 === 0 ? 0x80 + (b % 0x80) : b)));
		fc.assert(
			fc.property(bytes, fc.array(fc.nat(200), { maxLength: 5 }), (b, cuts) => {
				const { out, report } = repairIn(b, cuts.map((c) => c % (b.length + 1)));
				expect(out).toEqual(reference(b));
				// EF BF BD in the input is a U+FFFD written on purpose (EF is never swallowed by a bad sequence)
				let written = 0;
				for (let i = 0; i + 2 < b.length; i++) if (b[i] === 0xef && b[i + 1] === 0xbf && b[i + 2] === 0xbd) written++;
				expect(report.replaced).toBe(fffdCount(new TextDecoder().decode(b)) - written);
			}),
			{ numRuns: 500, verbose: 1 }
		);
	});

	it('the transcoder and the page path (utf8File) repair the fixture and report its lines', async () => {
		const bytes = mostlyUtf8Csv();
		const t = createTranscoder('utf-8');
		const blob = await transcodeBlob(new Blob([bytes as Uint8Array<ArrayBuffer>]), { encoding: t });
		expect(new Uint8Array(await blob.arrayBuffer())).toEqual(reference(bytes));
		expect(t.repair).toEqual({ lines: 3, first: BAD_LINES, replaced: BAD_SEQUENCES });
		const u = await utf8File(new File([bytes as Uint8Array<ArrayBuffer>], 'mostly.csv'));
		expect(u.detection.reason).toBe('utf8-lossy');
		expect(u.repaired).toEqual({ lines: 3, first: BAD_LINES, replaced: BAD_SEQUENCES });
		expect(await u.file.text()).toBe(new TextDecoder().decode(bytes));
	});

	it('recognises the engine refusing bytes that are not UTF-8, thrown or wrapped', () => {
		const duck = 'line 15001: Invalid unicode (byte sequence mismatch) detected. This file is not utf-8 encoded.';
		expect(isInvalidUtf8Error(new Error(duck))).toBe(true);
		expect(isInvalidUtf8Error(new ClienteleError('import.readFailed', { file: 'a.csv', detail: duck }))).toBe(true);
		expect(isInvalidUtf8Error(new ClienteleError('import.readFailed', { file: 'a.csv', detail: 'disk full' }))).toBe(false);
	});
});

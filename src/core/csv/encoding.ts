/**
 * Text-encoding detection from the first bytes of a file. DuckDB reads UTF-8 only, so anything
 * else is transcoded (see transcode.ts) before it is registered. Order of evidence:
 * 1. a byte-order mark (UTF-8, UTF-16 LE/BE) is certain;
 * 2. UTF-16 without a BOM shows as zero bytes in every other position (ASCII-heavy CSV);
 * 3. bytes that are valid UTF-8 are UTF-8 (pure ASCII included) — a truncated last sequence is fine;
 *    so are bytes that are UTF-8 but for a few lines (MOSTLY_UTF8: their bad bytes become U+FFFD on
 *    the way in, see utf8-repair.ts, and the lines are reported) — never the whole file as 1252;
 * 4. bytes that pair up as GBK/GB18030 with mostly common-hanzi pairs are GB18030 (Excel on Chinese
 *    Windows saves CSV as GBK; GB18030 is its superset and what TextDecoder should use);
 * 5. anything else is Windows-1252 (Excel on Western Windows; a superset of latin-1's printables).
 */

import { utf8LineEvidence, type Utf8LineEvidence } from './utf8-repair.ts';

/** Encodings we decode; labels as the WHATWG Encoding standard (TextDecoder) spells them. */
export type TextEncoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export const TEXT_ENCODINGS: readonly TextEncoding[] = ['utf-8', 'gb18030', 'utf-16le', 'utf-16be', 'windows-1252'];

export type EncodingReason = 'bom' | 'ascii' | 'utf8' | 'utf8-lossy' | 'utf16-zeros' | 'gb18030' | 'fallback' | 'empty';

export interface EncodingDetection {
	encoding: TextEncoding;
	/** Length of the byte-order mark at the start of the file (0, 2 or 3). */
	bom: number;
	/** certain: BOM; high: strong evidence; low: a guess the user should be able to override. */
	confidence: 'certain' | 'high' | 'low';
	reason: EncodingReason;
}

/**
 * UTF-8 whose sample holds an invalid sequence (detected as mostly UTF-8, or UTF-8 chosen by the
 * user): DuckDB would refuse it, so it is copied with its bad bytes as U+FFFD (utf8-repair.ts).
 */
export function needsRepair(encoding: TextEncoding, sample: Uint8Array): boolean {
	return encoding === 'utf-8' && !isValidUtf8(sample);
}

/** Only UTF-8 without transcoding is read by DuckDB as is (a UTF-8 BOM is skipped by it and by the sniffer). */
export function needsTranscoding(encoding: TextEncoding): boolean {
	return encoding !== 'utf-8';
}

/**
 * Accepts the labels users type or CLIs take ('gbk', 'GB2312', 'latin1', 'utf16le', 'cp1252' …) and
 * returns the encoding we decode with, or null when it is not one we support.
 */
export function normalizeEncoding(label: string): TextEncoding | null {
	const l = label.trim().toLowerCase().replace(/[\s_]/g, '-');
	const map: Record<string, TextEncoding> = {
		'utf-8': 'utf-8', utf8: 'utf-8', 'utf-8-bom': 'utf-8', 'utf-8-sig': 'utf-8',
		gb18030: 'gb18030', gbk: 'gb18030', gb2312: 'gb18030', cp936: 'gb18030', 'x-gbk': 'gb18030', 'gb-2312': 'gb18030',
		'utf-16le': 'utf-16le', utf16le: 'utf-16le', 'utf-16': 'utf-16le', 'ucs-2': 'utf-16le',
		'utf-16be': 'utf-16be', utf16be: 'utf-16be',
		'windows-1252': 'windows-1252', cp1252: 'windows-1252', latin1: 'windows-1252', 'latin-1': 'windows-1252',
		'iso-8859-1': 'windows-1252', 'iso8859-1': 'windows-1252', ascii: 'windows-1252', 'us-ascii': 'windows-1252'
	};
	return map[l] ?? null;
}

export function detectEncoding(bytes: Uint8Array): EncodingDetection {
	if (bytes.length === 0) return { encoding: 'utf-8', bom: 0, confidence: 'low', reason: 'empty' };
	if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
		return { encoding: 'utf-8', bom: 3, confidence: 'certain', reason: 'bom' };
	if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bom: 2, confidence: 'certain', reason: 'bom' };
	if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bom: 2, confidence: 'certain', reason: 'bom' };

	const utf16 = utf16WithoutBom(bytes);
	if (utf16) return { encoding: utf16, bom: 0, confidence: 'high', reason: 'utf16-zeros' };

	let high = 0;
	for (const b of bytes) if (b >= 0x80) high++;
	if (high === 0) return { encoding: 'utf-8', bom: 0, confidence: 'high', reason: 'ascii' };
	if (isValidUtf8(bytes)) return { encoding: 'utf-8', bom: 0, confidence: 'high', reason: 'utf8' };
	const lines = utf8LineEvidence(bytes);
	if (isMostlyUtf8(lines))
		return { encoding: 'utf-8', bom: 0, confidence: lines.valid >= MOSTLY_UTF8.high * lines.invalid ? 'high' : 'low', reason: 'utf8-lossy' };
	const gb = gb18030Plausibility(bytes);
	if (gb.invalid === 0 && gb.pairs > 0 && gb.common / gb.pairs >= 0.8)
		return { encoding: 'gb18030', bom: 0, confidence: gb.pairs >= 8 ? 'high' : 'low', reason: 'gb18030' };
	return { encoding: 'windows-1252', bom: 0, confidence: 'low', reason: 'fallback' };
}

/**
 * "Valid UTF-8 but for a few lines": among the sample's lines with bytes above 0x7F, at least
 * `ratio` times as many are valid UTF-8 (with multi-byte characters) as hold an invalid sequence —
 * 80 % or more. GBK text makes a valid UTF-8 line only by accident (a few % of short lines), and
 * Windows-1252 text almost never (é is E9, a lead byte followed by ASCII), so neither passes. At
 * `high` times as many (95 %) the guess is confident; below that the page says it is a guess.
 */
export const MOSTLY_UTF8 = { ratio: 4, high: 20 } as const;

export function isMostlyUtf8(e: Utf8LineEvidence): boolean {
	return e.invalid > 0 && e.valid >= MOSTLY_UTF8.ratio * e.invalid;
}

/** ASCII text in UTF-16 has a zero in every other byte: at odd positions (LE) or even ones (BE). */
function utf16WithoutBom(bytes: Uint8Array): TextEncoding | null {
	const n = Math.min(bytes.length, 4096) & ~1;
	if (n < 4) return null;
	let evenZero = 0;
	let oddZero = 0;
	for (let i = 0; i < n; i += 2) {
		if (bytes[i] === 0) evenZero++;
		if (bytes[i + 1] === 0) oddZero++;
	}
	const pairs = n / 2;
	if (oddZero / pairs > 0.6 && evenZero / pairs < 0.1) return 'utf-16le';
	if (evenZero / pairs > 0.6 && oddZero / pairs < 0.1) return 'utf-16be';
	return null;
}

/** Strict UTF-8 check; an incomplete sequence at the very end (a cut sample) is accepted. */
export function isValidUtf8(bytes: Uint8Array): boolean {
	try {
		new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
		return true;
	} catch {
		return false;
	}
}

export interface GbEvidence {
	/** Double-byte and four-byte GB18030 sequences. */
	pairs: number;
	/** Sequences in GB2312's hanzi block (lead B0–F7, trail A1–FE) or its symbol rows (lead A1–A9). */
	common: number;
	/** High bytes that start no valid sequence. */
	invalid: number;
}

/**
 * Walks the bytes as GB18030. Real Chinese text is almost all GB2312 pairs (both bytes ≥ 0xA1);
 * Windows-1252 text puts a lone high byte before ASCII, which pairs as a rare GBK character or not
 * at all — so the share of common pairs separates the two.
 */
export function gb18030Plausibility(bytes: Uint8Array): GbEvidence {
	let pairs = 0;
	let common = 0;
	let invalid = 0;
	let i = 0;
	const n = bytes.length;
	while (i < n) {
		const b = bytes[i]!;
		if (b < 0x80) {
			i++;
			continue;
		}
		if (b === 0x80 || b === 0xff) {
			invalid++;
			i++;
			continue;
		}
		if (i + 1 >= n) break; // cut at the end of the sample
		const t = bytes[i + 1]!;
		if (t >= 0x30 && t <= 0x39) {
			if (i + 3 >= n) break;
			const t2 = bytes[i + 2]!;
			const t3 = bytes[i + 3]!;
			if (t2 >= 0x81 && t2 <= 0xfe && t3 >= 0x30 && t3 <= 0x39) {
				pairs++;
				i += 4;
			} else {
				invalid++;
				i++;
			}
			continue;
		}
		if ((t >= 0x40 && t <= 0x7e) || (t >= 0x80 && t <= 0xfe)) {
			pairs++;
			if (t >= 0xa1 && ((b >= 0xb0 && b <= 0xf7) || (b >= 0xa1 && b <= 0xa9))) common++;
			i += 2;
			continue;
		}
		invalid++;
		i++;
	}
	return { pairs, common, invalid };
}

/**
 * Decodes a sample (the first bytes of a file) for the sniffer. The BOM is dropped, and so is an
 * incomplete character at the end of the sample (stream mode, never flushed), so a cut in the middle
 * of a multi-byte character leaves no replacement character behind.
 */
export function decodeSample(bytes: Uint8Array, encoding: TextEncoding): string {
	return new TextDecoder(encoding).decode(bytes, { stream: true });
}

/**
 * What a file that should be text really is, from its first bytes (pure): an image, a PDF, another
 * archive, a web page, JSON, an Excel 2003 XML sheet, or binary data (mostly NUL or control bytes).
 * The refusal is one translated sentence that names the file and says what to load instead — instead
 * of whatever the CSV reader would make of it. Workbooks, Parquet and legacy .xls are told apart
 * earlier (xlsx/file-kind.ts); a ZIP that is not a workbook is recognised when it is opened
 * (xlsx/zip-directory.ts), since only its directory, at its end, says what it holds.
 */
import { detectEncoding } from '../csv/encoding.ts';
import { ClienteleError } from '../errors.ts';

/** How many first bytes the checks look at (decompressed, for .gz). */
export const SIGNATURE_BYTES = 4096;

type Sig = { at?: number; bytes: readonly number[] };
const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

const IMAGES: readonly [string, Sig[]][] = [
	['PNG', [{ bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] }]],
	['JPEG', [{ bytes: [0xff, 0xd8, 0xff] }]],
	['GIF', [{ bytes: ascii('GIF87a') }, { bytes: ascii('GIF89a') }]],
	['WebP', [{ at: 8, bytes: ascii('WEBP') }]],
	['TIFF', [{ bytes: [0x49, 0x49, 0x2a, 0x00] }, { bytes: [0x4d, 0x4d, 0x00, 0x2a] }]],
	['BMP', [{ bytes: [0x42, 0x4d], at: 0 }]],
	['HEIC', [{ at: 4, bytes: ascii('ftypheic') }, { at: 4, bytes: ascii('ftypmif1') }]]
];

const ARCHIVES: readonly [string, Sig[]][] = [
	['7-Zip', [{ bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] }]],
	['RAR', [{ bytes: ascii('Rar!\x1a\x07') }]],
	['bzip2', [{ bytes: ascii('BZh') }]],
	['xz', [{ bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00] }]],
	['zstd', [{ bytes: [0x28, 0xb5, 0x2f, 0xfd] }]]
];

const GZIP = [0x1f, 0x8b];

function matches(head: Uint8Array, s: Sig): boolean {
	const at = s.at ?? 0;
	return s.bytes.every((x, i) => head[at + i] === x);
}

function named(head: Uint8Array, table: readonly [string, Sig[]][]): string | null {
	for (const [name, sigs] of table) if (sigs.some((s) => matches(head, s))) return name;
	return null;
}

/** BMP's 'BM' could start a header such as "BMI,…": it counts only with its reserved bytes zero. */
function isBmp(head: Uint8Array): boolean {
	return head.length >= 14 && [6, 7, 8, 9].every((i) => head[i] === 0);
}

/** The start of the text, without a UTF-8 BOM or leading white space, lower-cased (for markup and JSON). */
function textStart(head: Uint8Array): string {
	const from = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
	return new TextDecoder('utf-8', { fatal: false })
		.decode(head.subarray(from, from + 512))
		.trimStart()
		.toLowerCase();
}

/**
 * Share of bytes that no text file has: NUL and C0 controls other than tab, line feed, vertical tab,
 * form feed, carriage return and the DOS end-of-file mark. A CSV has none; a database, program or
 * random data has about one in ten, NUL padding far more.
 */
export function controlShare(head: Uint8Array): number {
	if (head.length === 0) return 0;
	let bad = 0;
	for (const b of head) if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0b && b !== 0x0c && b !== 0x0d && b !== 0x1a) bad++;
	return bad / head.length;
}

/** Above this share of control bytes a "text" file is binary data (measured: 0 in every CSV fixture, ≈ 0.11 in random bytes). */
export const BINARY_SHARE = 0.05;

/**
 * The refusal for a file read as text that is something else, or null when it may be text.
 * `head` is the file's first bytes (decompressed, for .gz).
 */
export function notTextRefusal(file: string, head: Uint8Array): ClienteleError | null {
	const h = head.subarray(0, SIGNATURE_BYTES);
	if (h.length === 0) return null;
	const image = named(h, IMAGES);
	if (image && (image !== 'BMP' || isBmp(h))) return new ClienteleError('file.image', { file, format: image });
	if (matches(h, { bytes: ascii('%PDF-') })) return new ClienteleError('file.pdf', { file });
	const archive = named(h, ARCHIVES);
	if (archive) return new ClienteleError('file.archive', { file, format: archive });
	if (matches(h, { bytes: GZIP })) return new ClienteleError('file.gzipName', { file });
	const start = textStart(h);
	if (/^<\?xml[^>]*>\s*(<\?mso-application[^>]*>\s*)?<workbook/.test(start) || start.includes('urn:schemas-microsoft-com:office:spreadsheet'))
		return new ClienteleError('file.xmlSheet', { file });
	if (/^(<!doctype html|<html|<table|<head|<body|<meta)/.test(start)) return new ClienteleError('file.html', { file });
	if (/^(\{\s*("|\})|\[\s*(\{|\[|"|\]|\d|-?\d))/.test(start)) return new ClienteleError('file.json', { file });
	const encoding = detectEncoding(h).encoding;
	if (encoding !== 'utf-16le' && encoding !== 'utf-16be' && controlShare(h) > BINARY_SHARE)
		return new ClienteleError('file.binary', { file });
	return null;
}

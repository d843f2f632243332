/**
 * A ZIP archive's directory, read before anything is inflated (pure): is it a workbook at all, and is
 * each sheet small enough to read? read-excel-file inflates a whole sheet into one string and then
 * into JS arrays; a sheet past the limits below would end in V8's "Cannot create a string longer
 * than 0x1fffffe8" or an out-of-memory, after a long wait. The size comes from the sheet's own
 * `<dimension ref="A1:K2000"/>` (at its start: only the first kilobytes are inflated) or, without one,
 * from its XML size.
 */
import { ClienteleError } from '../errors.ts';

export interface ZipEntry {
	name: string;
	method: number;
	compressedSize: number;
	size: number;
	/** Offset of the entry's local header. */
	offset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** The entries of a ZIP archive, from its central directory; null when there is none (damaged). */
export function zipEntries(bytes: Uint8Array): ZipEntry[] | null {
	const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	let end = -1;
	for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--)
		if (v.getUint32(i, true) === EOCD) {
			end = i;
			break;
		}
	if (end < 0) return null;
	const count = v.getUint16(end + 10, true);
	let at = v.getUint32(end + 16, true);
	const names = new TextDecoder();
	const out: ZipEntry[] = [];
	for (let k = 0; k < count; k++) {
		if (at + 46 > bytes.length || v.getUint32(at, true) !== CENTRAL) return null;
		const nameLen = v.getUint16(at + 28, true);
		const extraLen = v.getUint16(at + 30, true);
		const commentLen = v.getUint16(at + 32, true);
		out.push({
			name: names.decode(bytes.subarray(at + 46, at + 46 + nameLen)),
			method: v.getUint16(at + 10, true),
			compressedSize: v.getUint32(at + 20, true),
			size: v.getUint32(at + 24, true),
			offset: v.getUint32(at + 42, true)
		});
		at += 46 + nameLen + extraLen + commentLen;
	}
	return out;
}

/**
 * Limits on one sheet. NOT yet measured for read-excel-file (to do: time and heap of generated sheets
 * of 1M–10M cells in the page's xlsx worker): 5M cells is a cautious choice — read-excel-file keeps
 * every cell as a JS value in arrays (tens of bytes each), a few GB at 5M. The XML limit keeps the
 * sheet's text below V8's longest string (0x1fffffe8 characters ≈ 536 MB).
 */
export const MAX_SHEET_CELLS = 5_000_000;
export const MAX_SHEET_XML_BYTES = 400_000_000;

/** Cells of an A1-style range such as "A1:XFD1048576" (a single cell "A1" is 1); null when unreadable. */
export function rangeCells(ref: string): number | null {
	const m = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/i.exec(ref.trim());
	if (!m) return null;
	const col = (s: string) => [...s.toUpperCase()].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
	if (m[3] === undefined) return 1;
	const cols = Math.abs(col(m[3]) - col(m[1]!)) + 1;
	const rows = Math.abs(Number(m[4]) - Number(m[2])) + 1;
	return cols * rows;
}

/** The start of an entry, inflated (at most `max` characters of it). */
async function entryStart(bytes: Uint8Array, e: ZipEntry, max = 16384): Promise<string> {
	const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	if (v.getUint32(e.offset, true) !== LOCAL) return '';
	const data = e.offset + 30 + v.getUint16(e.offset + 26, true) + v.getUint16(e.offset + 28, true);
	const raw = bytes.subarray(data, data + Math.min(e.compressedSize, 65536));
	if (e.method === 0) return new TextDecoder().decode(raw.subarray(0, max));
	if (e.method !== 8) return '';
	const reader = new Blob([raw as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
	let text = '';
	const dec = new TextDecoder();
	try {
		while (text.length < max) {
			const { done, value } = await reader.read();
			if (done) break;
			text += dec.decode(value, { stream: true });
		}
	} catch {
		// the slice ends mid-stream: what was inflated is enough
	} finally {
		await reader.cancel().catch(() => undefined);
	}
	return text;
}

/** Sheet names by their part path (xl/worksheets/sheet1.xml → "订单"), from workbook.xml and its rels. */
async function sheetNames(bytes: Uint8Array, entries: ZipEntry[]): Promise<Map<string, string>> {
	const find = (n: string) => entries.find((e) => e.name === n);
	const book = find('xl/workbook.xml');
	const rels = find('xl/_rels/workbook.xml.rels');
	const out = new Map<string, string>();
	if (!book || !rels) return out;
	const [b, r] = await Promise.all([entryStart(bytes, book, 1 << 20), entryStart(bytes, rels, 1 << 20)]);
	const targets = new Map<string, string>();
	for (const m of r.matchAll(/<Relationship\b[^>]*>/g)) {
		const id = /\bId="([^"]*)"/.exec(m[0])?.[1];
		const target = /\bTarget="([^"]*)"/.exec(m[0])?.[1];
		if (id && target) targets.set(id, target.replace(/^\/?(xl\/)?/, 'xl/'));
	}
	for (const m of b.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
		const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
		const id = /\br:id="([^"]*)"/.exec(m[0])?.[1];
		const path = id && targets.get(id);
		if (name && path) out.set(path, unescapeXml(name));
	}
	return out;
}

function unescapeXml(s: string): string {
	return s.replace(/&(lt|gt|quot|apos|amp);/g, (_, k: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[k]!);
}

/**
 * Refuses, before anything big is inflated, a ZIP that is not an Excel workbook and a workbook whose
 * sheet (the one asked for, else any) is too large to read; null when it can be read.
 */
export async function workbookRefusal(bytes: Uint8Array, file: string, sheet?: string): Promise<ClienteleError | null> {
	const entries = zipEntries(bytes);
	if (!entries) return null; // damaged: the reader says so (xlsx.corrupt)
	if (entries.some((e) => e.name === 'mimetype') && !entries.some((e) => e.name.startsWith('xl/')))
		return new ClienteleError('xlsx.otherFormat', { file, format: '.ods' });
	if (!entries.some((e) => e.name === 'xl/workbook.xml' || e.name === 'xl/workbook.bin')) {
		const files = entries.filter((e) => !e.name.endsWith('/')).map((e) => e.name);
		return new ClienteleError('file.zip', { file, count: files.length, list: files.slice(0, 5).join(', ') + (files.length > 5 ? ', …' : '') });
	}
	const names = await sheetNames(bytes, entries);
	for (const e of entries) {
		if (!/^xl\/worksheets\/[^/]+\.xml$/.test(e.name)) continue;
		const name = names.get(e.name) ?? e.name;
		if (sheet !== undefined && name !== sheet) continue;
		const dimension = /<dimension\b[^>]*\bref="([^"]+)"/.exec(await entryStart(bytes, e))?.[1];
		const cells = dimension ? rangeCells(dimension) : null;
		if ((cells ?? 0) > MAX_SHEET_CELLS || e.size > MAX_SHEET_XML_BYTES)
			return new ClienteleError('xlsx.tooLarge', { file, sheet: name, cells: cells ?? Math.round(e.size / 20), limit: MAX_SHEET_CELLS });
	}
	return null;
}

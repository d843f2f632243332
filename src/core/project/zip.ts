/**
 * A minimal ZIP writer and reader for project files (pure, no dependency): entries stored or deflated
 * with the platform's CompressionStream('deflate-raw') (browser and Node), CRC-32 checked on reading.
 * The central directory is read with core/xlsx's reader (the one ZIP parser of the project).
 */
import { zipEntries } from '../xlsx/zip-directory.ts';

export interface ZipInput {
	name: string;
	bytes: Uint8Array;
	/** Deflate (text, CSV); false: store (already compressed or encrypted bytes). */
	deflate: boolean;
}

let table: Uint32Array | null = null;

export function crc32(bytes: Uint8Array): number {
	if (!table) {
		table = new Uint32Array(256);
		for (let n = 0; n < 256; n++) {
			let c = n;
			for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
			table[n] = c >>> 0;
		}
	}
	let c = 0xffffffff;
	for (let i = 0; i < bytes.length; i++) c = table[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
	return (c ^ 0xffffffff) >>> 0;
}

async function pipe(bytes: Uint8Array, stream: 'compress' | 'decompress'): Promise<Uint8Array> {
	const t = stream === 'compress' ? new CompressionStream('deflate-raw') : new DecompressionStream('deflate-raw');
	const out = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(t as unknown as ReadableWritablePair<Uint8Array, Uint8Array>);
	return new Uint8Array(await new Response(out as ReadableStream<Uint8Array>).arrayBuffer());
}

export const deflateRaw = (bytes: Uint8Array): Promise<Uint8Array> => pipe(bytes, 'compress');
export const inflateRaw = (bytes: Uint8Array): Promise<Uint8Array> => pipe(bytes, 'decompress');

/** A ZIP archive of the entries (UTF-8 names, no zip64: each entry and the archive stay below 4 GB). */
export async function writeZip(entries: readonly ZipInput[]): Promise<Uint8Array> {
	const enc = new TextEncoder();
	const parts: Uint8Array[] = [];
	const central: Uint8Array[] = [];
	let offset = 0;
	for (const e of entries) {
		const name = enc.encode(e.name);
		const data = e.deflate ? await deflateRaw(e.bytes) : e.bytes;
		const crc = crc32(e.bytes);
		const method = e.deflate ? 8 : 0;
		const local = new Uint8Array(30 + name.length);
		const lv = new DataView(local.buffer);
		lv.setUint32(0, 0x04034b50, true);
		lv.setUint16(4, 20, true);
		lv.setUint16(6, 0x0800, true); // UTF-8 names
		lv.setUint16(8, method, true);
		lv.setUint32(14, crc, true);
		lv.setUint32(18, data.length, true);
		lv.setUint32(22, e.bytes.length, true);
		lv.setUint16(26, name.length, true);
		local.set(name, 30);
		const dir = new Uint8Array(46 + name.length);
		const dv = new DataView(dir.buffer);
		dv.setUint32(0, 0x02014b50, true);
		dv.setUint16(4, 20, true);
		dv.setUint16(6, 20, true);
		dv.setUint16(8, 0x0800, true);
		dv.setUint16(10, method, true);
		dv.setUint32(16, crc, true);
		dv.setUint32(20, data.length, true);
		dv.setUint32(24, e.bytes.length, true);
		dv.setUint16(28, name.length, true);
		dv.setUint32(42, offset, true);
		dir.set(name, 46);
		parts.push(local, data);
		central.push(dir);
		offset += local.length + data.length;
	}
	const size = central.reduce((n, c) => n + c.length, 0);
	const end = new Uint8Array(22);
	const ev = new DataView(end.buffer);
	ev.setUint32(0, 0x06054b50, true);
	ev.setUint16(8, entries.length, true);
	ev.setUint16(10, entries.length, true);
	ev.setUint32(12, size, true);
	ev.setUint32(16, offset, true);
	const all = [...parts, ...central, end];
	const out = new Uint8Array(all.reduce((n, p) => n + p.length, 0));
	let at = 0;
	for (const p of all) {
		out.set(p, at);
		at += p.length;
	}
	return out;
}

/** The entries of a ZIP archive by name, inflated and CRC-checked; null when it is not a readable ZIP. */
export async function readZip(bytes: Uint8Array): Promise<Map<string, Uint8Array> | null> {
	const entries = zipEntries(bytes);
	if (!entries) return null;
	const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const out = new Map<string, Uint8Array>();
	for (const e of entries) {
		if (e.offset + 30 > bytes.length || v.getUint32(e.offset, true) !== 0x04034b50) return null;
		const start = e.offset + 30 + v.getUint16(e.offset + 26, true) + v.getUint16(e.offset + 28, true);
		const raw = bytes.subarray(start, start + e.compressedSize);
		let data: Uint8Array;
		if (e.method === 0) data = raw.slice();
		else if (e.method === 8) data = await inflateRaw(raw).catch(() => new Uint8Array(0));
		else return null;
		const crc = v.getUint32(e.offset + 14, true);
		if (data.length !== e.size || crc32(data) !== crc) return null;
		out.set(e.name, data);
	}
	return out;
}

/**
 * A .gz Blob inflated as a stream, every member of it: `cat a.gz b.gz`, pigz/bgzip output and rotated
 * exports are several gzip members one after the other, which zlib (Node, DuckDB) reads as one file but
 * the browser's DecompressionStream('gzip') refuses ("junk after the end") once the first member ends.
 *
 * Each member gets its own DecompressionStream (native, fast; it checks the member's header and CRC).
 * DecompressionStream does not say where a member ends, so the compressed bytes are written in pieces
 * cut at every place where the next member could start: a gzip magic (1f 8b 08) and the first bytes of
 * a trailing run of zeros (the padding some tools write). At such a place one byte is written alone (a
 * probe): a stream whose member has ended refuses it, and the member's end is then that place, checked
 * by its trailer's ISIZE against the bytes the member gave. The probe is written only after the member's
 * earlier output was read (a TransformStream transforms the next write only once its output queue is
 * empty and a read waits), so nothing is lost when the stream errors. A decoder that reads every member
 * itself (Node's) simply never refuses a probe.
 */

/** A single-member gzip decoder (the browser's DecompressionStream by default; tests inject others). */
export type GzipDecoder = () => ReadableWritablePair<Uint8Array, Uint8Array>;

export const nativeGzip: GzipDecoder = () =>
	new DecompressionStream('gzip') as unknown as ReadableWritablePair<Uint8Array, Uint8Array>;

/** One piece of inflated output, and the compressed bytes the decoders have taken so far. */
export interface GunzipStep {
	chunk: Uint8Array;
	read: number;
}

export interface GunzipOptions {
	/** Compressed bytes read (and written) at a time; default 64 KiB. */
	slice?: number;
	decoder?: GzipDecoder;
}

/** The .gz is damaged: a member that does not inflate, ends early, or bytes that are not a member. */
export class GzipDamagedError extends Error {
	constructor(detail: string) {
		super(`damaged gzip: ${detail}`);
		this.name = 'GzipDamagedError';
	}
}

/** The smallest gzip member: a 10-byte header, an empty deflate block (2 bytes), an 8-byte trailer. */
const MIN_MEMBER = 20;
/** Zero padding: a member may end this far into the file's trailing run of zeros (its trailer holds zeros). */
const PAD_PROBES = 64;

async function bytesAt(blob: Blob, from: number, to: number): Promise<Uint8Array> {
	return new Uint8Array(await blob.slice(from, to).arrayBuffer());
}

/**
 * The compressed bytes, read `slice` at a time and kept until the next read: a member that starts or
 * a trailer that is checked inside the last slice read costs no new read (in the page each Blob read is
 * a round trip to the browser process, ≈ 1 ms).
 */
class Slices {
	private at = 0;
	private end = 0;
	private bytes: Uint8Array = new Uint8Array(0);
	constructor(
		readonly blob: Blob,
		private readonly slice: number
	) {}

	/** The bytes from `at` to the end of its slice (`end`), and 2 more when the file has them (to look at). */
	async from(at: number): Promise<{ bytes: Uint8Array; end: number }> {
		if (at < this.at || at >= this.end) {
			const size = this.blob.size;
			this.bytes = await bytesAt(this.blob, at, Math.min(at + this.slice + 2, size));
			this.at = at;
			this.end = Math.min(at + this.slice, size);
		}
		return { bytes: this.bytes.subarray(at - this.at), end: this.end };
	}

	/** Bytes [from, to) (a trailer): from the last slice when it holds them. */
	async get(from: number, to: number): Promise<Uint8Array> {
		if (from >= this.at && to <= this.at + this.bytes.length) return this.bytes.subarray(from - this.at, to - this.at);
		return bytesAt(this.blob, from, to);
	}
}

/** Where the file's trailing run of zero bytes starts (its size when it ends with another byte). */
export async function zeroTailStart(blob: Blob, step = 64 * 1024): Promise<number> {
	let end = blob.size;
	while (end > 0) {
		const from = Math.max(0, end - step);
		const bytes = await bytesAt(blob, from, end);
		for (let i = bytes.length - 1; i >= 0; i--) if (bytes[i] !== 0) return from + i + 1;
		end = from;
	}
	return 0;
}

/**
 * The places in `bytes` (which starts at file offset `at`; `lookahead` bytes past `end` are there
 * only to be looked at) where the member that started at `start` could have ended.
 */
export function probePlaces(bytes: Uint8Array, at: number, end: number, start: number, tail: number): number[] {
	const out: number[] = [];
	const first = Math.max(at, start + MIN_MEMBER);
	for (let c = first; c < end; c++) {
		const i = c - at;
		const magic = bytes[i] === 0x1f && bytes[i + 1] === 0x8b && bytes[i + 2] === 0x08;
		if (magic || (c >= tail && c < tail + PAD_PROBES)) out.push(c);
	}
	return out;
}

/** Little-endian uint32 at `i`. */
function le32(b: Uint8Array, i: number): number {
	return (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24)) >>> 0;
}

interface Member {
	src: Slices;
	start: number;
	tail: number;
	writer: WritableStreamDefaultWriter<Uint8Array>;
	/** Bytes this member has given so far (read by the output side). */
	produced: number;
	/** Compressed bytes taken so far (whole file). */
	read: number;
	stopped: boolean;
}

/**
 * Writes one member's bytes (and what follows, until a probe is refused); resolves the offset where the
 * member ended (the file's size when the decoder took everything and closed cleanly).
 */
async function feed(m: Member): Promise<number> {
	const size = m.src.blob.size;
	const write = async (b: Uint8Array) => {
		if (b.length) await m.writer.write(b);
	};
	for (let at = m.start; at < size && !m.stopped; ) {
		const { bytes, end } = await m.src.from(at);
		let from = at;
		for (const c of probePlaces(bytes, at, end, m.start, m.tail)) {
			await write(bytes.subarray(from - at, c - at));
			m.read = c;
			try {
				await m.writer.write(bytes.subarray(c - at, c - at + 1));
			} catch {
				if (le32(await m.src.get(c - 4, c), 0) === m.produced >>> 0) return c;
				throw new GzipDamagedError(`member at ${m.start} does not inflate`);
			}
			from = c + 1;
		}
		await write(bytes.subarray(from - at, end - at));
		m.read = at = end;
	}
	if (m.stopped) return size;
	await m.writer.close();
	return size;
}

/**
 * Inflates every member of a .gz Blob, in order, as a stream of pieces (nothing but the piece being
 * inflated is held). Throws GzipDamagedError when a member does not inflate or ends early, or when bytes
 * that are neither a member nor trailing zeros follow one. Closing the iterator stops the inflation.
 * Returns where the gzip data ends: before the zero padding, if any (zlib readers such as DuckDB's
 * refuse the padding: "not a GZIP stream").
 */
export async function* gunzipBlob(blob: Blob, o: GunzipOptions = {}): AsyncGenerator<GunzipStep, number> {
	const decoder = o.decoder ?? nativeGzip;
	const head = await bytesAt(blob, 0, 2);
	if (head[0] !== 0x1f || head[1] !== 0x8b) throw new GzipDamagedError('no gzip header');
	const tail = await zeroTailStart(blob);
	const src = new Slices(blob, o.slice ?? 64 * 1024);
	let start = 0;
	let read = 0;
	do {
		const d = decoder();
		const reader = d.readable.getReader();
		const m: Member = { src, start, tail, writer: d.writable.getWriter(), produced: 0, read, stopped: false };
		const fed = feed(m);
		// A failed feed (a damaged member, a read error) fails the reads too.
		fed.catch(() => m.writer.abort().catch(() => undefined));
		try {
			for (;;) {
				let r: ReadableStreamReadResult<Uint8Array>;
				try {
					r = await reader.read();
				} catch {
					break; // the member ended (a probe was refused) or is damaged: `fed` says which
				}
				if (r.done) break;
				m.produced += r.value.length;
				yield { chunk: r.value, read: m.read };
			}
			start = await fed.catch((e: unknown) => {
				throw e instanceof GzipDamagedError ? e : new GzipDamagedError(e instanceof Error ? e.message : String(e));
			});
			read = m.read;
		} finally {
			m.stopped = true;
			await reader.cancel().catch(() => undefined);
			await m.writer.abort().catch(() => undefined);
		}
	} while (start < tail);
	return start;
}

/** gunzipBlob as a ReadableStream of inflated bytes; `onRead` hears the compressed bytes taken so far. */
export function gunzipStream(blob: Blob, o: GunzipOptions & { onRead?: (read: number) => void } = {}): ReadableStream<Uint8Array> {
	const it = gunzipBlob(blob, o);
	return new ReadableStream<Uint8Array>({
		async pull(controller) {
			const r = await it.next();
			if (r.done) {
				controller.close();
				return;
			}
			o.onRead?.(r.value.read);
			controller.enqueue(r.value.chunk);
		},
		async cancel() {
			await it.return(0);
		}
	});
}

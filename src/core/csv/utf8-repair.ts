/**
 * A UTF-8 file with a few bad bytes (a line pasted from a Windows-1252 program, a cut character)
 * stays UTF-8: each invalid sequence becomes U+FFFD, as the WHATWG decoder (TextDecoder) replaces
 * it, and the lines that held one are counted and numbered for the warning. Valid bytes pass
 * through untouched (no decode/encode round trip), chunk by chunk, so the file is never held whole.
 */

/** U+FFFD REPLACEMENT CHARACTER in UTF-8. */
const FFFD = [0xef, 0xbf, 0xbd];

/** Line numbers kept for the message (the count is exact). */
export const REPAIR_FIRST_LINES = 5;

export interface Utf8RepairReport {
	/** Lines (1-based, as a text editor numbers them; the header is line 1) holding a replaced sequence. */
	lines: number;
	/** The first of those lines, at most REPAIR_FIRST_LINES. */
	first: number[];
	/** Invalid sequences replaced by U+FFFD. */
	replaced: number;
}

/** The message's parameters: the file, the count, the first lines (" …" when there are more). */
export function repairParams(file: string, r: Utf8RepairReport): { file: string; lines: number; first: string; more: string } {
	return { file, lines: r.lines, first: r.first.join(', '), more: r.lines > r.first.length ? ' …' : '' };
}

export interface Utf8Repairer {
	push(chunk: Uint8Array): Uint8Array;
	/** An incomplete sequence left at the end of the file becomes U+FFFD. */
	end(): Uint8Array;
	readonly report: Utf8RepairReport;
}

/** Bytes a lead byte announces (0: not a lead byte) and the range its first continuation must be in. */
function lead(b: number): { need: number; lo: number; hi: number } | null {
	if (b >= 0xc2 && b <= 0xdf) return { need: 1, lo: 0x80, hi: 0xbf };
	if (b === 0xe0) return { need: 2, lo: 0xa0, hi: 0xbf };
	if (b === 0xed) return { need: 2, lo: 0x80, hi: 0x9f };
	if (b >= 0xe1 && b <= 0xef) return { need: 2, lo: 0x80, hi: 0xbf };
	if (b === 0xf0) return { need: 3, lo: 0x90, hi: 0xbf };
	if (b === 0xf4) return { need: 3, lo: 0x80, hi: 0x8f };
	if (b >= 0xf1 && b <= 0xf3) return { need: 3, lo: 0x80, hi: 0xbf };
	return null;
}

/**
 * Length of the valid sequence at `i` (> 0), or -k: an invalid maximal subpart of k bytes (one
 * U+FFFD), or 0: the chunk ends inside a sequence that may still be valid (wait for more bytes).
 */
function sequenceAt(bytes: Uint8Array, i: number): number {
	const l = lead(bytes[i]!);
	if (!l) return -1;
	for (let k = 1; k <= l.need; k++) {
		if (i + k >= bytes.length) return 0;
		const c = bytes[i + k]!;
		const [lo, hi] = k === 1 ? [l.lo, l.hi] : [0x80, 0xbf];
		if (c < lo || c > hi) return -k;
	}
	return l.need + 1;
}

export function createUtf8Repairer(): Utf8Repairer {
	let carry: Uint8Array | null = null;
	let line = 1;
	let prevCr = false;
	let lastBadLine = 0;
	let started = false;
	const report: Utf8RepairReport = { lines: 0, first: [], replaced: 0 };
	const bad = () => {
		report.replaced++;
		if (lastBadLine === line) return;
		lastBadLine = line;
		report.lines++;
		if (report.first.length < REPAIR_FIRST_LINES) report.first.push(line);
	};

	/** Repairs `bytes`; at the end of the file (`final`) an incomplete last sequence is replaced too. */
	const run = (input: Uint8Array, final: boolean): Uint8Array => {
		let bytes = input;
		if (carry) {
			bytes = new Uint8Array(carry.length + input.length);
			bytes.set(carry);
			bytes.set(input, carry.length);
			carry = null;
		}
		let i = 0;
		if (!started && bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) i = 3;
		if (bytes.length >= 3 || final) started = true;
		const parts: Uint8Array[] = [];
		let from = i;
		const n = bytes.length;
		while (i < n) {
			const b = bytes[i]!;
			if (b < 0x80) {
				if (b === 0x0a) {
					if (!prevCr) line++;
					prevCr = false;
				} else if (b === 0x0d) {
					line++;
					prevCr = true;
				} else prevCr = false;
				i++;
				continue;
			}
			prevCr = false;
			const len = sequenceAt(bytes, i);
			if (len > 0) {
				i += len;
				continue;
			}
			if (len === 0 && !final) {
				parts.push(bytes.subarray(from, i));
				carry = bytes.slice(i);
				return join(parts);
			}
			parts.push(bytes.subarray(from, i), Uint8Array.from(FFFD));
			bad();
			i += len === 0 ? n - i : -len;
			from = i;
		}
		parts.push(bytes.subarray(from, n));
		return join(parts);
	};
	return {
		push: (chunk) => run(chunk, false),
		end: () => (carry ? run(new Uint8Array(0), true) : new Uint8Array(0)),
		report
	};
}

function join(parts: Uint8Array[]): Uint8Array {
	const used = parts.filter((p) => p.length > 0);
	if (used.length === 1) return used[0]!;
	const out = new Uint8Array(used.reduce((s, p) => s + p.length, 0));
	let at = 0;
	for (const p of used) {
		out.set(p, at);
		at += p.length;
	}
	return out;
}

export interface Utf8LineEvidence {
	/** Lines whose bytes above 0x7F are all valid UTF-8 sequences (at least one). */
	valid: number;
	/** Lines with at least one invalid sequence. */
	invalid: number;
}

/** Lines of a sample with non-ASCII bytes, valid UTF-8 or not (an incomplete sequence at the very end is a cut: not counted). */
export function utf8LineEvidence(bytes: Uint8Array): Utf8LineEvidence {
	const e: Utf8LineEvidence = { valid: 0, invalid: 0 };
	let high = false;
	let bad = false;
	const close = () => {
		if (bad) e.invalid++;
		else if (high) e.valid++;
		high = bad = false;
	};
	for (let i = 0; i < bytes.length; ) {
		const b = bytes[i]!;
		if (b < 0x80) {
			if (b === 0x0a || b === 0x0d) close();
			i++;
			continue;
		}
		high = true;
		const len = sequenceAt(bytes, i);
		if (len === 0) break;
		if (len < 0) bad = true;
		i += Math.abs(len);
	}
	close();
	return e;
}

/** The engine's refusal of bytes that are not UTF-8 (DuckDB: "Invalid unicode … not utf-8 encoded"), as thrown or wrapped. */
export function isInvalidUtf8Error(e: unknown): boolean {
	const text = (x: unknown): string => (x instanceof Error ? x.message : typeof x === 'string' ? x : '');
	const detail = typeof e === 'object' && e !== null && 'params' in e ? (e as { params?: { detail?: unknown } }).params?.detail : undefined;
	return /invalid unicode|not utf-8 encoded/i.test(`${text(e)} ${text(detail)}`);
}

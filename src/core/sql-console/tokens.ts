/**
 * The SQL console reads statements through DuckDB's own lexer (DbClient.tokenize: the scanner its
 * parser uses), so quoting and comments mean to the guard exactly what they mean to the engine: a
 * `read_csv` hidden in a comment is no call, `"read_csv"(…)` is one. This module turns the lexer's
 * start offsets and kinds into tokens with their extent and a normalised word.
 */

/** DuckDB-WASM's token kinds (ScriptTokens.types). */
export const TOKEN = { identifier: 0, number: 1, string: 2, operator: 3, keyword: 4, comment: 5 } as const;

export interface Token {
	kind: number;
	/** Offset of the token's first character in the statement. */
	start: number;
	/** Offset just past its last character (comments and blanks after it excluded). */
	end: number;
	/** The token as written. */
	text: string;
	/**
	 * Names and keywords as the catalog sees them: unquoted and lower-cased (DuckDB matches names
	 * case-insensitively, quoted or not); an operator's text; '' for numbers and strings.
	 */
	word: string;
	/** Parenthesis depth before the token (an opening parenthesis has the depth outside it). */
	depth: number;
}

const WORD = /^[\p{L}\p{N}_$]+/u;
const SINGLE = new Set(['(', ')', ';', ',', '.', '[', ']', '{', '}']);

/** A quoted identifier's or string's extent from `start` (the opening quote), doubled quotes kept inside. */
function quotedEnd(text: string, start: number, quote: string, limit: number): number {
	let i = start + 1;
	while (i < limit) {
		if (text[i] === quote) {
			if (text[i + 1] === quote) i += 2;
			else return i + 1;
		} else i++;
	}
	return limit;
}

function extent(text: string, kind: number, start: number, limit: number): number {
	const c = text[start] ?? '';
	if ((kind === TOKEN.identifier || kind === TOKEN.string) && (c === '"' || c === "'")) return quotedEnd(text, start, c, limit);
	if (kind === TOKEN.identifier || kind === TOKEN.keyword || kind === TOKEN.number) {
		const m = WORD.exec(text.slice(start, limit));
		return start + (m ? m[0].length : 1);
	}
	if (kind === TOKEN.operator) {
		if (SINGLE.has(c)) return start + 1;
		let i = start;
		while (i < limit && /[+\-*/<>=~!@#%^&|`?:]/.test(text[i] ?? '') && !text.startsWith('--', i) && !text.startsWith('/*', i)) i++;
		return Math.max(i, start + 1);
	}
	// strings in other forms (E'…', $tag$…$tag$, X'…'): up to the next token, blanks trimmed
	return start + text.slice(start, limit).trimEnd().length;
}

function wordOf(kind: number, t: string): string {
	if (kind === TOKEN.identifier || kind === TOKEN.keyword)
		return t.startsWith('"') ? t.slice(1, -1).replaceAll('""', '"').toLowerCase() : t.toLowerCase();
	return kind === TOKEN.operator ? t : '';
}

/**
 * DuckDB's lexer counts its offsets in UTF-8 bytes; a JavaScript string in UTF-16 code units. Read as
 * indices, byte offsets drift by one to three places for every non-ASCII character before them (a
 * Chinese string or column name), and a `read_csv(` after one would no longer be seen as a call.
 * `offsets` in ascending order; lone surrogates count 3 bytes, as TextEncoder writes them (U+FFFD).
 */
export function byteOffsetsToIndices(text: string, offsets: readonly number[]): number[] {
	const out: number[] = [];
	let byte = 0;
	let i = 0;
	for (const target of offsets) {
		while (byte < target && i < text.length) {
			const c = text.codePointAt(i)!;
			byte += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
			i += c >= 0x10000 ? 2 : 1;
		}
		out.push(i);
	}
	return out;
}

/**
 * The statement's tokens (comments dropped), with their extent, word and parenthesis depth.
 * `byteOffsets`: the lexer's start offsets, in UTF-8 bytes (DbClient.tokenize).
 */
export function toTokens(text: string, byteOffsets: readonly number[], types: readonly number[]): Token[] {
	const offsets = byteOffsetsToIndices(text, byteOffsets);
	const out: Token[] = [];
	let depth = 0;
	for (let i = 0; i < offsets.length; i++) {
		const kind = types[i] ?? TOKEN.comment;
		if (kind === TOKEN.comment) continue;
		const start = offsets[i]!;
		const end = extent(text, kind, start, offsets[i + 1] ?? text.length);
		const t = text.slice(start, end);
		const word = wordOf(kind, t);
		if (word === ')') depth--;
		out.push({ kind, start, end, text: t, word, depth });
		if (word === '(') depth++;
	}
	return out;
}

/** Whether the token names something (an identifier, or a keyword used as a name such as `glob`). */
export function isName(t: Token | undefined): t is Token {
	return t !== undefined && (t.kind === TOKEN.identifier || t.kind === TOKEN.keyword);
}

/** 1-based line and column of an offset. */
export function lineColumn(text: string, at: number): { line: number; column: number } {
	const before = text.slice(0, Math.max(0, Math.min(at, text.length)));
	const lines = before.split('\n');
	return { line: lines.length, column: (lines[lines.length - 1] ?? '').length + 1 };
}

/**
 * DuckDB SQL as tokens, for the Spark SQL rendering: string literals, quoted identifiers, numbers,
 * words, operators. Literals and identifiers are re-quoted the Spark way (backslashes escaped, since
 * Spark unescapes string literals; backticks for identifiers).
 */
export type Token = { kind: 'str' | 'ident' | 'num' | 'word' | 'op' | 'space'; text: string; value?: string };

export class SparkRefusal extends Error {
	constructor(readonly what: string) {
		super(what);
	}
}

export function tokenize(s: string): Token[] {
	const out: Token[] = [];
	let i = 0;
	while (i < s.length) {
		const c = s[i]!;
		const rest = s.slice(i);
		let m: RegExpExecArray | null;
		if ((m = /^\s+/.exec(rest))) out.push({ kind: 'space', text: m[0] });
		else if ((m = /^--[^\n]*/.exec(rest))) out.push({ kind: 'space', text: ' ' });
		else if (c === "'") {
			m = /^'((?:[^']|'')*)'/.exec(rest);
			if (!m) throw new SparkRefusal('an unterminated string');
			out.push({ kind: 'str', text: m[0], value: m[1]!.replaceAll("''", "'") });
		} else if (c === '"') {
			m = /^"((?:[^"]|"")*)"/.exec(rest);
			if (!m) throw new SparkRefusal('an unterminated identifier');
			out.push({ kind: 'ident', text: m[0], value: m[1]!.replaceAll('""', '"') });
		} else if ((m = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(rest))) out.push({ kind: 'num', text: m[0] });
		else if ((m = /^[A-Za-z_][A-Za-z_0-9]*/.exec(rest))) out.push({ kind: 'word', text: m[0] });
		else if ((m = /^(::|\/\/|\|\||<>|!=|<=|>=|->>|->)/.exec(rest))) out.push({ kind: 'op', text: m[0] });
		else out.push({ kind: 'op', text: c });
		i += (m ? m[0] : c).length;
	}
	return out;
}

/** A Spark SQL string literal: backslashes and quotes escaped with a backslash. */
export function sparkString(s: string): string {
	return `'${s.replaceAll('\\', '\\\\').replaceAll("'", "\\'").replaceAll('\n', '\\n').replaceAll('\r', '\\r')}'`;
}

/** A Spark SQL identifier in backticks. */
export function sparkIdent(s: string): string {
	return `\`${s.replaceAll('`', '``')}\``;
}

/** Index of the token closing the parenthesis opened at `open`. */
export function closing(t: readonly Token[], open: number): number {
	let depth = 0;
	for (let i = open; i < t.length; i++) {
		if (t[i]!.text === '(') depth++;
		else if (t[i]!.text === ')' && --depth === 0) return i;
	}
	throw new SparkRefusal('unbalanced parentheses');
}

/** The arguments between `open` and its closing parenthesis, split at top-level commas. */
export function args(t: readonly Token[], open: number): { list: Token[][]; end: number } {
	const end = closing(t, open);
	const list: Token[][] = [[]];
	let depth = 0;
	for (let i = open + 1; i < end; i++) {
		const x = t[i]!;
		if (x.text === '(') depth++;
		if (x.text === ')') depth--;
		if (x.text === ',' && depth === 0) list.push([]);
		else list[list.length - 1]!.push(x);
	}
	return { list: list.length === 1 && list[0]!.every((x) => x.kind === 'space') ? [] : list, end };
}

export const upper = (x: Token | undefined) => (x?.kind === 'word' ? x.text.toUpperCase() : '');
export const trimTokens = (ts: Token[]) => {
	let a = 0;
	let b = ts.length;
	while (a < b && ts[a]!.kind === 'space') a++;
	while (b > a && ts[b - 1]!.kind === 'space') b--;
	return ts.slice(a, b);
};

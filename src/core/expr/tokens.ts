/**
 * The tokenizer of the computed-column language (see README "The data grid"): numbers, 'text'
 * (quotes doubled inside), column names bare (letters of any script, digits, _), [bracketed] (]]
 * for a ]) or "quoted" ("" for a "), operators and parentheses. Every token keeps its position
 * (0-based index into the expression) so an error can point at the character.
 */
import { ClienteleError } from '../errors.ts';

export type TokenKind = 'number' | 'string' | 'name' | 'column' | 'op' | '(' | ')' | ',' | 'end';

export interface Token {
	kind: TokenKind;
	/** The number's text, the string's value, the name (as written) or the operator. */
	text: string;
	pos: number;
}

/** Longest expressions accepted (characters). */
export const MAX_EXPR_LENGTH = 2000;

const OPS = ['<=', '>=', '<>', '!=', '==', '+', '-', '*', '/', '%', '<', '>', '='];

/** An error of the expression language at a position (shown 1-based to the user). */
export function exprError(code: Parameters<typeof codeOf>[0], pos: number, params: Record<string, string | number> = {}): ClienteleError {
	return new ClienteleError(codeOf(code), { ...params, pos: pos + 1 });
}

type ExprCode =
	| 'expr.tooLong'
	| 'expr.badChar'
	| 'expr.unclosed'
	| 'expr.badNumber'
	| 'expr.expected'
	| 'expr.unexpected'
	| 'expr.tooDeep'
	| 'expr.unknownColumn'
	| 'expr.unknownFunction'
	| 'expr.arity'
	| 'expr.needNumber'
	| 'expr.needText'
	| 'expr.needDate'
	| 'expr.needBool'
	| 'expr.sameType'
	| 'expr.badUnit'
	| 'expr.constInt'
	| 'expr.empty';

function codeOf(c: ExprCode): ExprCode {
	return c;
}

const isNameStart = (ch: string) => /[\p{L}_]/u.test(ch);
const isNamePart = (ch: string) => /[\p{L}\p{N}_]/u.test(ch);

/** Reads a delimited token ('…', "…", […]) whose closing delimiter is escaped by doubling it. */
function delimited(src: string, start: number, close: string): { text: string; end: number } {
	let out = '';
	let i = start + 1;
	for (;;) {
		if (i >= src.length) throw exprError('expr.unclosed', start, { close });
		const ch = src[i] as string;
		if (ch === close) {
			if (src[i + 1] === close) {
				out += close;
				i += 2;
				continue;
			}
			return { text: out, end: i + 1 };
		}
		out += ch;
		i++;
	}
}

export function tokenize(src: string): Token[] {
	if (src.length > MAX_EXPR_LENGTH) throw exprError('expr.tooLong', MAX_EXPR_LENGTH, { max: MAX_EXPR_LENGTH });
	const out: Token[] = [];
	let i = 0;
	while (i < src.length) {
		const ch = src[i] as string;
		if (/\s/u.test(ch)) {
			i++;
			continue;
		}
		if (/[0-9]/.test(ch) || (ch === '.' && /[0-9]/.test(src[i + 1] ?? ''))) {
			const m = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(src.slice(i));
			const text = m?.[0] ?? ch;
			if (isNamePart(src[i + text.length] ?? '') || src[i + text.length] === '.') throw exprError('expr.badNumber', i);
			out.push({ kind: 'number', text, pos: i });
			i += text.length;
		} else if (ch === "'") {
			const d = delimited(src, i, "'");
			out.push({ kind: 'string', text: d.text, pos: i });
			i = d.end;
		} else if (ch === '"' || ch === '[') {
			const d = delimited(src, i, ch === '"' ? '"' : ']');
			out.push({ kind: 'column', text: d.text, pos: i });
			i = d.end;
		} else if (isNameStart(ch)) {
			let j = i + 1;
			while (j < src.length && isNamePart(src[j] as string)) j++;
			out.push({ kind: 'name', text: src.slice(i, j), pos: i });
			i = j;
		} else if (ch === '(' || ch === ')' || ch === ',') {
			out.push({ kind: ch, text: ch, pos: i });
			i++;
		} else {
			const op = OPS.find((o) => src.startsWith(o, i));
			if (!op) throw exprError('expr.badChar', i, { char: ch });
			out.push({ kind: 'op', text: op, pos: i });
			i += op.length;
		}
	}
	out.push({ kind: 'end', text: '', pos: src.length });
	return out;
}

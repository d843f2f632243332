/**
 * The parser of the computed-column language: tokens → AST, by precedence (low to high):
 * `or` < `and` < `not` < comparisons (= == != <> < <= > >=) < + - < * / % < unary − < atoms.
 * Nesting is limited (MAX_DEPTH): a deeper expression is refused with a message at the character,
 * never a stack overflow — the checker and the compiler recurse over trees no deeper than this.
 */
import { exprError, tokenize, type Token } from './tokens.ts';

export const MAX_DEPTH = 64;

export type Node = { pos: number; depth: number } & (
	| { type: 'num'; value: number }
	| { type: 'str'; value: string }
	| { type: 'bool'; value: boolean }
	| { type: 'null' }
	| { type: 'col'; name: string }
	| { type: 'neg'; arg: Node }
	| { type: 'not'; arg: Node }
	| { type: 'bin'; op: BinOp; left: Node; right: Node }
	| { type: 'call'; name: string; args: Node[] }
);

export type BinOp = 'or' | 'and' | '=' | '!=' | '<' | '<=' | '>' | '>=' | '+' | '-' | '*' | '/' | '%';

const COMPARE: Record<string, BinOp> = { '=': '=', '==': '=', '!=': '!=', '<>': '!=', '<': '<', '<=': '<=', '>': '>', '>=': '>=' };
const KEYWORDS = new Set(['and', 'or', 'not', 'true', 'false', 'null']);

type Body = Node extends infer N ? (N extends Node ? Omit<N, 'pos' | 'depth'> : never) : never;

/** A node with its depth; refused beyond MAX_DEPTH. */
function node(body: Body, pos: number, children: readonly Node[]): Node {
	const depth = 1 + children.reduce((m, c) => Math.max(m, c.depth), 0);
	if (depth > MAX_DEPTH) throw exprError('expr.tooDeep', pos, { max: MAX_DEPTH });
	return { ...body, pos, depth } as Node;
}

class Parser {
	private i = 0;
	private nest = 0;
	constructor(private readonly tokens: readonly Token[]) {}

	private t(): Token {
		return this.tokens[this.i] as Token;
	}
	private keyword(word: string): boolean {
		return this.t().kind === 'name' && this.t().text.toLowerCase() === word;
	}
	private expect(kind: Token['kind'], what: string): Token {
		if (this.t().kind !== kind) throw this.unexpected(what);
		return this.tokens[this.i++] as Token;
	}
	private unexpected(what?: string) {
		const t = this.t();
		if (t.kind === 'end') return exprError('expr.expected', t.pos, { what: what ?? '…' });
		return what ? exprError('expr.expected', t.pos, { what }) : exprError('expr.unexpected', t.pos, { token: t.text });
	}
	/** Guards every recursive descent: an expression nested too deep stops here. */
	private deeper<T>(f: () => T): T {
		if (++this.nest > MAX_DEPTH) throw exprError('expr.tooDeep', this.t().pos, { max: MAX_DEPTH });
		try {
			return f();
		} finally {
			this.nest--;
		}
	}

	parse(): Node {
		if (this.t().kind === 'end') throw exprError('expr.empty', 0);
		const e = this.or();
		if (this.t().kind !== 'end') throw this.unexpected();
		return e;
	}
	private or(): Node {
		return this.chain(() => this.and(), () => (this.keyword('or') ? 'or' : null));
	}
	private and(): Node {
		return this.chain(() => this.not(), () => (this.keyword('and') ? 'and' : null));
	}
	private not(): Node {
		if (!this.keyword('not')) return this.compare();
		const pos = this.t().pos;
		this.i++;
		const arg = this.deeper(() => this.not());
		return node({ type: 'not', arg }, pos, [arg]);
	}
	private compare(): Node {
		const left = this.additive();
		const op = this.t().kind === 'op' ? COMPARE[this.t().text] : undefined;
		if (!op) return left;
		const pos = this.t().pos;
		this.i++;
		const right = this.additive();
		return node({ type: 'bin', op, left, right }, pos, [left, right]);
	}
	private additive(): Node {
		return this.chain(() => this.term(), () => (this.t().kind === 'op' && (this.t().text === '+' || this.t().text === '-') ? (this.t().text as BinOp) : null));
	}
	private term(): Node {
		return this.chain(() => this.unary(), () => (this.t().kind === 'op' && ['*', '/', '%'].includes(this.t().text) ? (this.t().text as BinOp) : null));
	}
	/** Left-associative operators, in a loop (the depth of the tree is still counted). */
	private chain(next: () => Node, op: () => BinOp | null): Node {
		let left = next();
		for (let o = op(); o; o = op()) {
			const pos = this.t().pos;
			this.i++;
			const right = next();
			left = node({ type: 'bin', op: o, left, right }, pos, [left, right]);
		}
		return left;
	}
	private unary(): Node {
		if (this.t().kind === 'op' && (this.t().text === '-' || this.t().text === '+')) {
			const t = this.tokens[this.i++] as Token;
			const arg = this.deeper(() => this.unary());
			return t.text === '+' ? arg : node({ type: 'neg', arg }, t.pos, [arg]);
		}
		return this.atom();
	}
	private atom(): Node {
		const t = this.t();
		switch (t.kind) {
			case 'number': {
				this.i++;
				const value = Number(t.text);
				if (!Number.isFinite(value)) throw exprError('expr.badNumber', t.pos);
				return node({ type: 'num', value }, t.pos, []);
			}
			case 'string':
				this.i++;
				return node({ type: 'str', value: t.text }, t.pos, []);
			case 'column':
				this.i++;
				return node({ type: 'col', name: t.text }, t.pos, []);
			case '(': {
				this.i++;
				const e = this.deeper(() => this.or());
				this.expect(')', ')');
				return e;
			}
			case 'name':
				return this.name(t);
			default:
				throw this.unexpected();
		}
	}
	private name(t: Token): Node {
		this.i++;
		const lower = t.text.toLowerCase();
		if (this.t().kind === '(') {
			this.i++;
			const args: Node[] = [];
			if (this.t().kind !== ')') {
				for (;;) {
					args.push(this.deeper(() => this.or()));
					if (this.t().kind !== ',') break;
					this.i++;
				}
			}
			this.expect(')', ')');
			return node({ type: 'call', name: lower, args }, t.pos, args);
		}
		if (lower === 'true' || lower === 'false') return node({ type: 'bool', value: lower === 'true' }, t.pos, []);
		if (lower === 'null') return node({ type: 'null' }, t.pos, []);
		if (KEYWORDS.has(lower)) throw exprError('expr.unexpected', t.pos, { token: t.text });
		return node({ type: 'col', name: t.text }, t.pos, []);
	}
}

/** Parses an expression (throws a ClienteleError `expr.*` with `pos`, 1-based). */
export function parseExpr(src: string): Node {
	return new Parser(tokenize(src)).parse();
}

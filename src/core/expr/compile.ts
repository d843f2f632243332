/**
 * The computed-column language compiled to SQL: parse → check types against the columns → SQL
 * built only with ident()/lit()/sql``. Every error is a ClienteleError `expr.*` whose `pos` (1-based)
 * points at the character. Numbers are DOUBLE throughout (no integer overflow, / is a real division,
 * a division by zero is NULL).
 */
import { ident, lit, raw, sql, type Sql } from '../sql/sql.ts';
import { DATE_UNITS, FUNCTIONS, MAX_DECIMALS, NULL_SQL, type Arg } from './functions.ts';
import { parseExpr, type Node } from './parse.ts';
import { exprError } from './tokens.ts';
import { exprTypeOf, type ExprColumn, type ExprType } from './types.ts';

export interface Compiled {
	sql: Sql;
	type: ExprType;
}

const NEED = { number: 'expr.needNumber', text: 'expr.needText', date: 'expr.needDate', bool: 'expr.needBool' } as const;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?: \d{2}:\d{2}(?::\d{2})?)?$/;

function need(a: Arg, type: 'number' | 'text' | 'date' | 'bool', what: string): void {
	if (a.type !== type && a.type !== 'null') throw exprError(NEED[type], a.pos, { what });
}

/** A text literal compared with a date becomes a timestamp (`[下单时间] >= '2024-01-01'`). */
function asDate(a: Arg, what: string): Arg {
	if (a.type === 'text' && typeof a.constant === 'string' && ISO_DATE.test(a.constant))
		return { ...a, type: 'date', sql: sql`CAST(${lit(a.constant)} AS TIMESTAMP)` };
	need(a, 'date', what);
	return a;
}

/** Arguments that must share one type (null fits any); returns that type. */
function sameType(args: readonly Arg[], what: string): ExprType {
	const t = args.find((a) => a.type !== 'null')?.type ?? 'null';
	for (const a of args) if (a.type !== t && a.type !== 'null') throw exprError('expr.sameType', a.pos, { what });
	return t;
}

class Compiler {
	private readonly byName = new Map<string, ExprColumn>();
	private readonly byLower = new Map<string, ExprColumn[]>();
	constructor(columns: readonly ExprColumn[]) {
		for (const c of columns) {
			this.byName.set(c.name, c);
			const k = c.name.toLowerCase();
			this.byLower.set(k, [...(this.byLower.get(k) ?? []), c]);
		}
	}

	private column(n: Node & { type: 'col' }): Arg {
		const c = this.byName.get(n.name) ?? (this.byLower.get(n.name.toLowerCase())?.length === 1 ? this.byLower.get(n.name.toLowerCase())![0] : undefined);
		if (!c) throw exprError('expr.unknownColumn', n.pos, { name: n.name });
		const type = exprTypeOf(c.type);
		const id = ident(c.name);
		const s = type === 'number' ? sql`CAST(${id} AS DOUBLE)` : type === 'text' && !/^VARCHAR/i.test(c.type) ? sql`CAST(${id} AS VARCHAR)` : id;
		return { sql: s, type, pos: n.pos };
	}

	arg(n: Node): Arg {
		switch (n.type) {
			case 'num':
				return { sql: sql`CAST(${lit(n.value)} AS DOUBLE)`, type: 'number', constant: n.value, pos: n.pos };
			case 'str':
				return { sql: lit(n.value), type: 'text', constant: n.value, pos: n.pos };
			case 'bool':
				return { sql: lit(n.value), type: 'bool', pos: n.pos };
			case 'null':
				return { sql: NULL_SQL, type: 'null', pos: n.pos };
			case 'col':
				return this.column(n);
			case 'neg': {
				const a = this.arg(n.arg);
				need(a, 'number', '-');
				const c = typeof a.constant === 'number' ? -a.constant : undefined;
				return { sql: sql`(-(${a.sql}))`, type: 'number', constant: c, pos: n.pos };
			}
			case 'not': {
				const a = this.arg(n.arg);
				need(a, 'bool', 'not');
				return { sql: sql`(NOT (${a.sql}))`, type: 'bool', pos: n.pos };
			}
			case 'bin':
				return this.binary(n);
			case 'call':
				return this.call(n);
		}
	}

	private binary(n: Node & { type: 'bin' }): Arg {
		let l = this.arg(n.left);
		let r = this.arg(n.right);
		const op = raw(n.op === '!=' ? '<>' : n.op.toUpperCase());
		if (n.op === 'and' || n.op === 'or') {
			need(l, 'bool', n.op);
			need(r, 'bool', n.op);
			return { sql: sql`(${l.sql} ${op} ${r.sql})`, type: 'bool', pos: n.pos };
		}
		if (['+', '-', '*', '/', '%'].includes(n.op)) {
			need(l, 'number', n.op);
			need(r, 'number', n.op);
			const s = n.op === '/' || n.op === '%' ? sql`(${l.sql} ${op} nullif(${r.sql}, 0))` : sql`(${l.sql} ${op} ${r.sql})`;
			return { sql: s, type: 'number', pos: n.pos };
		}
		if (l.type === 'date') r = asDate(r, n.op);
		else if (r.type === 'date') l = asDate(l, n.op);
		sameType([l, r], n.op);
		return { sql: sql`(${l.sql} ${op} ${r.sql})`, type: 'bool', pos: n.pos };
	}

	private call(n: Node & { type: 'call' }): Arg {
		const f = Object.hasOwn(FUNCTIONS, n.name) ? FUNCTIONS[n.name] : undefined;
		if (!f) throw exprError('expr.unknownFunction', n.pos, { name: n.name });
		if (n.args.length < f.min || n.args.length > f.max)
			throw exprError('expr.arity', n.pos, { name: n.name, min: f.min, max: f.max === 100 ? '…' : f.max });
		const args = n.args.map((a) => this.arg(a));
		const same: Arg[] = [];
		args.forEach((a, i) => {
			const want = f.args[Math.min(i, f.args.length - 1)]!;
			if (want === 'same') same.push(a);
			else if (want === 'date') args[i] = asDate(a, n.name);
			else if (want !== 'any') need(a, want, n.name);
		});
		const t = same.length > 0 ? sameType(same, n.name) : 'null';
		this.constants(n.name, args);
		return { sql: f.build(args), type: f.result === 'same' ? t : f.result, pos: n.pos };
	}

	/** Arguments that must be constants: date_diff's unit, round's decimals. */
	private constants(name: string, args: readonly Arg[]): void {
		if (name === 'date_diff') {
			const u = args[0]!;
			if (typeof u.constant !== 'string' || !(DATE_UNITS as readonly string[]).includes(u.constant.toLowerCase()))
				throw exprError('expr.badUnit', u.pos, { units: DATE_UNITS.join(', ') });
			args[0]!.constant = u.constant.toLowerCase();
		}
		if (name === 'round' && args[1]) {
			const d = args[1].constant;
			if (typeof d !== 'number' || !Number.isInteger(d) || d < 0 || d > MAX_DECIMALS)
				throw exprError('expr.constInt', args[1].pos, { max: MAX_DECIMALS });
		}
	}
}

/** Compiles an expression over the given columns (throws ClienteleError `expr.*` with `pos`). */
export function compileExpr(src: string, columns: readonly ExprColumn[]): Compiled {
	const a = new Compiler(columns).arg(parseExpr(src));
	return { sql: a.type === 'null' ? sql`CAST(NULL AS VARCHAR)` : sql`(${a.sql})`, type: a.type };
}

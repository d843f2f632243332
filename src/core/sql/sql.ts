/**
 * SQL is built, never glued. A `Sql` value can only be made by the `sql` tag, `ident()`, `lit()`
 * and `raw()` (for trusted, constant fragments). Interpolating a plain string into `sql`...``
 * binds it as a literal, so a CSV header or cell value can never become SQL text.
 *
 * The brand is checked by construction, not by shape: `Sql` is a class with an ECMAScript private
 * field, so the compiler refuses a look-alike `{ text: '…' }` where `Sql` is expected, and at run
 * time `isSql()` asks for the private field (an object merely shaped like one is not Sql). The
 * class itself is not exported as a value: nothing outside this module can make one.
 */
class Sql {
	/** Only instances made in this module have it; `#brand in v` is the run-time check. */
	readonly #brand = true;
	readonly text: string;
	constructor(text: string) {
		this.text = text;
		Object.freeze(this);
	}
	static is(v: unknown): v is Sql {
		return typeof v === 'object' && v !== null && #brand in v;
	}
}

export type { Sql };

function make(text: string): Sql {
	return new Sql(text);
}

/** Whether `v` was built by this module (a look-alike `{ text }` object is not). */
export function isSql(v: unknown): v is Sql {
	return Sql.is(v);
}

/** A quoted identifier: double quotes, embedded quotes doubled. Works for any header text. */
export function ident(name: string): Sql {
	if (name.includes('\u0000')) throw new Error(`identifier contains a NUL character: ${JSON.stringify(name)}`);
	return make('"' + name.replaceAll('"', '""') + '"');
}

export type LitValue = string | number | bigint | boolean | null | Date;

/** A literal value. Strings are single-quoted with quotes doubled; dates become DATE/TIMESTAMP literals. */
export function lit(v: LitValue): Sql {
	if (v === null) return make('NULL');
	if (typeof v === 'boolean') return make(v ? 'TRUE' : 'FALSE');
	if (typeof v === 'bigint') return make(v.toString());
	if (typeof v === 'number') {
		if (!Number.isFinite(v)) throw new Error(`cannot write a non-finite number as SQL: ${v}`);
		return make(Object.is(v, -0) ? '0' : String(v));
	}
	if (v instanceof Date) {
		if (Number.isNaN(v.getTime())) throw new Error('cannot write an invalid date as SQL');
		const iso = v.toISOString();
		return iso.endsWith('T00:00:00.000Z')
			? make(`DATE '${iso.slice(0, 10)}'`)
			: make(`TIMESTAMP '${iso.slice(0, 23).replace('T', ' ')}'`);
	}
	if (typeof v !== 'string')
		throw new TypeError(`lit() takes a string, number, bigint, boolean, null or Date, not ${describe(v)}`);
	if (v.includes('\u0000')) throw new Error('string literal contains a NUL character');
	return make("'" + v.replaceAll("'", "''") + "'");
}

/** A DATE literal from a YYYY-MM-DD string (validated). */
export function dateLit(isoDay: string): Sql {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDay)) throw new Error(`not a YYYY-MM-DD date: ${JSON.stringify(isoDay)}`);
	const d = new Date(isoDay + 'T00:00:00Z');
	if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== isoDay)
		throw new Error(`not a real calendar date: ${JSON.stringify(isoDay)}`);
	return make(`DATE '${isoDay}'`);
}

/** A trusted constant fragment (keywords, operators, function names). Never pass user input. */
export function raw(text: string): Sql {
	return make(text);
}

export type SqlArg = Sql | LitValue;

/**
 * Tagged template: `Sql` parts are spliced, everything else is bound as a literal. The template's
 * raw text is used, so a backslash in a regular expression reaches DuckDB unchanged.
 */
export function sql(strings: TemplateStringsArray, ...args: SqlArg[]): Sql {
	const parts = strings.raw;
	let out = parts[0] ?? '';
	args.forEach((a, i) => {
		out += fragment(a).text + (parts[i + 1] ?? '');
	});
	return make(out);
}

/** An interpolated value as SQL: Sql as it is, a literal value through lit(), anything else refused. */
function fragment(a: unknown): Sql {
	if (isSql(a)) return a;
	if (isLitValue(a)) return lit(a);
	throw new TypeError(
		`sql\`\` cannot interpolate ${describe(a)}: pass Sql (ident(), lit(), sql\`\`) or a plain value`
	);
}

function isLitValue(v: unknown): v is LitValue {
	const t = typeof v;
	if (v === null || v instanceof Date) return true;
	return t === 'string' || t === 'number' || t === 'bigint' || t === 'boolean';
}

function describe(v: unknown): string {
	if (v === undefined) return 'undefined';
	if (v === null) return 'null';
	if (typeof v !== 'object') return typeof v;
	return `an object that is not Sql (${Object.prototype.toString.call(v)}${'text' in v ? ' with a text field' : ''})`;
}

/** Joins fragments with a separator (default ', '). */
export function join(parts: readonly Sql[], sep = ', '): Sql {
	return make(parts.map((p) => fragmentOnly(p).text).join(sep));
}

function fragmentOnly(p: unknown): Sql {
	if (isSql(p)) return p;
	throw new TypeError(`join() takes Sql fragments only, got ${describe(p)}`);
}

/** sqlTemplate's placeholder: NUL characters, which ident() and lit() refuse, so no other part of the SQL can hold it. */
const SLOT = '\u0000slot\u0000';

/**
 * An expression of one Sql argument, built once and filled in for each argument: a wide file puts
 * thousands of columns through the same parsing, and building each anew took 0.3 s of the page's main
 * thread at 10,000 columns. `build` must use its argument only by interpolating it (`sql`, `join`).
 */
export function sqlTemplate(build: (x: Sql) => Sql): (x: Sql) => Sql {
	const parts = build(make(SLOT)).text.split(SLOT);
	return (x) => make(parts.join(fragmentOnly(x).text));
}

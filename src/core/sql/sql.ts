/**
 * SQL is built, never glued. A `Sql` value can only be made by the `sql` tag, `ident()`, `lit()`
 * and `raw()` (for trusted, constant fragments). Interpolating a plain string into `sql`...``
 * binds it as a literal, so a CSV header or cell value can never become SQL text.
 */
declare const sqlBrand: unique symbol;
export type Sql = { readonly text: string; readonly [sqlBrand]: true };

function make(text: string): Sql {
	return { text } as Sql;
}

export function isSql(v: unknown): v is Sql {
	return typeof v === 'object' && v !== null && typeof (v as { text?: unknown }).text === 'string';
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
		out += (isSql(a) ? a.text : lit(a).text) + (parts[i + 1] ?? '');
	});
	return make(out);
}

/** Joins fragments with a separator (default ', '). */
export function join(parts: readonly Sql[], sep = ', '): Sql {
	return make(parts.map((p) => p.text).join(sep));
}

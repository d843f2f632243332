import { ConsoleError } from './console-error.ts';
import { TOKEN, type Token } from './tokens.ts';

/** Looks like a path or an address (what DuckDB's replacement scans would open as a file). */
const FILE_LIKE = /[./\\:]/;

/**
 * Every table a statement reads must be one the catalog has (`relations`: tables and views of any
 * schema, lower-case). A quoted name the catalog lacks is what DuckDB would read as a file or URL
 * (`FROM 'sales.csv'`, `FROM "https://…"`): refused, as is any other unknown name.
 */
export function checkNames(names: readonly string[], relations: ReadonlySet<string>, tokens: readonly Token[]): void {
	for (const name of names) {
		const key = name.toLowerCase();
		if (relations.has(key)) continue;
		const at = tokens.find((t) => t.word === key || (t.kind === TOKEN.string && unquote(t.text).toLowerCase() === key));
		const fileLike = FILE_LIKE.test(name) || (at !== undefined && at.kind === TOKEN.string);
		throw new ConsoleError(fileLike ? 'console.refused.fileTable' : 'console.refused.unknownTable', { name }, at ? at.start : null);
	}
}

function unquote(s: string): string {
	return s.startsWith("'") && s.endsWith("'") ? s.slice(1, -1).replaceAll("''", "'") : s;
}

/** Words after which a string or quoted name stands where a table does (DuckDB would scan it as a file). */
const TABLE_SLOT = new Set(['from', 'join', 'pivot', 'unpivot', 'describe', 'summarize', 'show', 'table']);

/**
 * A second look from the tokens alone: a quoted string after FROM/JOIN/… (and, when `afterComma`, after a
 * comma) naming no relation, or a quoted name that looks like a path or address there. Used always (a
 * belt to the binder's braces), and with `afterComma` when the binder could not list a statement's
 * tables (a USING join on an unknown name fails before the list is made).
 */
export function checkTableSlots(tokens: readonly Token[], relations: ReadonlySet<string>, afterComma: boolean): void {
	tokens.forEach((t, i) => {
		const prev = tokens[i - 1];
		if (!prev || !(TABLE_SLOT.has(prev.word) || (afterComma && prev.word === ','))) return;
		const quotedName = t.kind === TOKEN.identifier && t.text.startsWith('"');
		if (t.kind !== TOKEN.string && !quotedName) return;
		const name = t.kind === TOKEN.string ? unquote(t.text) : t.word;
		if (relations.has(name.toLowerCase())) return;
		if (t.kind === TOKEN.string || FILE_LIKE.test(name)) throw new ConsoleError('console.refused.fileTable', { name }, t.start);
	});
}

/** Words DuckDB would read as syntax where a name stands: such a name is quoted when inserted. */
const RESERVED = new Set([
	'all', 'and', 'any', 'as', 'asc', 'between', 'by', 'case', 'cast', 'check', 'column', 'create', 'default', 'desc',
	'distinct', 'do', 'else', 'end', 'except', 'false', 'fetch', 'for', 'from', 'group', 'having', 'in', 'intersect',
	'into', 'is', 'join', 'limit', 'not', 'null', 'offset', 'on', 'or', 'order', 'pivot', 'select', 'table', 'then',
	'to', 'true', 'union', 'unique', 'unpivot', 'user', 'using', 'when', 'where', 'window', 'with'
]);

/**
 * A table or column name as the console's editor inserts it: bare when DuckDB reads it back as the
 * same name (lower-case letters, digits, _; no keyword), otherwise in double quotes.
 */
export function quoteName(name: string): string {
	if (/^[a-z_][a-z0-9_]*$/.test(name) && !RESERVED.has(name)) return name;
	return '"' + name.replaceAll('"', '""') + '"';
}

/** Questions to DuckDB's catalogue (pure): which tables exist, which columns a table has. */
import { join, sql, type Sql } from './sql.ts';

/** Names of the listed tables (or views) that exist. */
export function existingTablesSql(names: readonly string[]): Sql {
	return sql`SELECT DISTINCT table_name AS name FROM information_schema.tables WHERE table_name IN (${join(names.map((n) => sql`${n}`))})`;
}

/** The columns of a table, in order. */
export function columnsSql(table: string): Sql {
	return sql`SELECT column_name AS name FROM information_schema.columns WHERE table_name = ${table} ORDER BY ordinal_position`;
}

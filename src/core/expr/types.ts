/** The value types of the computed-column language and how DuckDB column types map onto them. */
export type ExprType = 'number' | 'text' | 'date' | 'bool' | 'null';

/** A column an expression may name: its name and DuckDB type (as DESCRIBE gives it). */
export interface ExprColumn {
	name: string;
	type: string;
}

const NUMERIC = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|DOUBLE|REAL|DECIMAL)/i;

export function exprTypeOf(duckType: string): ExprType {
	if (NUMERIC.test(duckType)) return 'number';
	if (/^(DATE|TIMESTAMP)/i.test(duckType)) return 'date';
	if (/^BOOLEAN$/i.test(duckType)) return 'bool';
	return 'text';
}

/** The DuckDB type a computed column of this type has (for the columns after it). */
export function duckTypeOf(t: ExprType): string {
	return t === 'number' ? 'DOUBLE' : t === 'date' ? 'TIMESTAMP' : t === 'bool' ? 'BOOLEAN' : 'VARCHAR';
}

/** A computed column as project files keep it (plain JSON). */
export interface ComputedColumn {
	name: string;
	expr: string;
}

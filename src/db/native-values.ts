/**
 * Native DuckDB's values (@duckdb/node-api's DuckDBValue) → the plain values the wasm engine's rows
 * hold (normalize.ts over apache-arrow 17), bit for bit: this is where `--engine native` stays
 * byte-identical to the wasm engine. Each rule below is the arithmetic apache-arrow does on the Arrow
 * column DuckDB-WASM sends (measured with one query of every type through both engines; the native
 * engine's unit test repeats that comparison).
 */
import type { ColumnInfo } from './client.ts';

/** @duckdb/node-api's DuckDBTypeId values (its enum, copied: the package is loaded at run time). */
export const T = {
	BOOLEAN: 1,
	TINYINT: 2,
	SMALLINT: 3,
	INTEGER: 4,
	BIGINT: 5,
	UTINYINT: 6,
	USMALLINT: 7,
	UINTEGER: 8,
	UBIGINT: 9,
	FLOAT: 10,
	DOUBLE: 11,
	TIMESTAMP: 12,
	DATE: 13,
	TIME: 14,
	INTERVAL: 15,
	HUGEINT: 16,
	VARCHAR: 17,
	BLOB: 18,
	DECIMAL: 19,
	TIMESTAMP_S: 20,
	TIMESTAMP_MS: 21,
	TIMESTAMP_NS: 22,
	ENUM: 23,
	LIST: 24,
	STRUCT: 25,
	UUID: 27,
	TIMESTAMP_TZ: 31,
	UHUGEINT: 32,
	ARRAY: 33
} as const;

type Plain = string | number | boolean | null;

/** apache-arrow's divideBigInts: how it turns µs / ns into ms (whole part and remainder apart). */
function divide(n: bigint, d: bigint): number {
	return Number(n / d) + Number(n % d) / Number(d);
}

const field = (v: unknown, k: string): unknown => (v as Record<string, unknown>)[k];

/** A value inside a LIST or STRUCT, as apache-arrow prints one (Vector / StructRow toString). */
function nested(v: unknown): string {
	if (v === null || v === undefined) return 'null';
	if (typeof v === 'bigint') return String(Number(v));
	if (typeof v !== 'object') return String(v);
	const items = field(v, 'items');
	if (Array.isArray(items)) return `[${items.map(nested).join(',')}]`;
	const entries = field(v, 'entries');
	if (entries && typeof entries === 'object')
		return `{${Object.entries(entries).map(([k, x]) => `${JSON.stringify(k)}: ${typeof x === 'string' ? JSON.stringify(x) : nested(x)}`).join(', ')}}`;
	return String(v);
}

/** One value of a column of type `type` (a DuckDBTypeId), as the wasm engine's rows hold it. */
export function plainValue(v: unknown, type: number): Plain {
	if (v === null || v === undefined) return null;
	switch (type) {
		case T.BOOLEAN:
			return v as boolean;
		case T.BIGINT:
		case T.UBIGINT:
		case T.HUGEINT:
		case T.UHUGEINT:
			return Number(v as bigint);
		case T.DECIMAL: {
			// Arrow Decimal: the unscaled integer as a number, then divided by 10^scale (normalize.ts).
			const scale = field(v, 'scale') as number;
			const n = Number(field(v, 'value') as bigint);
			return scale > 0 ? n / 10 ** scale : n;
		}
		case T.DATE:
			return 86400000 * (field(v, 'days') as number);
		case T.TIMESTAMP:
		case T.TIMESTAMP_TZ:
			return divide(field(v, 'micros') as bigint, 1000n);
		case T.TIMESTAMP_S:
			return 1000 * Number(field(v, 'seconds') as bigint);
		case T.TIMESTAMP_MS:
			return Number(field(v, 'millis') as bigint);
		case T.TIMESTAMP_NS:
			return divide(field(v, 'nanos') as bigint, 1000000n);
		case T.TIME:
			return Number(field(v, 'micros') as bigint);
		case T.BLOB: {
			const bytes = field(v, 'bytes');
			return bytes instanceof Uint8Array ? Array.from(bytes).join(',') : String(v);
		}
		case T.LIST:
		case T.ARRAY:
		case T.STRUCT:
			return nested(v);
		default:
			if (typeof v === 'number' || typeof v === 'string') return v;
			if (typeof v === 'bigint') return Number(v);
			return String(v);
	}
}

/** The column type name the wasm engine reports for a DuckDB type (normalize.ts names Arrow types). */
export function typeName(type: number, duckdbName: string): ColumnInfo['type'] {
	switch (type) {
		case T.TINYINT:
		case T.SMALLINT:
		case T.INTEGER:
		case T.BIGINT:
		case T.UTINYINT:
		case T.USMALLINT:
		case T.UINTEGER:
		case T.UBIGINT:
		case T.INTERVAL:
			return 'BIGINT';
		case T.HUGEINT:
		case T.UHUGEINT:
		case T.DECIMAL:
			return 'DECIMAL';
		case T.FLOAT:
		case T.DOUBLE:
			return 'DOUBLE';
		case T.DATE:
			return 'DATE';
		case T.TIMESTAMP:
		case T.TIMESTAMP_TZ:
		case T.TIMESTAMP_S:
		case T.TIMESTAMP_MS:
		case T.TIMESTAMP_NS:
			return 'TIMESTAMP';
		case T.VARCHAR:
		case T.ENUM:
		case T.UUID:
			return 'VARCHAR';
		case T.BOOLEAN:
			return 'BOOLEAN';
		case T.TIME:
			return 'TIME64<MICROSECOND>';
		case T.BLOB:
			return 'BINARY';
		default:
			return arrowName(duckdbName);
	}
}

const ARROW_NAMES: Record<string, string> = { DOUBLE: 'FLOAT64', FLOAT: 'FLOAT32', TINYINT: 'INT8', SMALLINT: 'INT16', INTEGER: 'INT32', BIGINT: 'INT64', VARCHAR: 'UTF8', BOOLEAN: 'BOOL' };

/** A nested type as apache-arrow prints it, upper-cased by normalize.ts (DOUBLE[] → LIST<FLOAT64>). */
function arrowName(duckdbName: string): string {
	const list = /^(.*)\[\d*\]$/.exec(duckdbName);
	if (list) return `LIST<${arrowName(list[1]!)}>`;
	return ARROW_NAMES[duckdbName] ?? duckdbName.toUpperCase();
}

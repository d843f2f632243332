import type { ColumnInfo, QueryResult, Row } from './client.ts';

/** The subset of an Arrow table we read; keeps apache-arrow types out of the rest of the code. */
interface ArrowLike {
	schema: { fields: { name: string; type: { toString(): string; typeId: number; scale?: number } }[] };
	numRows: number;
	getChildAt(i: number): { get(i: number): unknown } | null;
}

function toPlain(v: unknown): string | number | boolean | null {
	if (v === null || v === undefined) return null;
	if (typeof v === 'bigint') return Number(v);
	if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
	if (v instanceof Date) return v.getTime();
	if (typeof v === 'object' && v !== null && 'valueOf' in v) {
		const p = (v as { valueOf(): unknown }).valueOf();
		if (typeof p === 'bigint') return Number(p);
		if (typeof p === 'number') return p;
	}
	return String(v);
}

/** The result's columns and a reader of its row `r` as a plain object. */
function rowReader<T extends Row>(table: ArrowLike): { columns: ColumnInfo[]; read: (r: number) => T } {
	const fields = table.schema.fields;
	const columns: ColumnInfo[] = fields.map((f) => ({ name: f.name, type: arrowTypeName(f.type.toString()) }));
	const kids = fields.map((_, i) => table.getChildAt(i));
	const decimals = fields.map((f) => decimalScale(f.type));
	const read = (r: number): T => {
		const row: Row = {};
		for (let c = 0; c < fields.length; c++) {
			const raw = kids[c]?.get(r);
			const scale = decimals[c];
			let v = toPlain(raw);
			if (scale !== undefined && typeof v === 'number') v = v / 10 ** scale;
			row[fields[c]!.name] = v;
		}
		return row as T;
	};
	return { columns, read };
}

/** Arrow → plain rows: no BigInt, no vectors; decimals become numbers, timestamps epoch ms. */
export function normalizeArrow<T extends Row = Row>(table: ArrowLike): QueryResult<T> {
	const { columns, read } = rowReader<T>(table);
	const rows: T[] = new Array<T>(table.numRows);
	for (let r = 0; r < table.numRows; r++) rows[r] = read(r);
	return { rows, columns };
}

/**
 * The same rows, made in slices between turns of the event loop (`pause`, core/time-slice.ts,
 * asked every 256 rows): the page's main thread decodes every string of a result here, and a result
 * of tens of thousands of customers took one task of 0.15–0.4 s.
 */
export async function normalizeArrowSliced<T extends Row = Row>(
	table: ArrowLike,
	pause: () => Promise<void> | void
): Promise<QueryResult<T>> {
	const { columns, read } = rowReader<T>(table);
	const rows: T[] = new Array<T>(table.numRows);
	for (let r = 0; r < table.numRows; r++) {
		if ((r & 255) === 255) await pause();
		rows[r] = read(r);
	}
	return { rows, columns };
}

/**
 * The scale of a DECIMAL column (its values arrive unscaled). apache-arrow prints the type as
 * `Decimal[4e+1]`, which no pattern on the text caught, so read the type's own `scale` field.
 */
function decimalScale(type: { toString(): string; scale?: number }): number | undefined {
	if (!/^Decimal/i.test(type.toString())) return undefined;
	return typeof type.scale === 'number' && type.scale > 0 ? type.scale : undefined;
}

function arrowTypeName(t: string): string {
	if (/^Utf8|^LargeUtf8/i.test(t)) return 'VARCHAR';
	if (/^Float/i.test(t)) return 'DOUBLE';
	if (/^Int|^Uint/i.test(t)) return 'BIGINT';
	if (/^Timestamp/i.test(t)) return 'TIMESTAMP';
	if (/^Date/i.test(t)) return 'DATE';
	if (/^Bool/i.test(t)) return 'BOOLEAN';
	if (/^Decimal/i.test(t)) return 'DECIMAL';
	return t.toUpperCase();
}

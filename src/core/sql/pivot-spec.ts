/**
 * A pivot table's specification (plain JSON: project files keep it) and its checks: which fields
 * group the rows and the columns (at most three in all), which aggregates are shown, and which
 * aggregates a field of each type allows. The SQL is built in core/sql/pivot.ts.
 */
import { ClienteleError } from '../errors.ts';
import { exprTypeOf } from '../expr/types.ts';

export type PivotAgg = 'count' | 'distinct' | 'sum' | 'mean' | 'median' | 'min' | 'max' | 'share';
export const PIVOT_AGGS: readonly PivotAgg[] = ['count', 'distinct', 'sum', 'mean', 'median', 'min', 'max', 'share'];
export type FieldKind = 'number' | 'date' | 'text' | 'bool';
/** How a date field groups: by year, quarter, month (default) or day. */
export type DateGrain = 'year' | 'quarter' | 'month' | 'day';
export const DATE_GRAINS: readonly DateGrain[] = ['year', 'quarter', 'month', 'day'];

/** One aggregate: of a field, or (no field) of the rows — count of rows, share of all rows. */
export interface PivotValue {
	field?: string;
	agg: PivotAgg;
}

/** Sort by a row field's keys (index into rows) or by a value column (its id, e.g. `t_v0`, `c3_v1`). */
export type PivotSort = { by: 'row'; index: number; desc: boolean } | { by: 'value'; column: string; desc: boolean };

export interface PivotSpec {
	/** Which loaded table (an id the page resolves to its source: transactions, profiles, rfm, …). */
	table: string;
	rows: string[];
	columns: string[];
	values: PivotValue[];
	/** A grand-total row (and a total column when columns are pivoted). */
	totals: boolean;
	/** A subtotal row for each group of the outer row fields. */
	subtotals: boolean;
	sort: PivotSort | null;
	dateGrain?: DateGrain;
}

export interface PivotField {
	name: string;
	kind: FieldKind;
}

/** At most three group-by fields in rows and columns together. */
export const PIVOT_MAX_FIELDS = 3;
export const PIVOT_MAX_VALUES = 6;
/** Pivoted column keys shown at most (the rest: "n more not shown"); the SQL never grows beyond. */
export const PIVOT_COLUMN_CAP = 50;
/** Result rows fetched at most (the rest: "first n of N rows"). */
export const PIVOT_ROW_CAP = 5000;

export const DEFAULT_PIVOT: PivotSpec = { table: '', rows: [], columns: [], values: [{ agg: 'count' }], totals: true, subtotals: true, sort: null, dateGrain: 'month' };

export function fieldKind(duckType: string): FieldKind {
	return exprTypeOf(duckType) === 'null' ? 'text' : (exprTypeOf(duckType) as FieldKind);
}

/** The aggregates a field of this kind allows (null: no field, the rows themselves). */
export function aggsFor(kind: FieldKind | null): PivotAgg[] {
	if (kind === null) return ['count', 'share'];
	if (kind === 'number') return [...PIVOT_AGGS];
	if (kind === 'date') return ['count', 'distinct', 'min', 'max'];
	return ['count', 'distinct'];
}

/** Checks a spec against the table's fields; a ClienteleError names the field or aggregate at fault. */
export function checkPivot(spec: PivotSpec, fields: readonly PivotField[]): Map<string, FieldKind> {
	const kinds = new Map(fields.map((f) => [f.name, f.kind]));
	const groups = [...spec.rows, ...spec.columns];
	if (groups.length > PIVOT_MAX_FIELDS) throw new ClienteleError('pivot.tooManyFields', { max: PIVOT_MAX_FIELDS });
	if (new Set(groups).size !== groups.length) throw new ClienteleError('pivot.repeatedField', { field: groups.find((g, i) => groups.indexOf(g) !== i) ?? '' });
	for (const g of groups) if (!kinds.has(g)) throw new ClienteleError('pivot.noField', { field: g });
	if (spec.values.length === 0 || spec.values.length > PIVOT_MAX_VALUES) throw new ClienteleError('pivot.valueCount', { max: PIVOT_MAX_VALUES });
	for (const v of spec.values) {
		if (!PIVOT_AGGS.includes(v.agg)) throw new ClienteleError('pivot.badAggregate', { agg: String(v.agg), field: v.field ?? '' });
		if (v.field !== undefined && !kinds.has(v.field)) throw new ClienteleError('pivot.noField', { field: v.field });
		const kind = v.field === undefined ? null : (kinds.get(v.field) ?? null);
		if (!aggsFor(kind).includes(v.agg)) throw new ClienteleError('pivot.badAggregate', { agg: v.agg, field: v.field ?? '' });
	}
	if (spec.dateGrain !== undefined && !DATE_GRAINS.includes(spec.dateGrain)) throw new ClienteleError('pivot.badAggregate', { agg: String(spec.dateGrain), field: '' });
	return kinds;
}

/**
 * The pivot table's view model: the spec in $state (project files keep it), the table's fields and
 * the result as query resources (state/query.svelte.ts): a change asks the database again only when
 * the statements' text or the table's version changes. Fields that the table does not have (a project
 * made on another file) and aggregates their type does not allow are left out, never sent.
 */
import { ClienteleError, isClienteleError } from '../../core/errors.ts';
import { describeSql } from '../../core/sql/grid.ts';
import {
	aggsFor,
	PIVOT_COLUMN_CAP,
	PIVOT_MAX_FIELDS,
	PIVOT_MAX_VALUES,
	pivotKeysSql,
	pivotSql,
	type DateGrain,
	type PivotField,
	type PivotSort,
	type PivotSpec,
	type PivotValue
} from '../../core/sql/pivot.ts';
import { pivotFields, runPivot, type PivotResult } from '../../run/pivot.ts';
import { Query } from '../../state/query.svelte.ts';
import { session } from '../../state/session.svelte.ts';
import { pivotTables, type PivotTable } from './tables.ts';

export type ChartKind = 'bars' | 'heatmap';
export type PivotStatus = 'nodata' | 'loading' | 'error' | 'empty' | 'ready';

const asError = (e: unknown) => (isClienteleError(e) ? e : new ClienteleError('pivot.failed', { detail: e instanceof Error ? e.message : String(e) }));

export class PivotModel {
	/** The table's id (PivotTable.id); '' or a table not loaded: the first loaded one. */
	table = $state('');
	rows = $state<string[]>([]);
	columns = $state<string[]>([]);
	values = $state<PivotValue[]>([{ agg: 'count' }]);
	totals = $state(true);
	subtotals = $state(true);
	sort = $state.raw<PivotSort | null>(null);
	dateGrain = $state<DateGrain>('month');
	chart = $state<ChartKind>('bars');

	readonly tables = $derived(pivotTables());
	readonly current = $derived<PivotTable | null>(this.tables.find((t) => t.id === this.table) ?? this.tables[0] ?? null);

	private readonly fieldsQuery = new Query<PivotField[]>(
		() => session.db,
		() => {
			const t = this.current;
			if (!t) return null;
			return { sql: describeSql(t.source), data: [t.version], run: async (db) => (await t.prepare(db), pivotFields(db, t.source)) };
		}
	);

	/** The table's fields (none while they are read). */
	get fields(): PivotField[] {
		return this.fieldsQuery.status === 'ready' ? (this.fieldsQuery.data ?? []) : [];
	}

	/** The spec sent: only the table's fields, at most three group fields, aggregates valid for their type. */
	readonly spec = $derived.by((): PivotSpec | null => {
		const t = this.current;
		const fields = this.fields;
		if (!t || fields.length === 0) return null;
		const kind = (name: string) => fields.find((f) => f.name === name)?.kind;
		const rows = this.rows.filter((f) => kind(f)).slice(0, PIVOT_MAX_FIELDS);
		const columns = this.columns.filter((f) => kind(f) && !rows.includes(f)).slice(0, PIVOT_MAX_FIELDS - rows.length);
		const valid = (v: PivotValue) => (v.field === undefined || kind(v.field)) && aggsFor(v.field === undefined ? null : kind(v.field)!).includes(v.agg);
		const values = this.values.filter(valid).slice(0, PIVOT_MAX_VALUES);
		return { table: t.id, rows, columns, values: values.length ? values : [{ agg: 'count' }], totals: this.totals, subtotals: this.subtotals, sort: this.sort, dateGrain: this.dateGrain };
	});

	private readonly resultQuery = new Query<PivotResult>(
		() => session.db,
		() => {
			const t = this.current;
			const spec = this.spec;
			const fields = this.fields;
			if (!t || !spec) return null;
			const keys = spec.columns.length ? [pivotKeysSql({ source: t.source, spec, fields })] : [];
			return {
				sql: [...keys, pivotSql({ source: t.source, spec, fields, keys: PIVOT_COLUMN_CAP })],
				data: [t.version],
				run: (db) => runPivot(db, { source: t.source, spec, fields }).catch((e: unknown) => Promise.reject(asError(e)))
			};
		}
	);

	/** Follows the spec for the life of the component that calls it. */
	track(): void {
		this.fieldsQuery.track();
		this.resultQuery.track();
	}

	get result(): PivotResult | null {
		return this.resultQuery.data ?? null;
	}

	get error(): ClienteleError | null {
		const e = this.fieldsQuery.error ?? this.resultQuery.error;
		return e === null || e === undefined ? null : asError(e);
	}

	get status(): PivotStatus {
		if (!this.current) return 'nodata';
		if (this.error) return 'error';
		if (this.fieldsQuery.status !== 'ready' || this.resultQuery.status !== 'ready') return 'loading';
		const r = this.result;
		if (!r) return 'loading';
		const n = r.spec.rows.length;
		const leaves = n ? r.rows.some((x) => x.depth === n) : r.spec.columns.length ? r.keyCount > 0 : true;
		return leaves ? 'ready' : 'empty';
	}

	/** The group fields used, in rows and columns. */
	get used(): string[] {
		return [...(this.spec?.rows ?? []), ...(this.spec?.columns ?? [])];
	}

	setTable(id: string): void {
		this.table = id;
		this.rows = [];
		this.columns = [];
		this.values = [{ agg: 'count' }];
		this.sort = null;
	}

	add(where: 'rows' | 'columns', field: string): void {
		if (this.used.length >= PIVOT_MAX_FIELDS || this.used.includes(field)) return;
		this[where] = [...this[where], field];
		this.sort = null;
	}

	remove(where: 'rows' | 'columns', index: number): void {
		this[where] = this[where].filter((_, i) => i !== index);
		this.sort = null;
	}

	swap(): void {
		[this.rows, this.columns] = [this.columns, this.rows];
		this.sort = null;
	}

	addValue(): void {
		if (this.values.length < PIVOT_MAX_VALUES) this.values = [...this.values, { agg: 'count' }];
	}

	/** A value's field changed: keep its aggregate when the field's type allows it, else the first allowed one. */
	setValue(index: number, patch: Partial<PivotValue>): void {
		this.values = this.values.map((v, i) => {
			if (i !== index) return v;
			const next = { ...v, ...patch };
			if ('field' in patch && patch.field === undefined) delete next.field;
			const kind = next.field === undefined ? null : (this.fields.find((f) => f.name === next.field)?.kind ?? null);
			return aggsFor(kind).includes(next.agg) ? next : { ...next, agg: aggsFor(kind)[0]! };
		});
		this.sort = null;
	}

	removeValue(index: number): void {
		if (this.values.length > 1) this.values = this.values.filter((_, i) => i !== index);
		this.sort = null;
	}

	/** A header clicked: the same again flips the direction; values start largest first, keys A→Z. */
	sortBy(target: { by: 'row'; index: number } | { by: 'value'; column: string }): void {
		const s = this.sort;
		const same = s !== null && s.by === target.by && (s.by === 'row' ? s.index === (target as { index: number }).index : s.column === (target as { column: string }).column);
		this.sort = same ? { ...s, desc: !s.desc } : { ...target, desc: target.by === 'value' };
	}
}

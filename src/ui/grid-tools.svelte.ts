import { untrack } from 'svelte';
import { ClienteleError, isClienteleError } from '../core/errors.ts';
import { compileExpr } from '../core/expr/compile.ts';
import { duckTypeOf, type ExprColumn } from '../core/expr/types.ts';
import {
	customerListSql,
	filteredSql,
	valueCountsSql,
	withComputedSql,
	type GridFilter,
	type GridView,
	type SearchIndex
} from '../core/sql/grid-filter.ts';
import {
	columnProfile,
	columnProfileSql,
	profileKind,
	type ColumnProfile,
	type ProfileRow
} from '../core/sql/grid-profile.ts';
import { countSql, describeSql } from '../core/sql/grid.ts';
import type { Sql } from '../core/sql/sql.ts';
import type { DbClient } from '../db/client.ts';
import { gridViews } from '../state/grid-views.svelte.ts';
import { adoptFilters, asShown, asStored, type DroppedValue, type ValueLabels } from '../core/grid/value-ids.ts';
import { GridSearchIndex } from './grid-search.svelte.ts';

export const VALUE_LIMIT = 200;

/**
 * The data grid's tools over one source: its columns and row count, and the view (computed
 * columns, filters, search) kept in state/grid-views under `key`. `source` is what the grid shows:
 * the source with the computed columns, filtered. Everything runs in DuckDB's worker.
 */
export class GridTools {
	baseColumns = $state.raw<ExprColumn[]>([]);
	/** Rows of the source before any filter (the N of "n of N"). */
	totalAll = $state(0);
	ready = $state(false);
	/** What the search box holds now (applied as GridSearchIndex.type says). */
	searchInput = $state('');
	/** Filter values a saved view held that name no value of their column any more (dropped, to be said). */
	dropped = $state.raw<DroppedValue[]>([]);
	/** The search index as this grid uses it (made ahead, on focus or at the first keystroke). */
	private readonly search: GridSearchIndex;

	constructor(
		private readonly db: DbClient,
		readonly base: Sql,
		readonly key: string,
		readonly customerColumn: string | null = null,
		index: SearchIndex | null = null,
		/** Columns whose values are shown translated: filters keep their ids (core/grid/value-ids.ts). */
		private readonly values: ValueLabels = {},
		/** The UI language (read when used, so a switch relabels the filters). */
		private readonly lang: () => string = () => 'en'
	) {
		this.searchInput = this.view.search;
		this.search = new GridSearchIndex(index, () => this.textColumns);
	}

	get view(): GridView {
		return gridViews.get(this.key);
	}
	private update(patch: Partial<GridView>): void {
		gridViews.set(this.key, { ...this.view, ...patch });
	}

	async init(): Promise<void> {
		const [cols, n] = await Promise.all([
			this.db.query<{ column_name: string; column_type: string }>(describeSql(this.base)),
			this.db.query<{ n: number }>(countSql(this.base))
		]);
		this.baseColumns = cols.rows.map((c) => ({ name: c.column_name, type: c.column_type }));
		this.totalAll = n.rows[0]?.n ?? 0;
		// A project file's filters by translated names (saved before ids): mapped back, or dropped and said.
		const adopted = adoptFilters(this.view.filters, this.values);
		if (adopted.filters !== this.view.filters) this.update({ filters: [...adopted.filters] });
		this.dropped = adopted.dropped;
		this.ready = true;
		if (this.view.search.trim() !== '') {
			await this.search.start();
			await this.search.prepare(this.view.search);
		} else this.search.startAhead();
	}

	/** The search box has the focus: the index starts now, not at the first keystroke. */
	warmSearch(): void {
		void this.search.start();
	}

	/** The user works in the grid: an index build under way lets the grid's queries go first. */
	hold(): void {
		this.search.hold();
	}

	/** The grid is gone: an index build under way stops after its slice. */
	dispose(): void {
		this.search.dispose();
	}

	/**
	 * The row count of `source` when known without a scan: the search's rows as found (no filter on
	 * top; computed columns add no rows). The grid then skips its count.
	 */
	get knownCount(): number | null {
		return this.view.filters.length > 0 ? null : this.search.countOf(this.view.search);
	}

	/** The base rows the search leaves, as the source's index answers (null: no search, or no index). */
	private get searched(): Sql | null {
		return this.search.searched(this.view.search);
	}
	/** The search still to apply per column (empty when the index answered it). */
	private get columnSearch(): string {
		return this.searched ? '' : this.view.search;
	}

	/** Columns with the computed ones (types as the expressions give them). */
	get columns(): ExprColumn[] {
		const known = [...this.baseColumns];
		for (const c of this.view.computed) {
			try {
				known.push({ name: c.name, type: duckTypeOf(compileExpr(c.expr, known).type) });
			} catch {
				/* a stored expression that no longer fits the columns is left out (its editor says why) */
			}
		}
		return known;
	}

	get textColumns(): string[] {
		return this.baseColumns.filter((c) => /^VARCHAR/i.test(c.type)).map((c) => c.name);
	}

	/** The source with the computed columns (not yet filtered). */
	get computedSource(): Sql {
		const names = this.columns.map((c) => c.name);
		return withComputedSql(
			this.searched ?? this.base,
			this.view.computed.filter((c) => names.includes(c.name)),
			this.baseColumns
		);
	}

	/** The filters as the grid shows them: values of translated columns as the UI language's labels. */
	get shownFilters(): GridFilter[] {
		return asShown(this.view.filters, this.values, this.lang());
	}

	/** What the grid shows (before the columns are known: the source as it is). */
	get source(): Sql {
		if (!this.ready) return this.base;
		const names = this.columns.map((c) => c.name);
		const filters = this.shownFilters.filter((f) => names.includes(f.column));
		return filteredSql({
			source: this.computedSource,
			filters,
			search: this.columnSearch,
			textColumns: this.textColumns
		});
	}

	get active(): boolean {
		const v = this.view;
		return v.filters.length > 0 || v.search.trim() !== '';
	}

	typeOf(column: string): string {
		return this.columns.find((c) => c.name === column)?.type ?? 'VARCHAR';
	}

	/** A column's filter as shown (labels, not ids). */
	filterOf(column: string): GridFilter | undefined {
		return this.shownFilters.find((f) => f.column === column);
	}

	/**
	 * Sets (or with null removes) the filter of a column, given as shown (a translated column's labels:
	 * kept as ids); filters are AND-combined, one per column.
	 */
	setFilter(column: string, f: GridFilter | null): void {
		const rest = this.view.filters.filter((x) => x.column !== column);
		this.update({ filters: f ? [...rest, asStored(f, this.values, this.lang())] : rest });
	}

	typeSearch(text: string): void {
		this.searchInput = text;
		this.search.type(text, () => this.searchInput, (t) => this.update({ search: t }));
	}

	clearSearch(): void {
		this.search.cancel();
		this.searchInput = '';
		this.update({ search: '' });
	}

	clearAll(): void {
		this.search.cancel();
		this.searchInput = '';
		this.update({ filters: [], search: '' });
	}

	/** Adds a computed column; throws a ClienteleError (`expr.*`, with the position) when it does not compile. */
	addComputed(name: string, expr: string): void {
		const n = name.trim();
		if (n === '') throw new ClienteleError('expr.badName');
		if (this.columns.some((c) => c.name === n))
			throw new ClienteleError('expr.dupName', { name: n });
		compileExpr(expr, this.columns);
		this.update({ computed: [...this.view.computed, { name: n, expr }] });
	}

	removeComputed(name: string): void {
		this.update({
			computed: this.view.computed.filter((c) => c.name !== name),
			filters: this.view.filters.filter((f) => f.column !== name)
		});
	}

	/** A column's values with counts among the rows the other filters leave. */
	async valueCounts(column: string, match: string): Promise<{ v: string | null; n: number }[]> {
		const sql = valueCountsSql({
			source: this.computedSource,
			column,
			filters: this.shownFilters,
			search: this.columnSearch,
			textColumns: this.textColumns,
			match,
			limit: VALUE_LIMIT
		});
		return (await this.db.query<{ v: string | null; n: number }>(sql)).rows;
	}

	/** The profile of a column over the rows shown (one query). */
	async profile(column: string): Promise<ColumnProfile> {
		const kind = profileKind(this.typeOf(column));
		const rows = await this.db.query<ProfileRow>(
			columnProfileSql({ source: this.source, column, kind })
		);
		return columnProfile(kind, rows.rows);
	}

	/** Saves the rows shown as a customer list (needs a customer column); returns its member count. */
	async saveList(name: string): Promise<number> {
		if (!this.customerColumn) throw new Error('this grid has no customer column');
		const r = await this.db.query<{ n: number }>(
			countSql(customerListSql({ source: this.source, customer: this.customerColumn }))
		);
		const customers = r.rows[0]?.n ?? 0;
		gridViews.saveList({
			name,
			source: this.key,
			customerColumn: this.customerColumn,
			view: this.view,
			customers
		});
		return customers;
	}
}

/**
 * A grid's tools, made untracked: the constructor reads the stored view, and a filter or search must
 * not make new tools (each would describe and count the whole source again, and lose the search
 * index's state). Called in a $derived, which follows the arguments read here.
 */
export function gridToolsFor(
	db: DbClient,
	source: Sql,
	tools: { key: string; customerColumn?: string | null; searchIndex?: SearchIndex | null; values?: ValueLabels } | undefined,
	lang: () => string = () => 'en'
): GridTools | null {
	if (!tools) return null;
	const { key, customerColumn, searchIndex, values } = tools;
	return untrack(() => new GridTools(db, source, key, customerColumn ?? null, searchIndex ?? null, values ?? {}, lang));
}

export function asExprError(e: unknown): ClienteleError {
	return isClienteleError(e)
		? e
		: new ClienteleError('expr.unexpected', {
				pos: 1,
				token: e instanceof Error ? e.message : String(e)
			});
}

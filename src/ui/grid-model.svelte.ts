import type { DbClient, Row } from '../db/client.ts';
import { countSql, describeSql, pageSql, type GridSort } from '../core/sql/grid.ts';
import type { Sql } from '../core/sql/sql.ts';
import { ClienteleError } from '../core/errors.ts';
import { isOutOfMemory } from '../core/import/load-stats.ts';
import { toUserError } from '../core/user-error.ts';
import { PAGE_SPAN, WIDE_GRID_COLUMNS } from '../core/grid/column-window.ts';

export const ROW_HEIGHT = 28;

/**
 * The columns a grid's first pages read, before its view says which are in sight (setReadColumns):
 * a wide grid's first span (column 0 and PAGE_SPAN more, what the view at the left edge reads), or
 * those of `read` still in `columns`; null (all) for a narrow grid. Without it the first page of a
 * 10,000-column file read every column (14 s in the page, and a 1 s task decoding the answer).
 */
function firstRead(columns: readonly GridColumn[], read: readonly string[] | null): readonly string[] | null {
	if (columns.length <= WIDE_GRID_COLUMNS) return null;
	const names = new Set(columns.map((c) => c.name));
	const kept = read?.filter((n) => names.has(n)) ?? [];
	return kept.length > 0 ? kept : columns.slice(0, PAGE_SPAN + 1).map((c) => c.name);
}

/** A failed grid statement as the user reads it: running out of memory says what to do; anything else via toUserError. */
export function gridError(e: unknown): ClienteleError {
	return isOutOfMemory(e) ? new ClienteleError('grid.outOfMemory') : toUserError(e);
}
const BLOCK = 100;
const MAX_BLOCKS = 30;

export interface ShownRow {
	i: number;
	row: Row | undefined;
}

export interface GridColumn {
	name: string;
	type: string;
}

/**
 * A virtual window over any SELECT: the row count and column types are asked once; rows are fetched
 * in blocks of 100 as they scroll into view (at most 3,000 rows held), never the whole table.
 */
export class GridModel {
	columns = $state.raw<GridColumn[]>([]);
	total = $state(0);
	sort = $state.raw<GridSort | null>(null);
	status = $state<'loading' | 'ready' | 'error'>('loading');
	/** What went wrong, as the user reads it (never the engine's words). */
	error = $state.raw<ClienteleError | null>(null);
	/** Bumped when a block arrives, so the visible rows re-derive. */
	version = $state(0);

	// Plain (non-reactive) caches on purpose: `version` signals arrivals, so rows re-derive once per block.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	private blocks = new Map<number, Row[]>();
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	private inflight = new Set<number>();
	private generation = 0;
	/** The columns row pages read (null: all); a wide grid reads those in view (setReadColumns). */
	private read: readonly string[] | null = null;
	/** The SQL setSource last started on (null: not yet). */
	private started: string | null = null;

	constructor(
		private readonly db: DbClient,
		private source: Sql
	) {}

	/**
	 * Shows another SELECT (the same source filtered, or with computed columns): counts and describes
	 * it again, keeps the sort while its column still exists, and starts the rows afresh.
	 */
	async setSource(source: Sql, knownCount: number | null = null): Promise<void> {
		// Once per SQL: the grid's tools, ready while the first count runs, hand over the same text again
		// (that counted and described the source twice: ≈ 3 s on a 10,000-column file).
		if (source.text === this.started) return;
		this.started = source.text;
		this.source = source;
		this.blocks.clear();
		this.inflight.clear();
		this.lastFrom = null;
		await this.init(knownCount);
		const s = this.sort;
		if (s && !this.columns.some((c) => c.name === s.column)) this.sort = null;
		this.version++;
	}

	/** Describes and counts the source (`knownCount`: its row count, known without a scan). */
	async init(knownCount: number | null = null): Promise<void> {
		const gen = ++this.generation;
		if (this.status !== 'ready') this.status = 'loading';
		try {
			const [cols, n] = await Promise.all([
				this.db.query<{ column_name: string; column_type: string }>(describeSql(this.source)),
				knownCount ?? this.db.query<{ n: number }>(countSql(this.source)).then((r) => r.rows[0]?.n ?? 0)
			]);
			if (gen !== this.generation) return;
			this.columns = cols.rows.map((c) => ({ name: c.column_name, type: c.column_type }));
			this.read = firstRead(this.columns, this.read);
			this.total = n;
			this.status = 'ready';
		} catch (e) {
			if (gen !== this.generation) return;
			this.status = 'error';
			this.error = gridError(e);
		}
	}

	/**
	 * Reads only `names` from now on (null: every column): a wide grid's columns in view. A new set
	 * starts the rows afresh (their cells of the new columns are read when drawn).
	 */
	setReadColumns(names: readonly string[] | null): void {
		const same = names === null || this.read === null ? names === this.read : names.length === this.read.length && names.every((n, i) => n === this.read![i]);
		if (same) return;
		this.read = names;
		this.blocks.clear();
		this.inflight.clear();
		this.lastFrom = null;
		this.version++;
	}

	toggleSort(column: string): void {
		const s = this.sort;
		this.sort =
			s?.column === column ? (s.desc ? null : { column, desc: true }) : { column, desc: false };
		this.blocks.clear();
		this.inflight.clear();
		this.lastFrom = null;
		this.generation++;
		this.version++;
	}

	/** Rows [offset, offset + limit) of what the grid shows, in its order (for a copy): `columns` only, when given. */
	async rows(offset: number, limit: number, columns?: readonly string[]): Promise<Row[]> {
		return (await this.db.query(pageSql({ source: this.source, offset, limit, sort: this.sort, columns })))
			.rows;
	}

	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	private shown = new Map<number, ShownRow>();
	/** Where the last window started (null: none since the rows were started afresh; no read-ahead then). */
	private lastFrom: number | null = null;

	/**
	 * Rows [first, first + count) as the grid draws them (moved up at the end so that always
	 * min(count, total) rows are drawn), each in slot `i % n`: a row scrolled out hands its slot, and so
	 * its elements, to the row scrolled in (the grid draws slots unkeyed), and a row still in view with
	 * the same data keeps its object, so a scroll rewrites only the rows that came into view — no row
	 * element or cell is created or removed while scrolling.
	 */
	window(first: number, count: number): ShownRow[] {
		const n = Math.max(0, Math.min(count, this.total));
		const from = Math.max(0, Math.min(first, this.total - n));
		const out = new Array<ShownRow>(n);
		// eslint-disable-next-line svelte/prefer-svelte-reactivity
		const next = new Map<number, ShownRow>();
		for (let i = from; i < from + n; i++) {
			const row = this.row(i);
			const prev = this.shown.get(i);
			const v = prev && prev.row === row ? prev : { i, row };
			next.set(i, v);
			out[i % n] = v;
		}
		this.shown = next;
		// Scrolling: the block a block's worth of rows ahead is asked for now, so the rows scrolled in are
		// drawn once with their values — not as '…' first and again when their block arrives (a second
		// layout of up to a screenful of rows, in the task that decodes the block: issue 16).
		const last = this.lastFrom;
		this.lastFrom = from;
		if (n > 0 && last !== null && from !== last) this.ahead(from > last ? from + n - 1 + BLOCK : from - BLOCK);
		return out;
	}

	/** Asks for row i's block if it is neither held nor asked for (i outside the rows: nothing). */
	private ahead(i: number): void {
		if (i < 0 || i >= this.total) return;
		const b = Math.floor(i / BLOCK);
		if (!this.blocks.has(b)) void this.fetch(b);
	}

	/** Row i if fetched; otherwise asks for its block and returns undefined. */
	row(i: number): Row | undefined {
		const b = Math.floor(i / BLOCK);
		const block = this.blocks.get(b);
		if (block) return block[i - b * BLOCK];
		void this.fetch(b);
		return undefined;
	}

	private async fetch(b: number): Promise<void> {
		if (this.inflight.has(b)) return;
		this.inflight.add(b);
		const gen = this.generation;
		const read = this.read;
		try {
			const res = await this.db.query(
				pageSql({ source: this.source, offset: b * BLOCK, limit: BLOCK, sort: this.sort, columns: this.read })
			);
			if (gen !== this.generation || read !== this.read) return;
			this.blocks.set(b, res.rows);
			if (this.blocks.size > MAX_BLOCKS) {
				const oldest = this.blocks.keys().next().value;
				if (oldest !== undefined) this.blocks.delete(oldest);
			}
			this.version++;
		} catch (e) {
			if (gen !== this.generation) return;
			this.status = 'error';
			this.error = gridError(e);
		} finally {
			this.inflight.delete(b);
		}
	}
}

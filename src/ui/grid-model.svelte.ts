import type { DbClient, Row } from '../db/client.ts';
import { countSql, describeSql, pageSql, type GridSort } from '../core/sql/grid.ts';
import type { Sql } from '../core/sql/sql.ts';

export const ROW_HEIGHT = 28;
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
	error = $state<string | null>(null);
	/** Bumped when a block arrives, so the visible rows re-derive. */
	version = $state(0);

	// Plain (non-reactive) caches on purpose: `version` signals arrivals, so rows re-derive once per block.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	private blocks = new Map<number, Row[]>();
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	private inflight = new Set<number>();
	private generation = 0;

	constructor(
		private readonly db: DbClient,
		private source: Sql
	) {}

	/**
	 * Shows another SELECT (the same source filtered, or with computed columns): counts and describes
	 * it again, keeps the sort while its column still exists, and starts the rows afresh.
	 */
	async setSource(source: Sql, knownCount: number | null = null): Promise<void> {
		if (source.text === this.source.text && this.status !== 'loading') return;
		this.source = source;
		this.blocks.clear();
		this.inflight.clear();
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
			this.total = n;
			this.status = 'ready';
		} catch (e) {
			if (gen !== this.generation) return;
			this.status = 'error';
			this.error = e instanceof Error ? e.message : String(e);
		}
	}

	toggleSort(column: string): void {
		const s = this.sort;
		this.sort =
			s?.column === column ? (s.desc ? null : { column, desc: true }) : { column, desc: false };
		this.blocks.clear();
		this.inflight.clear();
		this.generation++;
		this.version++;
	}

	/** Rows [offset, offset + limit) of what the grid shows, in its order (for a copy). */
	async rows(offset: number, limit: number): Promise<Row[]> {
		return (await this.db.query(pageSql({ source: this.source, offset, limit, sort: this.sort })))
			.rows;
	}

	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	private shown = new Map<number, ShownRow>();

	/**
	 * Rows [first, first + count) as the grid draws them. A row already shown with the same data keeps
	 * its object, so a scroll redraws only the rows that came into view, not every cell in view.
	 */
	window(first: number, count: number): ShownRow[] {
		const out: ShownRow[] = [];
		// eslint-disable-next-line svelte/prefer-svelte-reactivity
		const next = new Map<number, ShownRow>();
		for (let i = first; i < Math.min(this.total, first + count); i++) {
			const row = this.row(i);
			const prev = this.shown.get(i);
			const v = prev && prev.row === row ? prev : { i, row };
			next.set(i, v);
			out.push(v);
		}
		this.shown = next;
		return out;
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
		try {
			const res = await this.db.query(
				pageSql({ source: this.source, offset: b * BLOCK, limit: BLOCK, sort: this.sort })
			);
			if (gen !== this.generation) return;
			this.blocks.set(b, res.rows);
			if (this.blocks.size > MAX_BLOCKS) {
				const oldest = this.blocks.keys().next().value;
				if (oldest !== undefined) this.blocks.delete(oldest);
			}
			this.version++;
		} catch (e) {
			if (gen !== this.generation) return;
			this.status = 'error';
			this.error = e instanceof Error ? e.message : String(e);
		} finally {
			this.inflight.delete(b);
		}
	}
}

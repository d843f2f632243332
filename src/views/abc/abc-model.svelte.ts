import type { DbClient } from '../../db/client.ts';
import { ClienteleError, isClienteleError } from '../../core/errors.ts';
import { toCsv } from '../../core/export/csv.ts';
import {
	ABC_EXPORT_COLUMNS,
	abcClassTableSql,
	abcCustomersSql,
	abcSql,
	paretoSql,
	paretoStatsSql,
	txDayRangeSql,
	type AbcClass,
	type AbcClassRow
} from '../../core/sql/abc.ts';
import { segmentLabelSql } from '../../core/sql/rfm-columns.ts';
import { dateLit, type Sql } from '../../core/sql/sql.ts';
import { TX_TABLE } from '../../run/tables.ts';
import { RFM_TABLE } from '../../db/rfm.ts';
import type { ParetoPoint } from '../../charts/pareto.ts';

/** The table this view writes (the CLI writes `abc`; other views may too). */
export const ABC_VIEW_TABLE = 'abc_view';

export type AbcStatus = 'idle' | 'running' | 'ready' | 'error';

export interface AbcParams {
	a: number;
	b: number;
	from?: string;
	to?: string;
}

export interface ParetoStats {
	share_for_80: number | null;
	gini: number | null;
}

/** Where the customer list takes its RFM segment from: display names, or none (RFM not run yet). */
export interface SegmentSource {
	names: Record<string, string>;
}

/** ABC / Pareto classes of the current transactions: thresholds and window in, classes and curve out. */
export class AbcModel {
	/** Thresholds as the user types them, in percent of revenue. */
	aPct = $state<number | null>(70);
	bPct = $state<number | null>(90);
	/** Optional revenue window, YYYY-MM-DD or ''. */
	from = $state('');
	to = $state('');
	status = $state<AbcStatus>('idle');
	error = $state.raw<ClienteleError | null>(null);
	/** The parameters of the results on screen. */
	applied = $state.raw<AbcParams>({ a: 0.7, b: 0.9 });
	classes = $state.raw<AbcClassRow[]>([]);
	curve = $state.raw<ParetoPoint[]>([]);
	stats = $state.raw<ParetoStats>({ share_for_80: null, gini: null });
	range = $state.raw<{ first_day: string; last_day: string } | null>(null);
	selected = $state<AbcClass | null>(null);
	/** Bumped after each run so the customer grid re-reads. */
	version = $state(0);
	private runs = 0;

	constructor(
		private readonly db: DbClient,
		readonly txVersion: number
	) {}

	uses(db: DbClient): boolean {
		return this.db === db;
	}

	get totals(): { customers: number; revenue: number } {
		return this.classes.reduce((t, r) => ({ customers: t.customers + r.customers, revenue: t.revenue + r.revenue }), { customers: 0, revenue: 0 });
	}

	/** The inputs, checked: thresholds as shares, dates valid and in order. Throws ClienteleError. */
	params(): AbcParams {
		const a = (this.aPct ?? NaN) / 100;
		const b = (this.bPct ?? NaN) / 100;
		if (!(a > 0 && a < 1 && b > a && b <= 1)) throw new ClienteleError('abc.err.thresholds', { a: String(this.aPct ?? ''), b: String(this.bPct ?? '') });
		for (const value of [this.from, this.to])
			if (value)
				try {
					dateLit(value);
				} catch {
					throw new ClienteleError('abc.err.date', { value });
				}
		if (this.from && this.to && this.from > this.to) throw new ClienteleError('abc.err.window', { from: this.from, to: this.to });
		return { a, b, from: this.from || undefined, to: this.to || undefined };
	}

	async run(): Promise<void> {
		const run = ++this.runs;
		let p: AbcParams;
		try {
			p = this.params();
		} catch (e) {
			// Bad input: say so and keep the last results (and their rule) on screen.
			this.error = isClienteleError(e) ? e : new ClienteleError('abc.err.failed', { detail: String(e) });
			if (this.status === 'idle') this.status = 'error';
			return;
		}
		this.status = 'running';
		this.error = null;
		try {
			if (!this.range) {
				const r = await this.db.query<{ first_day: string; last_day: string }>(txDayRangeSql(TX_TABLE));
				this.range = r.rows[0] ?? null;
			}
			await this.db.exec(abcSql({ tx: TX_TABLE, target: ABC_VIEW_TABLE, ...p }));
			const [classes, curve, stats] = await Promise.all([
				this.db.query<AbcClassRow>(abcClassTableSql(ABC_VIEW_TABLE)),
				this.db.query<ParetoPoint & Record<string, number>>(paretoSql(ABC_VIEW_TABLE)),
				this.db.query<ParetoStats & Record<string, number | null>>(paretoStatsSql(ABC_VIEW_TABLE))
			]);
			if (run !== this.runs) return;
			this.classes = classes.rows;
			this.curve = curve.rows;
			this.stats = stats.rows[0] ?? { share_for_80: null, gini: null };
			this.applied = p;
			this.version++;
			this.status = 'ready';
		} catch (e) {
			if (run !== this.runs) return;
			this.status = 'error';
			this.error = isClienteleError(e) ? e : new ClienteleError('abc.err.failed', { detail: e instanceof Error ? e.message : String(e) });
		}
	}

	private query(segments: SegmentSource | null, extra: { names?: Parameters<typeof abcCustomersSql>[0]['names']; withRank?: boolean; percent?: boolean } = {}): Sql {
		return abcCustomersSql({
			abc: ABC_VIEW_TABLE,
			rfm: segments ? RFM_TABLE : undefined,
			segment: segments ? segmentLabelSql(segments.names) : undefined,
			abcClass: this.selected ?? undefined,
			...extra
		});
	}

	/** The grid's source: the selected class (or all), in rank order, with translated column names. */
	customersSource(segments: SegmentSource | null, names: Parameters<typeof abcCustomersSql>[0]['names']): Sql {
		return this.query(segments, { names, withRank: true, percent: true });
	}

	/** CSV (UTF-8 BOM) of the selected class or all customers: customer_id,revenue,cum_share,abc_class,segment. */
	async exportCsv(segments: SegmentSource | null): Promise<string> {
		const res = await this.db.query(this.query(segments));
		return toCsv(ABC_EXPORT_COLUMNS, res.rows, { bom: true });
	}
}

let current: AbcModel | null = null;

/** One model per transaction table: thresholds and window survive tab switches, not a new file. */
export function abcModelFor(db: DbClient, txVersion: number): AbcModel {
	if (!current || current.txVersion !== txVersion || !current.uses(db)) current = new AbcModel(db, txVersion);
	return current;
}

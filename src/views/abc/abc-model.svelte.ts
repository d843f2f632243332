import type { DbClient } from '../../db/client.ts';
import { ClienteleError, isClienteleError } from '../../core/errors.ts';
import { toCsv } from '../../core/export/csv.ts';
import { moneyColumnsOf } from '../../core/export/money.ts';
import { ABC_EXPORT_COLUMNS, abcCustomersSql, DEFAULT_ABC, type AbcClass, type AbcClassRow } from '../../core/sql/abc.ts';
import { segmentLabelSql } from '../../core/sql/rfm-columns.ts';
import { dateLit, type Sql } from '../../core/sql/sql.ts';
import { abcDayRange, runAbc, type AbcRunOptions, type ParetoStats } from '../../run/abc.ts';
import { ABC_VIEW_TABLE, RFM_TABLE } from '../../run/tables.ts';
import type { ParetoPoint } from '../../charts/pareto.ts';
import { analysisWindow } from '../../state/window.svelte.ts';
import { CATALOGUES, type Lang } from '../../i18n/translate.ts';

/** A default share as the whole percent the threshold inputs show (0.7 → 70, not 70.00000000000001). */
const toPercent = (share: number): number => Math.round(share * 100);

export type AbcStatus = 'idle' | 'running' | 'ready' | 'error';

/** The runner's options as the page applies them: both thresholds always set. */
export type AbcParams = AbcRunOptions & { a: number; b: number };

/** Where the customer list takes its RFM segment from: display names, or none (RFM not run yet). */
export interface SegmentSource {
	names: Record<string, string>;
}

/** ABC / Pareto classes of the current transactions: thresholds and window in, classes and curve out. */
export class AbcModel {
	/** Thresholds as the user types them, in percent of revenue. */
	aPct = $state<number | null>(toPercent(DEFAULT_ABC.a));
	bPct = $state<number | null>(toPercent(DEFAULT_ABC.b));
	/** Typed window days that are not a window yet (shown as typed; the error says why). */
	private fromDraft = $state<string | null>(null);
	private toDraft = $state<string | null>(null);
	status = $state<AbcStatus>('idle');
	error = $state.raw<ClienteleError | null>(null);
	/** The parameters of the results on screen. */
	applied = $state.raw<AbcParams>({ ...DEFAULT_ABC });
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

	/**
	 * The revenue window: the app's analysis window (state/window.svelte.ts). Setting a day here moves
	 * the window of every view; a day that does not make a window stays typed until it does.
	 */
	get from(): string {
		return this.fromDraft ?? analysisWindow.start;
	}
	set from(v: string) {
		this.fromDraft = this.tryApply({ start: v }) ? null : v;
	}
	get to(): string {
		return this.toDraft ?? analysisWindow.asOf;
	}
	set to(v: string) {
		this.toDraft = this.tryApply({ asOf: v }) ? null : v;
	}

	private tryApply(w: { start?: string; asOf?: string }): boolean {
		try {
			analysisWindow.apply({ start: this.from, asOf: this.to, ...w });
			this.fromDraft = this.toDraft = null;
			return true;
		} catch {
			return false;
		}
	}

	/** Back to the default window (the whole data). */
	resetWindow(): void {
		this.fromDraft = this.toDraft = null;
		analysisWindow.reset();
	}

	/** The analysis window changed (App.svelte calls this): re-run when results for another are shown. */
	followWindow(): void {
		if (this.status === 'idle') return;
		const a = this.applied;
		if (a.from !== analysisWindow.start || a.to !== analysisWindow.asOf) void this.run();
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
			if (!this.range) this.range = await abcDayRange(this.db);
			const r = await runAbc(this.db, p);
			if (run !== this.runs) return;
			this.classes = r.classes;
			this.curve = r.curve;
			this.stats = r.stats;
			this.applied = p;
			this.version++;
			this.status = 'ready';
		} catch (e) {
			if (run !== this.runs) return;
			this.status = 'error';
			this.error = isClienteleError(e) ? e : new ClienteleError('abc.err.failed', { detail: e instanceof Error ? e.message : String(e) });
		}
	}

	private query(segments: SegmentSource | null, extra: { withRank?: boolean; percent?: boolean } = {}): Sql {
		return abcCustomersSql({
			abc: ABC_VIEW_TABLE,
			rfm: segments ? RFM_TABLE : undefined,
			segment: segments ? segmentLabelSql(segments.names) : undefined,
			abcClass: this.selected ?? undefined,
			...extra
		});
	}

	/**
	 * The grid's source: the selected class (or all), in rank order. Its columns are ids, so the grid's
	 * filters, widths and hidden columns hold in either language; abcGridLabels names them.
	 */
	customersSource(segments: SegmentSource | null): Sql {
		return this.query(segments, { withRank: true, percent: true });
	}

	/** CSV (UTF-8 BOM) of the selected class or all customers: customer_id,revenue,cum_share,abc_class,segment. */
	async exportCsv(segments: SegmentSource | null): Promise<string> {
		const res = await this.db.query(this.query(segments));
		return toCsv(ABC_EXPORT_COLUMNS, res.rows, { bom: true, money: moneyColumnsOf(ABC_EXPORT_COLUMNS) });
	}
}

/** The ABC customer grid's headers in `lang`, by column id (customersSource). */
export function abcGridLabels(lang: Lang): Record<string, string> {
	const t = CATALOGUES[lang];
	return {
		customer_id: t['abc.gcol.customer'],
		rank: t['abc.gcol.rank'],
		revenue: t['abc.gcol.revenue'],
		cum_share: t['abc.gcol.cumShare'],
		abc_class: t['abc.gcol.class'],
		segment: t['abc.gcol.segment']
	};
}

import { ClienteleError, isClienteleError } from '../../core/errors.ts';
import { toCsv } from '../../core/export/csv.ts';
import { moneyColumnsOf } from '../../core/export/money.ts';
import { FALLEN_COLUMNS, fallenListSql, type FallenColumn } from '../../core/sql/migrate.ts';
import { dateLit, type Sql } from '../../core/sql/sql.ts';
import { OTHERS, type SegmentSet } from '../../core/segments/rules.ts';
import type { DbClient } from '../../db/client.ts';
import type { RfmRun } from '../../state/analysis.svelte.ts';
import { fallenRows, migrationSummary, runMigration } from '../../run/migrate.ts';
import { MIGRATION_TABLE } from '../../run/tables.ts';
import { CATALOGUES, type Lang } from '../../i18n/translate.ts';
import { previousQuarterEnd } from './dates.ts';
import { labelsFor, type ValueLabels } from '../../core/grid/value-ids.ts';

/** The id standing for "no purchase by the earlier date" (segment_from NULL). */
export const NEW_ID = '__new__';

export { FALLEN_COLUMNS };

export type MigrationStatus = 'idle' | 'running' | 'ready' | 'error';

export interface MatrixRow {
	from: string;
	to: string;
	customers: number;
	row_share: number;
}

/** What a migration takes from the RFM run of the data: its settings, the same for both dates. */
export type RfmSettingsSource = RfmRun;

/**
 * Segment migration between two as-of dates with the RFM view's current settings (frequency,
 * monetary, returns, scoring, rule set): matrix, flow, customers who fell from valuable to at
 * risk. The statements run in run/migrate.ts.
 */
export class MigrationModel {
	from = $state('');
	to = $state('');
	status = $state<MigrationStatus>('idle');
	error = $state.raw<ClienteleError | null>(null);
	matrix = $state.raw<MatrixRow[]>([]);
	fallen = $state(0);
	/** The dates and rule set the results were computed with (a new object per run). */
	done = $state.raw<{ from: string; to: string; set: SegmentSet; rfmVersion: number } | null>(null);

	constructor(
		private readonly db: DbClient,
		private readonly rfm: RfmSettingsSource
	) {
		this.to = rfm.asOf;
		try {
			this.from = previousQuarterEnd(rfm.asOf);
		} catch {
			this.from = '';
		}
	}

	/** Segment ids in rule order, 'others', then "new" (rows only). */
	get order(): string[] {
		return [...(this.done?.set ?? this.rfm.set).rules.map((r) => r.id), OTHERS, NEW_ID];
	}

	/** Customers counted at both dates (rows of the matrix other than "new"). */
	get atBoth(): number {
		return this.matrix.filter((r) => r.from !== NEW_ID).reduce((a, r) => a + r.customers, 0);
	}

	get moved(): number {
		return this.matrix.filter((r) => r.from !== NEW_ID && r.from !== r.to).reduce((a, r) => a + r.customers, 0);
	}

	get newCustomers(): number {
		return this.matrix.filter((r) => r.from === NEW_ID).reduce((a, r) => a + r.customers, 0);
	}

	/** Whether the results are older than the RFM settings or the dates typed. */
	get stale(): boolean {
		const d = this.done;
		return d !== null && (d.from !== this.from || d.to !== this.to || d.rfmVersion !== this.rfm.version);
	}

	async run(): Promise<void> {
		if (this.status === 'running') return;
		for (const v of [this.from, this.to]) {
			try {
				dateLit(v);
			} catch {
				this.error = new ClienteleError('rfm.badAsOf', { value: v });
				this.status = 'error';
				return;
			}
		}
		const rfm = this.rfm;
		const job = { from: this.from, to: this.to, set: rfm.set, rfmVersion: rfm.version };
		this.status = 'running';
		this.error = null;
		try {
			await runMigration(this.db, {
				from: job.from,
				to: job.to,
				frequency: rfm.frequency,
				monetary: rfm.monetary,
				returns: rfm.returns,
				cancelledPattern: rfm.cancelledPattern,
				scoring: rfm.applied,
				set: job.set
			});
			const r = await migrationSummary(this.db, job.set);
			this.matrix = r.matrix.map((x) => ({ from: x.segment_from ?? NEW_ID, to: x.segment_to ?? NEW_ID, customers: x.customers, row_share: x.row_share }));
			this.fallen = r.fallen;
			this.done = job;
			this.status = 'ready';
		} catch (e) {
			this.status = 'error';
			this.error = isClienteleError(e) ? e : new ClienteleError('migration.failed', { detail: e instanceof Error ? e.message : String(e) });
		}
	}

	/** Whether the rule set names valuable and at-risk segments (else no "fallen" list). */
	get hasRiskLists(): boolean {
		const s = this.done?.set ?? this.rfm.set;
		return (s.valuable?.length ?? 0) > 0 && (s.atRisk?.length ?? 0) > 0;
	}

	/**
	 * The fallen customers' grid source, segment names in `lang`; its columns are ids (FALLEN_COLUMNS), so
	 * the grid's filters and layout hold in either language (fallenGridLabels names them). A new source
	 * after each run (done) and on a language switch.
	 */
	fallenSource(lang: Lang): Sql {
		const set = this.done?.set ?? this.rfm.set;
		return fallenListSql({ transitions: MIGRATION_TABLE, set, names: this.rfm.segmentNames(lang) });
	}

	/** The fallen list's translated columns for its grid's tools: value filters keep segment ids. */
	get fallenValues(): ValueLabels {
		const names = { en: this.rfm.segmentNames('en'), 'zh-CN': this.rfm.segmentNames('zh-CN') };
		return labelsFor(['segment_from', 'segment_to'], names);
	}

	/** The matrix as CSV (UTF-8 BOM, formula-safe): one row per pair, names in `lang`, row % as a number. */
	matrixCsv(lang: Lang, newLabel: string): string {
		const names: Record<string, string> = { ...this.rfm.segmentNames(lang), [NEW_ID]: newLabel };
		const rows = this.matrix.map((r) => ({
			segment_from: names[r.from] ?? r.from,
			segment_to: names[r.to] ?? r.to,
			customers: r.customers,
			row_percent: Math.round(r.row_share * 10000) / 100
		}));
		return toCsv(['segment_from', 'segment_to', 'customers', 'row_percent'], rows, { bom: true });
	}

	/** The fallen customers as CSV (the stable English column names). */
	async fallenCsv(lang: Lang): Promise<string> {
		const rows = await fallenRows(this.db, { set: this.done?.set ?? this.rfm.set, names: this.rfm.segmentNames(lang) });
		return toCsv(FALLEN_COLUMNS, rows, { bom: true, money: moneyColumnsOf(FALLEN_COLUMNS) });
	}
}

/** The fallen customers' grid headers in `lang`, by column id. */
export function fallenGridLabels(lang: Lang): Record<FallenColumn, string> {
	return Object.fromEntries(FALLEN_COLUMNS.map((c) => [c, CATALOGUES[lang][`migration.col.${c}`]])) as Record<FallenColumn, string>;
}

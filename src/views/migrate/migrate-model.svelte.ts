import { ClienteleError, isClienteleError } from '../../core/errors.ts';
import { toCsv } from '../../core/export/csv.ts';
import { fallenSql, transitionMatrixSql, type TransitionRow } from '../../core/sql/migrate.ts';
import { segmentLabelSql } from '../../core/sql/rfm-columns.ts';
import { dateLit, ident, sql, type Sql } from '../../core/sql/sql.ts';
import { OTHERS, type SegmentSet } from '../../core/segments/rules.ts';
import type { DbClient } from '../../db/client.ts';
import { MIGRATION_TABLE, runMigration } from '../../db/rfm.ts';
import type { Lang } from '../../i18n/translate.ts';
import type { RfmModel } from '../rfm/rfm-model.svelte.ts';
import { previousQuarterEnd } from './dates.ts';

/** The id standing for "no purchase by the earlier date" (segment_from NULL). */
export const NEW_ID = '__new__';

/** Columns of the fallen-customers list (and its CSV). */
export const FALLEN_COLUMNS = ['customer_id', 'segment_from', 'segment_to', 'rfm_score_from', 'rfm_score_to', 'monetary_from', 'monetary_to'] as const;

export type MigrationStatus = 'idle' | 'running' | 'ready' | 'error';

export interface MatrixRow {
	from: string;
	to: string;
	customers: number;
	row_share: number;
}

/**
 * Segment migration between two as-of dates with the RFM view's current settings (frequency,
 * monetary, returns, scoring, rule set): matrix, flow, customers who fell from valuable to at risk.
 */
export class MigrationModel {
	from = $state('');
	to = $state('');
	status = $state<MigrationStatus>('idle');
	error = $state.raw<ClienteleError | null>(null);
	matrix = $state.raw<MatrixRow[]>([]);
	fallen = $state(0);
	/** The dates and rule set the results were computed with. */
	done = $state.raw<{ from: string; to: string; set: SegmentSet; rfmVersion: number } | null>(null);
	/** Bumped per run so the fallen-customers grid re-reads. */
	version = $state(0);

	constructor(
		private readonly db: DbClient,
		private readonly rfm: RfmModel
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
			const [rows, fallen] = await Promise.all([
				this.db.query<TransitionRow>(transitionMatrixSql(MIGRATION_TABLE)),
				this.db.query<{ n: number }>(sql`SELECT CAST(count(*) AS INTEGER) AS n FROM (${fallenSql({ transitions: MIGRATION_TABLE, set: job.set })})`)
			]);
			this.matrix = rows.rows.map((r) => ({ from: r.segment_from ?? NEW_ID, to: r.segment_to ?? NEW_ID, customers: r.customers, row_share: r.row_share }));
			this.fallen = fallen.rows[0]?.n ?? 0;
			this.done = job;
			this.version++;
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
	 * Fallen customers with segment names in `lang`; `headers` renames the columns for display
	 * (the grid), the CSV keeps the stable English column names.
	 */
	fallenSource(lang: Lang, headers: Partial<Record<(typeof FALLEN_COLUMNS)[number], string>> = {}): Sql {
		const names = this.rfm.segmentNames(lang);
		const f = fallenSql({ transitions: MIGRATION_TABLE, set: this.done?.set ?? this.rfm.set });
		const as = (c: (typeof FALLEN_COLUMNS)[number]) => ident(headers[c] ?? c);
		return sql`SELECT customer_id AS ${as('customer_id')}, ${segmentLabelSql(names, 'segment_from')} AS ${as('segment_from')},
			${segmentLabelSql(names, 'segment_to')} AS ${as('segment_to')}, rfm_score_from AS ${as('rfm_score_from')},
			rfm_score_to AS ${as('rfm_score_to')}, monetary_from AS ${as('monetary_from')}, monetary_to AS ${as('monetary_to')}
			FROM (${f}) ORDER BY monetary_from DESC, customer_id`;
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

	/** The fallen customers as CSV. */
	async fallenCsv(lang: Lang): Promise<string> {
		const res = await this.db.query(this.fallenSource(lang));
		return toCsv(FALLEN_COLUMNS, res.rows, { bom: true });
	}
}

const models = new WeakMap<RfmModel, MigrationModel>();

/** One migration model per RFM run of the data: it survives tab switches, a new file starts afresh. */
export function migrationFor(db: DbClient, rfm: RfmModel): MigrationModel {
	let m = models.get(rfm);
	if (!m) {
		m = new MigrationModel(db, rfm);
		models.set(rfm, m);
	}
	return m;
}

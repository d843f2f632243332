import { ClienteleError, isClienteleError } from '../../core/errors.ts';
import { toCsv } from '../../core/export/csv.ts';
import { ident, sql, type Sql } from '../../core/sql/sql.ts';
import {
	hasColumnSql,
	numericColumnsSql,
	QUADRANTS,
	valueMatrixPointsSql,
	valueMatrixSql,
	valueMatrixSummarySql,
	type CurrentMeasure,
	type PotentialColumn,
	type PotentialMeasure,
	type Quadrant,
	type SplitRule
} from '../../core/sql/value-matrix.ts';
import type { DbClient } from '../../db/client.ts';
import { CLV_TABLE } from '../../db/clv.ts';
import { TX_TABLE } from '../../run/tables.ts';
import { RFM_TABLE } from '../../db/rfm.ts';
import type { MatrixPoint } from '../../charts/value-matrix.ts';
import { CATALOGUES, type Lang } from '../../i18n/translate.ts';
import { potentialFromKey, type CostState, type CurrentKind } from './axis-options.ts';
import { addDays } from './dates.ts';

export const VALUE_MATRIX_TABLE = 'value_matrix';

export interface QuadrantRow {
	quadrant: Quadrant;
	customers: number;
	share: number;
	revenue: number;
	revenue_share: number;
	potential_total: number;
	potential_mean: number | null;
	current_split: number | null;
	potential_split: number | null;
}

export type { CurrentKind } from './axis-options.ts';
export type SplitKind = 'median' | 'mean' | 'values';

/** Grid / export columns: table column → catalogue key of its header. */
const COLUMNS: [string, string][] = [
	['customer_id', 'value.col.customer'],
	['quadrant', 'value.col.quadrant'],
	['current_value', 'value.col.current'],
	['potential_value', 'value.col.potential'],
	['revenue', 'value.col.revenue'],
	['clv', 'value.col.clv'],
	['p_alive', 'value.col.pAlive'],
	['expected_purchases', 'value.col.expectedPurchases'],
	['expected_avg_spend', 'value.col.expectedSpend']
];

/** Value matrix over table `clv`: measures and split in $state, summary and points in $state.raw. */
export class MatrixModel {
	status = $state<'idle' | 'running' | 'ready' | 'error'>('idle');
	error = $state.raw<ClienteleError | null>(null);
	currentKind = $state<CurrentKind>('revenue');
	from = $state('');
	to = $state('');
	/** 'clv', 'alive-spend' or 'table.column' of one of `columns`. */
	potentialKey = $state('clv');
	/** Numeric per-customer columns the potential axis may use. */
	columns = $state.raw<PotentialColumn[]>([]);
	cost = $state<CostState>('none');
	splitKind = $state<SplitKind>('median');
	splitCurrent = $state(0);
	splitPotential = $state(0);
	log = $state(false);
	selected = $state<Quadrant | null>(null);
	summary = $state.raw<QuadrantRow[]>([]);
	points = $state.raw<MatrixPoint[]>([]);
	/** Service strategy text per quadrant and language, editable; defaults from the catalogues. */
	strategies = $state<Record<Lang, Record<Quadrant, string>>>({
		en: Object.fromEntries(QUADRANTS.map((q) => [q, CATALOGUES.en[`value.strategy.${q}`] ?? ''])) as Record<Quadrant, string>,
		'zh-CN': Object.fromEntries(QUADRANTS.map((q) => [q, CATALOGUES['zh-CN'][`value.strategy.${q}`] ?? ''])) as Record<Quadrant, string>
	});
	version = $state(0);
	private runs = 0;
	private marked = false;

	constructor(private readonly db: DbClient) {}

	/** Revenue window default: the 12 months up to the observation end. */
	setWindow(observationEnd: string): void {
		this.to = observationEnd;
		this.from = addDays(observationEnd, -364);
	}

	get current(): CurrentMeasure {
		return this.currentKind === 'rfm' ? { kind: 'rfm' } : { kind: this.currentKind, from: this.from || undefined, to: this.to || undefined };
	}

	get potential(): PotentialMeasure {
		return potentialFromKey(this.potentialKey, this.columns);
	}

	/**
	 * Looks up what the axes can offer: margin when the mapping has a cost column and the analysis
	 * table still has it; the numeric columns of the CLV and RFM tables. Choices that went away fall back.
	 */
	async refreshOptions(mappedCost: boolean): Promise<void> {
		const [has, cols] = await Promise.all([
			this.db.query<{ has_column: boolean }>(hasColumnSql(TX_TABLE, 'cost')),
			this.db.query<{ table_name: string; column_name: string }>(numericColumnsSql([CLV_TABLE, RFM_TABLE]))
		]);
		const inTable = Boolean(has.rows[0]?.has_column);
		this.cost = !mappedCost ? 'none' : inTable ? 'ready' : 'lost';
		if (this.currentKind === 'margin' && this.cost !== 'ready') this.currentKind = 'revenue';
		this.columns = cols.rows.map((r) => ({ table: r.table_name, column: r.column_name }));
		if (potentialFromKey(this.potentialKey, this.columns) === 'clv') this.potentialKey = 'clv';
	}

	get split(): SplitRule {
		return this.splitKind === 'values' ? { kind: 'values', current: Number(this.splitCurrent), potential: Number(this.splitPotential) } : { kind: this.splitKind };
	}

	get splits(): { current: number; potential: number } | null {
		const r = this.summary.find((s) => s.current_split !== null);
		return r && r.current_split !== null && r.potential_split !== null ? { current: r.current_split, potential: r.potential_split } : null;
	}

	async run(): Promise<void> {
		const run = ++this.runs;
		this.status = 'running';
		this.error = null;
		try {
			await this.db.exec(valueMatrixSql({ tx: TX_TABLE, clv: CLV_TABLE, rfm: RFM_TABLE, target: VALUE_MATRIX_TABLE, current: this.current, potential: this.potential, split: this.split }));
			const [summary, points] = await Promise.all([
				this.db.query<QuadrantRow & Record<string, string | number | null>>(valueMatrixSummarySql(VALUE_MATRIX_TABLE)),
				this.db.query<MatrixPoint & Record<string, string | number>>(valueMatrixPointsSql(VALUE_MATRIX_TABLE))
			]);
			if (run !== this.runs) return;
			this.summary = summary.rows;
			this.points = points.rows;
			const s = this.splits;
			if (s && this.splitKind !== 'values') {
				this.splitCurrent = Math.round(s.current * 100) / 100;
				this.splitPotential = Math.round(s.potential * 100) / 100;
			}
			this.version++;
			this.status = 'ready';
			if (!this.marked && typeof performance !== 'undefined') {
				this.marked = true;
				performance.mark('clientele:value-matrix-done');
			}
		} catch (e) {
			if (run !== this.runs) return;
			this.status = 'error';
			this.error = isClienteleError(e) ? e : new ClienteleError('clv.fitFailed', { detail: e instanceof Error ? e.message : String(e) });
		}
	}

	private select(lang: Lang, where: Sql): Sql {
		const cat = CATALOGUES[lang];
		const names = Object.fromEntries(QUADRANTS.map((q) => [q, cat[`value.quadrant.${q}`] ?? q]));
		const cols = COLUMNS.map(([col, key]) => {
			const value = col === 'quadrant' ? sql`CASE quadrant ${QUADRANTS.map((q) => sql`WHEN ${q} THEN ${names[q] ?? q} `).reduce((a, b) => sql`${a}${b}`)} END` : ident(col);
			return sql`${value} AS ${ident(cat[key] ?? col)}`;
		});
		return sql`SELECT ${cols.reduce((a, b) => sql`${a}, ${b}`)} FROM ${ident(VALUE_MATRIX_TABLE)} ${where} ORDER BY potential_value DESC, customer_id`;
	}

	/** Grid source: the selected quadrant's customers (or all), headers in the UI language. */
	customersSource(lang: Lang): Sql {
		return this.select(lang, this.selected ? sql`WHERE quadrant = ${this.selected}` : sql``);
	}

	/** CSV (BOM) of the selected quadrant or everyone, with quadrant, CLV, P(alive), expected purchases. */
	async exportCsv(lang: Lang): Promise<string> {
		const res = await this.db.query(this.customersSource(lang));
		return toCsv(res.columns.map((c) => c.name), res.rows, { bom: true });
	}
}

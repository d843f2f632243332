/**
 * Value matrix: the one place it runs (the value-matrix view and `clientele value-matrix` call it).
 * Current value × potential value over CLV_TABLE (written by run/clv.ts) into VALUE_MATRIX_TABLE,
 * then what the page shows (quadrant summary, scatter points) or what the CLI writes (every
 * customer). The CLI's whole sequence from loaded transactions (CLV fit, RFM when needed, the
 * matrix) is runValueMatrixFromTransactions. SQL: core/sql/value-matrix.ts.
 */
import { ClienteleError } from '../core/errors.ts';
import { R10_DOCS } from '../core/segments/rules.ts';
import type { ClvUnit } from '../core/sql/clv.ts';
import type { FrequencyMode } from '../core/sql/rfm.ts';
import {
	hasColumnSql,
	numericColumnsSql,
	POTENTIAL_MEASURES,
	resolvePotentialColumn,
	valueMatrixListSql,
	valueMatrixPointsSql,
	valueMatrixSql,
	valueMatrixSummarySql,
	type CurrentMeasure,
	type PotentialColumn,
	type PotentialMeasure,
	type Quadrant,
	type SplitRule
} from '../core/sql/value-matrix.ts';
import type { DbClient, Row } from '../db/client.ts';
import { runRfm } from './rfm.ts';
import { defaultAsOf } from './as-of.ts';
import type { ClvFitResult } from '../core/clv/fit-types.ts';
import { runClvModels, type ClvFit } from './clv.ts';
import { CLV_TABLE, RFM_TABLE, TX_TABLE, VALUE_MATRIX_TABLE } from './tables.ts';

/** Where page and CLI start: revenue × CLV, split at the medians. */
export const DEFAULT_VALUE_MATRIX = { current: 'revenue', potential: 'clv', split: 'median' } as const;

/** The axes and the split (plain data: a project file can store it). */
export interface ValueMatrixRunOptions {
	current: CurrentMeasure;
	potential: PotentialMeasure;
	split: SplitRule;
}

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

export interface ValueMatrixPoint {
	customer_id: string;
	current_value: number;
	potential_value: number;
	quadrant: Quadrant;
}

export interface ValueMatrixResult {
	/** One row per quadrant in QUADRANTS order (empty ones with zeros). */
	summary: QuadrantRow[];
	/** Up to 4000 customers for the scatter, a deterministic spread. */
	points: ValueMatrixPoint[];
}

async function buildValueMatrix(db: DbClient, o: ValueMatrixRunOptions): Promise<void> {
	await db.exec(valueMatrixSql({ tx: TX_TABLE, clv: CLV_TABLE, rfm: RFM_TABLE, target: VALUE_MATRIX_TABLE, ...o }));
}

/** Writes VALUE_MATRIX_TABLE from the stored CLV (and RFM) tables and reads the page's summary and points. */
export async function runValueMatrix(db: DbClient, o: ValueMatrixRunOptions): Promise<ValueMatrixResult> {
	await buildValueMatrix(db, o);
	const [summary, points] = await Promise.all([
		db.query<QuadrantRow & Record<string, string | number | null>>(valueMatrixSummarySql(VALUE_MATRIX_TABLE)),
		db.query<ValueMatrixPoint & Record<string, string | number>>(valueMatrixPointsSql(VALUE_MATRIX_TABLE))
	]);
	return { summary: summary.rows, points: points.rows };
}

/** The numeric per-customer columns of the CLV and RFM tables (what the potential axis may use). */
export async function potentialColumns(db: DbClient): Promise<PotentialColumn[]> {
	const res = await db.query<{ table_name: string; column_name: string }>(numericColumnsSql([CLV_TABLE, RFM_TABLE]));
	return res.rows.map((r) => ({ table: r.table_name, column: r.column_name }));
}

/** Whether the typed transactions kept a cost column (margin can be a current value). */
export async function txHasCost(db: DbClient): Promise<boolean> {
	return Boolean((await db.query<{ has_column: boolean }>(hasColumnSql(TX_TABLE, 'cost'))).rows[0]?.has_column);
}

const isMeasure = (name: string): name is (typeof POTENTIAL_MEASURES)[number] => (POTENTIAL_MEASURES as readonly string[]).includes(name);

/** A measure, or a column named by the user ('p_alive', 'rfm.frequency'), resolved against the tables now present. */
async function potentialNamed(db: DbClient, name: string): Promise<PotentialMeasure> {
	if (isMeasure(name)) return name;
	const available = await potentialColumns(db);
	const hit = resolvePotentialColumn(name, available);
	if ('column' in hit) return hit;
	if (hit.problem === 'ambiguous') throw new ClienteleError('value.cli.ambiguousColumn', { value: name, list: hit.tables.map((t) => `${t}.${name}`).join(', ') });
	throw new ClienteleError('value.cli.badChoice', { option: 'potential', value: name, list: [...POTENTIAL_MEASURES, ...available.map((c) => `${c.table}.${c.column}`)].join(', ') });
}

/** Everything from loaded transactions to the matrix (`clientele value-matrix`). */
export interface ValueMatrixFromTransactionsOptions {
	/** Fit up to this day (default: on all data); customers are always scored as of the observation end. */
	calibrationEnd?: string;
	/** Default: the last purchase day. */
	observationEnd?: string;
	unit: ClvUnit;
	horizonMonths: number;
	monthlyDiscountRate: number;
	current: CurrentMeasure;
	/** 'clv', 'alive-spend' or the name of a numeric column of the CLV or RFM table. */
	potential: string;
	split: SplitRule;
	/** How the RFM table (when one is needed) counts purchases. */
	rfmFrequency: FrequencyMode;
	/** The machine's day (YYYY-MM-DD): dates after it are strays (run/as-of.ts). */
	today: string;
}

/**
 * Fits CLV as of the observation end, runs RFM (R10 rules) when the current value is the RFM score
 * or the potential is one of its columns, builds the matrix and returns its rows (customer_id,
 * current_value, potential_value, quadrant by id) with the fit.
 */
export async function runValueMatrixFromTransactions(db: DbClient, o: ValueMatrixFromTransactionsOptions, fit: ClvFit): Promise<{ fit: ClvFitResult; rows: Row[] }> {
	const asOf = await defaultAsOf(db, { today: o.today });
	if (!asOf) throw new ClienteleError('clv.noData');
	const end = o.observationEnd ?? asOf.lastDay;
	const { unit, horizonMonths, monthlyDiscountRate } = o;
	const clv = await runClvModels(db, { calibrationEnd: o.calibrationEnd ?? end, observationEnd: end, unit, horizonMonths, monthlyDiscountRate, score: 'observation-end', requireRepeatBuyers: isMeasure(o.potential) }, async (input) => {
		const r = await fit(input);
		if (!r.gammaGamma && o.potential === 'clv') throw new ClienteleError('clv.warning.no-repeat-customers');
		return r;
	});
	if (o.current.kind === 'rfm' || !isMeasure(o.potential)) await runRfm(db, { asOf: asOf.asOf, frequency: o.rfmFrequency, set: R10_DOCS });
	await buildValueMatrix(db, { current: o.current, potential: await potentialNamed(db, o.potential), split: o.split });
	return { fit: clv.fit, rows: (await db.query(valueMatrixListSql(VALUE_MATRIX_TABLE))).rows };
}

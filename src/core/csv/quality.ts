/**
 * The data-quality report: what it finds, the fix policies a user can choose per finding, and the
 * assembly of query results (src/core/sql/quality.ts) into a report. Fixes are settings, never edits:
 * the raw table is not modified; the analysis table is rebuilt from it with the chosen policies
 * (cleanTxSql), and removing a fix from the settings (or setting it to 'keep') undoes it.
 */
import { ClienteleError } from '../errors.ts';

/** keep: as loaded · drop: leave the rows out · net: keep the amount but attach it to the customer's purchase. */
export type FixPolicy = 'keep' | 'drop' | 'net';

export const FINDING_KINDS = [
	'exactDuplicates',
	'negativeAmounts',
	'zeroAmounts',
	'cancelledOrders',
	'outliers',
	'futureDates',
	'earlyDates'
] as const;

export type FindingKind = (typeof FINDING_KINDS)[number];

/** The policies each finding offers; the first is the default. */
export const FINDING_POLICIES: Record<FindingKind, readonly FixPolicy[]> = {
	exactDuplicates: ['keep', 'drop'],
	negativeAmounts: ['keep', 'drop', 'net'],
	zeroAmounts: ['keep', 'drop', 'net'],
	cancelledOrders: ['keep', 'drop', 'net'],
	outliers: ['keep', 'drop'],
	futureDates: ['keep', 'drop'],
	earlyDates: ['keep', 'drop']
};

/** The fixes in the analysis settings. A missing kind means 'keep'. */
export type QualityFixes = Partial<Record<FindingKind, FixPolicy>>;

export interface QualityOptions {
	/** YYYY-MM-DD: rows dated after this day are "future dates". Required: no hidden clock. */
	asOf: string;
	/** YYYY-MM-DD: rows dated before this day are implausible (1900-01-01, 1970-01-01 …). Default 1990-01-01. */
	plausibleStart?: string;
	/** Outliers: amounts above factor × the quantile of positive amounts. Defaults 10 and 0.999. */
	outlierFactor?: number;
	outlierQuantile?: number;
	/** A column flagging cancelled orders (true/1/yes/cancelled/已取消 …), besides order ids like 'C536379'. */
	cancelColumn?: string;
	/** Examples kept per finding and per column. Default 5. */
	examples?: number;
}

export interface ResolvedQualityOptions {
	asOf: string;
	plausibleStart: string;
	outlierFactor: number;
	outlierQuantile: number;
	cancelColumn: string | null;
	examples: number;
}

export const QUALITY_DEFAULTS = { plausibleStart: '1990-01-01', outlierFactor: 10, outlierQuantile: 0.999, examples: 5 } as const;

/** Values of a cancel-flag column that mean "cancelled" (compared lower-cased and trimmed). */
export const CANCEL_FLAG_VALUES: readonly string[] = [
	'1', 'true', 't', 'yes', 'y', 'cancelled', 'canceled', 'cancel', 'void', 'voided', 'returned', 'refunded',
	'是', '已取消', '取消', '作废', '已作废', '退款', '已退款', '退货', '已退货'
];

function isDay(s: string): boolean {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
	const d = new Date(s + 'T00:00:00Z');
	return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Fills the defaults; throws quality.badOption naming the bad value. */
export function resolveQualityOptions(o: QualityOptions): ResolvedQualityOptions {
	const bad = (option: string, value: unknown) => new ClienteleError('quality.badOption', { option, value: String(value) });
	const r: ResolvedQualityOptions = {
		asOf: o.asOf,
		plausibleStart: o.plausibleStart ?? QUALITY_DEFAULTS.plausibleStart,
		outlierFactor: o.outlierFactor ?? QUALITY_DEFAULTS.outlierFactor,
		outlierQuantile: o.outlierQuantile ?? QUALITY_DEFAULTS.outlierQuantile,
		cancelColumn: o.cancelColumn ?? null,
		examples: o.examples ?? QUALITY_DEFAULTS.examples
	};
	if (!isDay(r.asOf)) throw bad('asOf', r.asOf);
	if (!isDay(r.plausibleStart)) throw bad('plausibleStart', r.plausibleStart);
	if (!(Number.isFinite(r.outlierFactor) && r.outlierFactor > 0)) throw bad('outlierFactor', r.outlierFactor);
	if (!(r.outlierQuantile > 0 && r.outlierQuantile < 1)) throw bad('outlierQuantile', r.outlierQuantile);
	if (!(Number.isInteger(r.examples) && r.examples >= 0 && r.examples <= 100)) throw bad('examples', r.examples);
	return r;
}

/** Validates fixes read from saved settings (JSON); throws quality.badFix naming the bad entry. */
export function normalizeFixes(input: unknown): QualityFixes {
	if (input === undefined || input === null) return {};
	if (typeof input !== 'object' || Array.isArray(input)) throw new ClienteleError('quality.badFix', { kind: '?', policy: JSON.stringify(input) ?? '' });
	const out: QualityFixes = {};
	for (const [kind, policy] of Object.entries(input as Record<string, unknown>)) {
		const allowed = (FINDING_POLICIES as Record<string, readonly FixPolicy[] | undefined>)[kind];
		if (!allowed || typeof policy !== 'string' || !allowed.includes(policy as FixPolicy))
			throw new ClienteleError('quality.badFix', { kind, policy: String(policy) });
		if (policy !== 'keep') out[kind as FindingKind] = policy as FixPolicy;
	}
	return out;
}

/** A new fixes object with one policy changed; 'keep' removes the entry (that is the undo). */
export function setFix(fixes: QualityFixes, kind: FindingKind, policy: FixPolicy): QualityFixes {
	if (!FINDING_POLICIES[kind].includes(policy)) throw new ClienteleError('quality.badFix', { kind, policy });
	const out = { ...fixes };
	if (policy === 'keep') delete out[kind];
	else out[kind] = policy;
	return out;
}

export function policyOf(fixes: QualityFixes, kind: FindingKind): FixPolicy {
	return fixes[kind] ?? 'keep';
}

export interface RowExample {
	/** 1-based data-row number (as in the grid and in error messages). */
	row: number;
	value: string | null;
}

export interface ColumnQuality {
	column: string;
	/** The role the column is mapped to, if any. */
	role: string | null;
	/** Empty cells. */
	missing: number;
	/** Non-empty cells that do not read as the column's type (date / number); 0 for text. */
	invalid: number;
	missingRows: number[];
	invalidExamples: RowExample[];
}

export interface FindingExample {
	row: number;
	customerId: string;
	orderId: string | null;
	/** Epoch ms (naive). */
	ts: number;
	amount: number;
}

export interface Finding {
	kind: FindingKind;
	/** Rows concerned. */
	count: number;
	/** Sum of their amounts. */
	amount: number;
	policies: readonly FixPolicy[];
	policy: FixPolicy;
	examples: FindingExample[];
	/** i18n key and parameters of the sentence describing it. */
	code: `quality.${FindingKind}`;
	params: Record<string, string | number>;
}

export interface QualitySummary {
	/** Rows in the file (raw table). */
	rows: number;
	/** Rows with a readable customer, date and amount. */
	usableRows: number;
	customers: number;
	firstTs: number | null;
	lastTs: number | null;
	/** The amount above which a row is an outlier (null when there are no positive amounts). */
	outlierThreshold: number | null;
}

export interface QualityReport extends QualitySummary {
	columns: ColumnQuality[];
	/** Columns of a wide file left out of the per-column check (run/quality.ts QUALITY_MAX_COLUMNS). */
	uncheckedColumns: number;
	/** Exact duplicate rows were not looked for: too many columns (core/sql/quality.ts DUPLICATE_MAX_COLUMNS). */
	duplicatesUnchecked?: boolean;
	/** Only the findings that concern at least one row, in FINDING_KINDS order. */
	findings: Finding[];
	options: ResolvedQualityOptions;
}

type Cell = string | number | boolean | null;
const num = (v: Cell | undefined): number => (typeof v === 'number' ? v : Number(v ?? 0) || 0);

/** Builds the findings from the one-row counts (qualityFindingsSql) and the examples (qualityExamplesSql). */
export function assembleFindings(
	counts: Record<string, Cell>,
	examples: readonly Record<string, Cell>[],
	fixes: QualityFixes,
	o: ResolvedQualityOptions
): Finding[] {
	const out: Finding[] = [];
	for (const kind of FINDING_KINDS) {
		const count = num(counts[`n_${kind}`]);
		if (count === 0) continue;
		const amount = num(counts[`amount_${kind}`]);
		const ex = examples
			.filter((e) => e.kind === kind)
			.map((e) => ({
				row: num(e.row),
				customerId: String(e.customer_id ?? ''),
				orderId: e.order_id === null || e.order_id === undefined ? null : String(e.order_id),
				ts: num(e.ts),
				amount: num(e.amount)
			}))
			.sort((a, b) => a.row - b.row);
		const params: Record<string, string | number> = { count, amount, row: ex[0]?.row ?? 0 };
		if (kind === 'futureDates') params.asOf = o.asOf;
		if (kind === 'earlyDates') params.start = o.plausibleStart;
		if (kind === 'outliers') {
			params.factor = o.outlierFactor;
			params.threshold = num(counts.outlier_threshold);
		}
		out.push({ kind, count, amount, policies: FINDING_POLICIES[kind], policy: policyOf(fixes, kind), examples: ex, code: `quality.${kind}`, params });
	}
	return out;
}

/** The local calendar day of `d` as YYYY-MM-DD (the as-of of "future dates"; the clock is the caller's). */
export function localDay(d: Date): string {
	const p = (n: number) => String(n).padStart(2, '0');
	return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

export interface QualityHeadline {
	findings: number;
	missing: number;
	invalid: number;
	clean: boolean;
}

/** The one-line summary shown in the import view after a load. */
export function headline(r: QualityReport): QualityHeadline {
	const missing = r.columns.reduce((s, c) => s + c.missing, 0);
	const invalid = r.columns.reduce((s, c) => s + c.invalid, 0);
	return { findings: r.findings.length, missing, invalid, clean: r.findings.length === 0 && missing === 0 && invalid === 0 };
}

/** Up to this many rows the report runs by itself after a load; above it, when the user asks (tab or button). */
export const AUTO_REPORT_MAX_ROWS = 500_000;

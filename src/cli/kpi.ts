import { columnDateFormat, DATE_OPTIONS, DATES_HELP, dateOptionsFrom } from './date-options.ts';
import type { Cell } from '../core/export/csv.ts';
import { toCsv } from '../core/export/csv.ts';
import { ClienteleError } from '../core/errors.ts';
import { CSAT_SCALES, isCsatScale } from '../core/kpi/csat.ts';
import { toPoints } from '../core/kpi/nps.ts';
import type { GroupBy } from '../core/sql/kpi.ts';
import { dateLit } from '../core/sql/sql.ts';
import type { DbClient } from '../db/client.ts';
import { mappingFor } from '../core/import/mapping.ts';
import type { LoadedFile } from '../run/loaded-file.ts';
import { applyMapping } from '../run/stage.ts';
import { cohortRetention, csatByGroup, meanScoreByGroup, npsByGroup, retentionByGroup } from '../db/kpi.ts';
import { NodeDbClient } from '../db/node.ts';
import { translate } from '../i18n/translate.ts';
import { optionalString, parseOptions, requireOption, type OptionSpec } from './options.ts';
import { writeOutput } from './io.ts';
import { FILE_HELP, FILE_OPTIONS, inputOptions, openInput, rolesFrom, TX_OPTIONS } from './input.ts';

export const NPS_COLUMNS = ['group', 'n', 'detractors', 'passives', 'promoters', 'nps', 'se', 'ci_low', 'ci_high'];
export const CSAT_COLUMNS = ['group', 'n', 'satisfied', 'csat', 'ci_low', 'ci_high'];
export const CES_COLUMNS = ['group', 'n', 'mean', 'sd', 'ci_low', 'ci_high'];
export const RETENTION_COLUMNS = ['group', 'start', 'end', 'lost_days', 'customers_start', 'customers_end', 'new_customers', 'retained', 'lost', 'reactivated', 'buyers', 'repeat_buyers', 'retention', 'churn', 'retained_share', 'repurchase_rate'];
export const COHORT_COLUMNS = ['cohort', 'month_index', 'customers', 'cohort_size', 'retention'];

const SURVEY_OPTIONS = `  --input FILE        survey CSV (delimiter, header and number format are detected; .csv.gz accepted)
                      or Excel workbook (.xlsx, .xlsm)
${FILE_HELP}
  --score COL         the answer column; blank answers are left out
  --by COL            one row per value of this column (default: one row, group "all")
  --by-period P       … or per month or quarter (P = month | quarter) of the --date column
  --date COL          date column for --by-period
${DATES_HELP}
  --out FILE          write the CSV here (default: standard output); nothing is written on error
  -h, --help          this help`;

const BAD_INPUT = `A non-blank answer that is not a whole number in range (e.g. 11 or 'abc') stops the command with one
message naming the file, the row (data rows, header not counted) and the column. Exit codes: 0 ok, 2 bad
arguments or input. Numbers are rounded to 4 decimals.`;

export const KPI_NPS_HELP = `clientele kpi nps — Net Promoter Score per group

${SURVEY_OPTIONS}

Answers 0–10: promoters 9–10, passives 7–8, detractors 0–6. NPS = % promoters − % detractors (−100..100).
se = √(((p + d) − (p − d)²) / n) (the variance of one answer scored +1/0/−1), 95 % Wald interval
NPS ± 1.96·se, clipped to −100..100. nps, se, ci_low and ci_high are in points.
Output columns: ${NPS_COLUMNS.join(',')}
${BAD_INPUT}
`;

export const KPI_CSAT_HELP = `clientele kpi csat — customer satisfaction (top-two-box share) per group

${SURVEY_OPTIONS}
  --scale N           points of the scale: 5 (default), 7 or 10; answers must be 1..N

Satisfied = the two highest points: 4–5 on a 5-point scale, 6–7 on 7, 9–10 on 10. csat = satisfied / n
with n the answers given (blanks excluded); 95 % Wilson score interval. csat, ci_low, ci_high in %.
Output columns: ${CSAT_COLUMNS.join(',')}
${BAD_INPUT}
`;

export const KPI_CES_HELP = `clientele kpi ces — customer effort score (mean answer) per group

${SURVEY_OPTIONS}
  --min N  --max N    the scale (default 1 to 7)

mean with a 95 % normal-approximation interval mean ± 1.96·sd/√n (sd: sample standard deviation).
Output columns: ${CES_COLUMNS.join(',')}
${BAD_INPUT}
`;

export const KPI_RETENTION_HELP = `clientele kpi retention — retention, churn and repurchase over a period, or cohort retention

  --input FILE        transactions CSV or .xlsx/.xlsm (as for rfm)
${FILE_HELP}
  --customer COL      customer id column
  --date COL          order date column
  --amount COL        amount column, or
  --quantity COL --price COL   quantity and unit price
  --order COL         order id (purchases = distinct orders; without it, distinct purchase days)
${DATES_HELP}
  --start YYYY-MM-DD  first day of the period (included)
  --end YYYY-MM-DD    last day of the period (included)
  --lost-days N       a customer is lost after N days without a purchase (default 90)
  --report R          summary (default) or cohorts
  --max-months N      cohorts: at most N months after the first
  --out FILE          write the CSV here (default: standard output); nothing is written on error
  -h, --help          this help

A purchase is a line with a positive amount. Active on a day = bought in the N days before it.
customers_start: active at --start (a purchase in [start − N, start − 1]); customers_end: active at the
end of --end (a purchase in [end − N + 1, end]); new_customers: first purchase ever inside the period;
retained: active at both; lost: active at the start, not at the end; reactivated: active at the end,
neither at the start nor new. retention = (customers_end − new_customers) / customers_start;
churn = lost / customers_start; retained_share = retained / customers_start; repurchase_rate =
customers with ≥ 2 purchases in the period / customers with ≥ 1. Rates in %.
summary columns: ${RETENTION_COLUMNS.join(',')}
cohorts columns: ${COHORT_COLUMNS.join(',')} — cohort = month of the first purchase (YYYY-MM,
from the --start month on), month_index 0 = that month, retention = customers buying in the month /
cohort_size (%), every month up to --end.
Exit codes: 0 ok, 2 bad arguments or input (one message on stderr).
`;

export const KPI_HELP = `clientele kpi — satisfaction, loyalty and retention KPIs

usage: npm run --silent cli -- kpi <nps|csat|ces|retention> [options]

  nps         Net Promoter Score per group (answers 0–10)
  csat        top-two-box satisfaction per group (5-, 7- or 10-point scale)
  ces         customer effort score: mean per group
  retention   retention, churn, repurchase rate; cohort retention by first-purchase month

Run kpi <name> --help for its options and output columns.
`;

/** Rounded to 4 decimals; NaN and infinities become empty cells. */
export function round4(v: number | null | undefined): number | null {
	return v === null || v === undefined || !Number.isFinite(v) ? null : Math.round(v * 1e4) / 1e4;
}

export { openInput };

export function wholeOption(v: Record<string, string | boolean | undefined>, name: string, dflt: number | undefined, min: number): number | undefined {
	const x = optionalString(v, name);
	if (x === undefined) return dflt;
	if (!/^\d+$/.test(x) || Number(x) < min) throw new ClienteleError('kpi.badWhole', { option: name, value: x, min });
	return Number(x);
}

function choice<T extends string>(v: Record<string, string | boolean | undefined>, name: string, list: readonly T[], dflt: T): T {
	const x = optionalString(v, name) ?? dflt;
	if (!(list as readonly string[]).includes(x)) throw new ClienteleError('cli.badChoice', { option: name, value: x, list: list.join(', ') });
	return x as T;
}

function checkDate(option: string, value: string): string {
	try {
		dateLit(value);
	} catch {
		throw new ClienteleError('cli.badDate', { option, value });
	}
	return value;
}

const SURVEY_SPEC: OptionSpec = {
	input: { type: 'string' },
	...FILE_OPTIONS,
	...DATE_OPTIONS,
	score: { type: 'string' },
	by: { type: 'string' },
	'by-period': { type: 'string' },
	date: { type: 'string' },
	out: { type: 'string' }
};

type Survey = { db: DbClient; file: LoadedFile; input: string; score: string; by: GroupBy | undefined };

async function withSurvey(v: Record<string, string | boolean | undefined>, run: (s: Survey) => Promise<Record<string, Cell>[]>, columns: string[]): Promise<null> {
	const input = requireOption(v, 'input');
	const score = requireOption(v, 'score');
	const byCol = optionalString(v, 'by');
	const period = optionalString(v, 'by-period') === undefined ? undefined : choice(v, 'by-period', ['month', 'quarter'] as const, 'month');
	const dateCol = optionalString(v, 'date');
	if (period && !dateCol) throw new ClienteleError('cli.missingOption', { option: 'date' });
	if (period && byCol) throw new ClienteleError('kpi.byOrByPeriod');
	const db = await NodeDbClient.create();
	try {
		const file = await openInput(db, input, { score, by: byCol, date: period ? dateCol : undefined }, inputOptions(v));
		let by: GroupBy | undefined;
		if (byCol) by = { kind: 'column', column: byCol };
		if (period && dateCol) {
			const fmt = columnDateFormat(file.sniff.columns.find((c) => c.name === dateCol), v);
			if (!fmt) throw new ClienteleError('kpi.notDateColumn', { file: input, column: dateCol });
			by = { kind: 'period', column: dateCol, dateFormat: fmt, unit: period };
		}
		const rows = await run({ db, file, input, score, by });
		writeOutput(optionalString(v, 'out'), toCsv(columns, rows, { bom: false }));
		return null;
	} finally {
		await db.close();
	}
}

const numberFormat = (file: LoadedFile, col: string) => file.sniff.columns.find((c) => c.name === col)?.number?.format;

async function npsCommand(argv: string[]): Promise<string | null> {
	const v = parseOptions(argv, SURVEY_SPEC);
	if (v.help) return KPI_NPS_HELP;
	return withSurvey(
		v,
		async ({ db, file, input, score, by }) =>
			(await npsByGroup(db, { file: input, score, by, format: numberFormat(file, score) })).map((r) => ({
				group: r.group,
				n: r.n,
				detractors: r.detractors,
				passives: r.passives,
				promoters: r.promoters,
				nps: round4(toPoints(r.nps)),
				se: round4(toPoints(r.se)),
				ci_low: round4(toPoints(r.ciLow)),
				ci_high: round4(toPoints(r.ciHigh))
			})),
		NPS_COLUMNS
	);
}

async function csatCommand(argv: string[]): Promise<string | null> {
	const v = parseOptions(argv, { ...SURVEY_SPEC, scale: { type: 'string' } });
	if (v.help) return KPI_CSAT_HELP;
	const scale = wholeOption(v, 'scale', 5, 2)!;
	if (!isCsatScale(scale)) throw new ClienteleError('kpi.badScale', { value: `${scale} (${CSAT_SCALES.join(', ')})` });
	return withSurvey(
		v,
		async ({ db, file, input, score, by }) =>
			(await csatByGroup(db, { file: input, score, by, scale, format: numberFormat(file, score) })).map((r) => ({
				group: r.group,
				n: r.n,
				satisfied: r.satisfied,
				csat: round4(r.csat * 100),
				ci_low: round4(r.ciLow * 100),
				ci_high: round4(r.ciHigh * 100)
			})),
		CSAT_COLUMNS
	);
}

async function cesCommand(argv: string[]): Promise<string | null> {
	const v = parseOptions(argv, { ...SURVEY_SPEC, min: { type: 'string' }, max: { type: 'string' } });
	if (v.help) return KPI_CES_HELP;
	const min = wholeOption(v, 'min', 1, 0)!;
	const max = wholeOption(v, 'max', 7, min + 1)!;
	return withSurvey(
		v,
		async ({ db, file, input, score, by }) =>
			(await meanScoreByGroup(db, { file: input, score, by, min, max, format: numberFormat(file, score) })).map((r) => ({
				group: r.group,
				n: r.n,
				mean: round4(r.mean),
				sd: round4(r.sd),
				ci_low: round4(r.ciLow),
				ci_high: round4(r.ciHigh)
			})),
		CES_COLUMNS
	);
}

async function retentionCommand(argv: string[]): Promise<string | null> {
	const v = parseOptions(argv, {
		...TX_OPTIONS,
		start: { type: 'string' },
		end: { type: 'string' },
		'lost-days': { type: 'string' },
		report: { type: 'string' },
		'max-months': { type: 'string' }
	});
	if (v.help) return KPI_RETENTION_HELP;
	const input = requireOption(v, 'input');
	const roles = rolesFrom(v);
	const start = checkDate('start', requireOption(v, 'start'));
	const end = checkDate('end', requireOption(v, 'end'));
	if (start > end) throw new ClienteleError('kpi.badPeriod', { start, end });
	const lostDays = wholeOption(v, 'lost-days', 90, 1)!;
	const report = choice(v, 'report', ['summary', 'cohorts'] as const, 'summary');
	const maxMonths = wholeOption(v, 'max-months', undefined, 0);
	const db = await NodeDbClient.create();
	try {
		const file = await openInput(db, input, { ...roles }, inputOptions(v));
		const dates = dateOptionsFrom(v);
		const result = await applyMapping(db, file, mappingFor(file.sniff, roles, dates.dateFormat, dates.timeZone));
		const first = result.errors[0];
		if (first) throw first;
		for (const w of result.warnings) process.stderr.write(`warning: ${translate('en', w.code, w.params)}\n`);
		let text: string;
		if (report === 'summary') {
			const rows = await retentionByGroup(db, { start, end, lostDays, purchases: roles.order ? 'orders' : 'days' });
			const pct = (x: number) => round4(x * 100);
			text = toCsv(
				RETENTION_COLUMNS,
				rows.map((r) => ({
					group: r.group,
					start,
					end,
					lost_days: lostDays,
					customers_start: r.customersStart,
					customers_end: r.customersEnd,
					new_customers: r.newCustomers,
					retained: r.retained,
					lost: r.lost,
					reactivated: r.reactivated,
					buyers: r.buyers,
					repeat_buyers: r.repeatBuyers,
					retention: pct(r.retention),
					churn: pct(r.churn),
					retained_share: pct(r.retainedShare),
					repurchase_rate: pct(r.repurchaseRate)
				})),
				{ bom: false }
			);
		} else {
			const cells = await cohortRetention(db, { start, end, maxMonths });
			text = toCsv(COHORT_COLUMNS, cells.map((c) => ({ ...c, retention: round4(c.retention * 100) })), { bom: false });
		}
		writeOutput(optionalString(v, 'out'), text);
		return null;
	} finally {
		await db.close();
	}
}

const SUBCOMMANDS: Record<string, (argv: string[]) => Promise<string | null>> = {
	nps: npsCommand,
	csat: csatCommand,
	ces: cesCommand,
	retention: retentionCommand
};

export async function kpiCommand(argv: string[]): Promise<string | null> {
	const [sub, ...rest] = argv;
	if (!sub || sub === '--help' || sub === '-h' || sub === 'help') return KPI_HELP;
	const run = SUBCOMMANDS[sub];
	if (!run) throw new ClienteleError('kpi.unknownKpi', { value: sub, list: Object.keys(SUBCOMMANDS).join(', ') });
	return run(rest);
}

/**
 * `clientele kpi <nps|csat|ces|retention>`: arguments → the KPI runner (run/kpi.ts) → CSV. Help
 * texts and output columns are in kpi-help.ts; defaults come from core/kpi/defaults.ts.
 */
import { createDb } from './engine.ts';
import { columnDateFormat, DATE_OPTIONS } from './date-options.ts';
import type { Cell } from '../core/export/csv.ts';
import { toCsv } from '../core/export/csv.ts';
import { ClienteleError } from '../core/errors.ts';
import { CSAT_SCALES, isCsatScale } from '../core/kpi/csat.ts';
import { DEFAULT_CES_SCALE, DEFAULT_CSAT_SCALE, DEFAULT_LOST_DAYS } from '../core/kpi/defaults.ts';
import { toPoints } from '../core/kpi/nps.ts';
import type { GroupBy } from '../core/sql/kpi.ts';
import { dateLit } from '../core/sql/sql.ts';
import type { DbClient } from '../db/client.ts';
import type { LoadedFile } from '../run/loaded-file.ts';
import { cohortRetention, csatByGroup, meanScoreByGroup, npsByGroup, retentionByGroup } from '../run/kpi.ts';
import { LANG_OPTION, langOption, optionalString, parseOptions, requireOption, type OptionSpec } from './options.ts';
import { allLabels, relabel } from './labels.ts';
import { writeOutput } from './io.ts';
import { emitTransform } from './emit-sql.ts';
import { cohortCellsSql, retentionSummarySql } from '../core/emit-sql/output.ts';
import { FILE_OPTIONS, inputOptions, loadTransactions, openInput, rolesFrom, TX_OPTIONS } from './input.ts';
import { CES_COLUMNS, COHORT_COLUMNS, CSAT_COLUMNS, KPI_CES_HELP, KPI_CSAT_HELP, KPI_HELP, KPI_NPS_HELP, KPI_RETENTION_HELP, NPS_COLUMNS, RETENTION_COLUMNS } from './kpi-help.ts';

export { CES_COLUMNS, COHORT_COLUMNS, CSAT_COLUMNS, KPI_CES_HELP, KPI_CSAT_HELP, KPI_HELP, KPI_NPS_HELP, KPI_RETENTION_HELP, NPS_COLUMNS, RETENTION_COLUMNS };

type Values = Record<string, string | boolean | undefined>;

/** Rounded to 4 decimals; NaN and infinities become empty cells. */
export function round4(v: number | null | undefined): number | null {
	return v === null || v === undefined || !Number.isFinite(v) ? null : Math.round(v * 1e4) / 1e4;
}

export { openInput };

export function wholeOption(v: Values, name: string, dflt: number | undefined, min: number): number | undefined {
	const x = optionalString(v, name);
	if (x === undefined) return dflt;
	if (!/^\d+$/.test(x) || Number(x) < min) throw new ClienteleError('kpi.badWhole', { option: name, value: x, min });
	return Number(x);
}

function choice<T extends string>(v: Values, name: string, list: readonly T[], dflt: T): T {
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

/** --scale of `kpi csat` (5, 7 or 10). */
export function csatScaleOption(v: Values): number {
	const scale = wholeOption(v, 'scale', DEFAULT_CSAT_SCALE, 2)!;
	if (!isCsatScale(scale)) throw new ClienteleError('kpi.badScale', { value: `${scale} (${CSAT_SCALES.join(', ')})` });
	return scale;
}

/** --min and --max of `kpi ces`. */
export function cesScaleOption(v: Values): { min: number; max: number } {
	const min = wholeOption(v, 'min', DEFAULT_CES_SCALE.min, 0)!;
	return { min, max: wholeOption(v, 'max', DEFAULT_CES_SCALE.max, min + 1)! };
}

const SURVEY_SPEC: OptionSpec = {
	input: { type: 'string' },
	...FILE_OPTIONS,
	...DATE_OPTIONS,
	score: { type: 'string' },
	by: { type: 'string' },
	'by-period': { type: 'string' },
	date: { type: 'string' },
	out: { type: 'string' },
	...LANG_OPTION
};

type Survey = { db: DbClient; file: LoadedFile; input: string; score: string; by: GroupBy | undefined };

async function withSurvey(v: Values, run: (s: Survey) => Promise<Record<string, Cell>[]>, columns: string[]): Promise<null> {
	const input = requireOption(v, 'input');
	const score = requireOption(v, 'score');
	const byCol = optionalString(v, 'by');
	const period = optionalString(v, 'by-period') === undefined ? undefined : choice(v, 'by-period', ['month', 'quarter'] as const, 'month');
	const dateCol = optionalString(v, 'date');
	if (period && !dateCol) throw new ClienteleError('cli.missingOption', { option: 'date' });
	if (period && byCol) throw new ClienteleError('kpi.byOrByPeriod');
	const lang = langOption(v);
	const db = await createDb(v);
	try {
		const file = await openInput(db, input, { score, by: byCol, date: period ? dateCol : undefined }, inputOptions(v));
		let by: GroupBy | undefined;
		if (byCol) by = { kind: 'column', column: byCol };
		if (period && dateCol) {
			const fmt = columnDateFormat(file.sniff.columns.find((c) => c.name === dateCol), v);
			if (!fmt) throw new ClienteleError('kpi.notDateColumn', { file: input, column: dateCol });
			by = { kind: 'period', column: dateCol, dateFormat: fmt, unit: period };
		}
		// Only the overall group ('all', without --by or --by-period) is a label of ours.
		const rows = relabel(await run({ db, file, input, score, by }), 'group', by ? {} : allLabels(lang));
		writeOutput(optionalString(v, 'out'), toCsv(columns, rows, { bom: false }));
		return null;
	} finally {
		await db.close();
	}
}

/** The answer column of a survey command as the runner takes it. */
const answers = ({ file, input, score, by }: Survey) => ({ file: input, score, by, format: file.sniff.columns.find((c) => c.name === score)?.number?.format });

async function npsCommand(argv: string[]): Promise<string | null> {
	const v = parseOptions(argv, SURVEY_SPEC);
	if (v.help) return KPI_NPS_HELP;
	const points = (x: number) => round4(toPoints(x));
	return withSurvey(
		v,
		async (s) =>
			(await npsByGroup(s.db, answers(s))).map((r) => ({
				group: r.group,
				n: r.n,
				detractors: r.detractors,
				passives: r.passives,
				promoters: r.promoters,
				nps: points(r.nps),
				se: points(r.se),
				ci_low: points(r.ciLow),
				ci_high: points(r.ciHigh)
			})),
		NPS_COLUMNS
	);
}

async function csatCommand(argv: string[]): Promise<string | null> {
	const v = parseOptions(argv, { ...SURVEY_SPEC, scale: { type: 'string' } });
	if (v.help) return KPI_CSAT_HELP;
	const scale = csatScaleOption(v);
	const pct = (x: number) => round4(x * 100);
	return withSurvey(
		v,
		async (s) =>
			(await csatByGroup(s.db, { ...answers(s), scale })).map((r) => ({
				group: r.group,
				n: r.n,
				satisfied: r.satisfied,
				csat: pct(r.csat),
				ci_low: pct(r.ciLow),
				ci_high: pct(r.ciHigh)
			})),
		CSAT_COLUMNS
	);
}

async function cesCommand(argv: string[]): Promise<string | null> {
	const v = parseOptions(argv, { ...SURVEY_SPEC, min: { type: 'string' }, max: { type: 'string' } });
	if (v.help) return KPI_CES_HELP;
	const scale = cesScaleOption(v);
	return withSurvey(
		v,
		async (s) =>
			(await meanScoreByGroup(s.db, { ...answers(s), ...scale })).map((r) => ({
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

const RETENTION_SPEC: OptionSpec = {
	...TX_OPTIONS,
	start: { type: 'string' },
	end: { type: 'string' },
	'lost-days': { type: 'string' },
	report: { type: 'string' },
	'max-months': { type: 'string' },
	...LANG_OPTION
};

/** The arguments of `kpi retention`, checked in the order the messages name them. */
export function retentionArgs(v: Values) {
	const input = requireOption(v, 'input');
	const roles = rolesFrom(v);
	const start = checkDate('start', requireOption(v, 'start'));
	const end = checkDate('end', requireOption(v, 'end'));
	if (start > end) throw new ClienteleError('kpi.badPeriod', { start, end });
	const lostDays = wholeOption(v, 'lost-days', DEFAULT_LOST_DAYS, 1)!;
	const report = choice(v, 'report', ['summary', 'cohorts'] as const, 'summary');
	return { input, roles, start, end, lostDays, report, maxMonths: wholeOption(v, 'max-months', undefined, 0), lang: langOption(v) };
}

async function retentionCommand(argv: string[]): Promise<string | null> {
	const v = parseOptions(argv, RETENTION_SPEC);
	if (v.help) return KPI_RETENTION_HELP;
	const { roles, start, end, lostDays, report, maxMonths, lang } = retentionArgs(v);
	const db = await createDb(v);
	try {
		await loadTransactions(db, v, roles);
		const pct = (x: number) => round4(x * 100);
		let text: string;
		if (report === 'summary') {
			emitTransform((inner) => retentionSummarySql(inner, { start, end, lostDays, labels: allLabels(lang) }));
			const rows = await retentionByGroup(db, { start, end, lostDays, purchases: roles.order ? 'orders' : 'days' });
			text = toCsv(
				RETENTION_COLUMNS,
				relabel(rows, 'group', allLabels(lang)).map((r) => ({
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
			emitTransform(cohortCellsSql);
			const cells = await cohortRetention(db, { start, end, maxMonths });
			text = toCsv(COHORT_COLUMNS, cells.map((c) => ({ ...c, retention: pct(c.retention) })), { bom: false });
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

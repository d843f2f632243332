import { DEFAULT_EVALUATE } from '../core/evaluate/defaults.ts';
import { createDb } from './engine.ts';
import { EVALUATE_COLUMNS, evaluateCsvRow } from '../core/evaluate/columns.ts';
import { ClienteleError } from '../core/errors.ts';
import { toCsv } from '../core/export/csv.ts';
import { ACTION_COLUMNS } from '../core/sql/evaluate.ts';
import { translate } from '../i18n/translate.ts';
import { cohortFromFile, cohortStart, runEvaluate } from '../run/evaluate.ts';
import { RAW_ACTIONS } from '../run/tables.ts';
import { dateOption, loadTransactions, numberOption, openInput, rolesFrom, TX_HELP, TX_OPTIONS, inputOptions } from './input.ts';
import { writeOutput } from './io.ts';
import { EVALUATE_SURVEY_HELP, EVALUATE_SURVEY_OPTIONS, loadSurveyArgs, surveyArgs } from './evaluate-surveys.ts';
import { EVALUATE_MIGRATION_HELP, EVALUATE_MIGRATION_OPTIONS, migrationArgs, writeMigration } from './evaluate-migration.ts';
import { choice, LANG_OPTION, langOption, optionalString, parseOptions, requireOption } from './options.ts';

const D = DEFAULT_EVALUATE;

export const EVALUATE_HELP = `clientele evaluate — did the plan work? (绩效评估) The cohort of an action list, per group:
the period after the plan's start against the same length before, and contacted against control

${TX_HELP}
  --frequency orders|days
                      count orders with a positive line (default with --order) or purchase days

cohort and periods:
  --actions FILE.csv  the action list as it stood at the plan's start (what \`plan\` writes or the page
                      exports): columns ${ACTION_COLUMNS.join(', ')} (control true|false), next_contact optional
  --start YYYY-MM-DD  the plan's start S (default: the earliest next_contact in the file)
  --days N            the period length L (default ${D.days}): before = [S−L, S), after = [S, S+L);
                      strict retention before also reads [S−2L, S−L). A line on S counts after, on S−L before.
${EVALUATE_SURVEY_HELP}

${EVALUATE_MIGRATION_HELP}

  --lang en|zh        language of the warnings (the groups are written as the action list names them)
  -h, --help          this help

Output columns (one row per group, by group):
  ${EVALUATE_COLUMNS.slice(0, 9).join(',')},
  ${EVALUATE_COLUMNS.slice(9, 20).join(',')},
  ${EVALUATE_COLUMNS.slice(20, 32).join(',')},
  ${EVALUATE_COLUMNS.slice(32, 42).join(',')},
  ${EVALUATE_COLUMNS.slice(42).join(',')}
customers/contacted/control: the cohort's customers of the group, not held out / held out (control = true).
active_*: share of the side's customers with a purchase (a line with a positive amount) in the after
  period; active_diff = contacted − control with its 95 % interval (Newcombe's hybrid score interval).
revenue_pc_*: revenue per customer in the after period (every customer of the side, net of returns);
  revenue_pc_diff = contacted − control, interval ± 1.96·√(se₁² + se₂²).
buyers_/revenue_/orders_before|after: customers with a purchase, net revenue, orders (distinct orders
  with a positive line; purchase days without --order) in each period; revenue_pc_change = after −
  before per customer with its interval.
retention_before = bought in [S−2L, S−L) and [S−L, S) ÷ bought in [S−2L, S−L); retention_after = bought in
  [S−L, S) and [S, S+L) ÷ bought in [S−L, S); retention_change with Newcombe's interval; churn = 1 − retention.
nps_*/csat_* (with --surveys; else empty): answers given in the before/after period by the group's
  customers: NPS in points (−100…100; change and contacted − control ± 1.96·√(se₁² + se₂²)), CSAT as
  the share satisfied (Newcombe's interval).
Shares and retention 4 decimals (fractions), money 2 decimals; empty where undefined (no one on a side).
Top groups tend to fall and bottom groups to rise on their own (regression to the mean): read the
before/after change beside contacted − control, the comparison that counts.
Exit codes: 0 ok, 2 bad arguments or input (one message on stderr).
`;

export async function evaluateCommand(argv: string[]): Promise<string | null> {
	const v = parseOptions(argv, {
		...TX_OPTIONS,
		...LANG_OPTION,
		frequency: { type: 'string' },
		actions: { type: 'string' },
		start: { type: 'string' },
		days: { type: 'string' },
		...EVALUATE_SURVEY_OPTIONS,
		...EVALUATE_MIGRATION_OPTIONS
	});
	if (v.help) return EVALUATE_HELP;
	requireOption(v, 'input');
	const actions = requireOption(v, 'actions');
	const roles = rolesFrom(v);
	const frequencyArg = choice<'orders' | 'days'>(v, 'frequency', ['orders', 'days']);
	const startArg = dateOption(v, 'start');
	const days = numberOption(v, 'days', D.days, 1, D.maxDays);
	if (!Number.isInteger(days)) throw new ClienteleError('cli.badNumber', { option: 'days', value: String(v.days), min: 1, max: D.maxDays });
	const lang = langOption(v);
	const surveys = surveyArgs(v);
	const migration = migrationArgs(v);
	const db = await createDb(v);
	try {
		const cost = migration?.basis === 'tier' ? optionalString(v, 'cost') : undefined;
		await loadTransactions(db, v, cost ? { ...roles, cost } : roles);
		const file = await openInput(db, actions, {}, { ...inputOptions(v), sheet: undefined, table: RAW_ACTIONS });
		await cohortFromFile(db, { fileName: actions, columns: file.sniff.columns.map((c) => c.name) });
		const start = startArg ?? (await cohortStart(db));
		if (!start) throw new ClienteleError('evaluate.noStart', { file: actions });
		const survey = surveys ? await loadSurveyArgs(db, surveys, v) : undefined;
		const result = await runEvaluate(db, { start, days, frequency: frequencyArg ?? (roles.order ? 'orders' : 'days'), surveys: survey });
		if (result.incomplete)
			process.stderr.write(`warning: ${translate(lang, 'evaluate.incomplete', { last: result.lastDay ?? '—', end: result.windows.after.to })}\n`);
		if (migration) await writeMigration(db, v, migration, { windows: result.windows, lang });
		writeOutput(optionalString(v, 'out'), toCsv([...EVALUATE_COLUMNS], result.groups.map(evaluateCsvRow), { bom: false }));
		return null;
	} finally {
		await db.close();
	}
}

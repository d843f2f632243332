import { ClienteleError } from '../core/errors.ts';
import { createDb } from './engine.ts';
import { toCsv } from '../core/export/csv.ts';
import { checkLifecycleDays, DEFAULT_LIFECYCLE, STAGES, type LifecycleDays, type Stage } from '../core/lifecycle/defaults.ts';
import { LIFECYCLE_COLUMNS, type LifecycleFrequency } from '../core/sql/lifecycle.ts';
import { translate } from '../i18n/translate.ts';
import { lifecycleRows, runLifecycle } from '../run/lifecycle.ts';
import { cliDefaultAsOf } from './as-of.ts';
import { writeOutput } from './io.ts';
import { loadTransactions, numberOption, TX_HELP, TX_OPTIONS } from './input.ts';
import { choice, dateOption, LANG_OPTION, langOption, optionalString, parseOptions, requireOption, type Values } from './options.ts';
import { parseProfilesArg, loadProfilesArg, PROFILE_OPTIONS, PROFILES_HELP } from './profile-options.ts';
import { parseTxInput } from './rfm-options.ts';

export { LIFECYCLE_COLUMNS };

const D = DEFAULT_LIFECYCLE;

export const LIFECYCLE_HELP = `clientele lifecycle — each customer's lifecycle stage (客户生命周期) at an as-of date

${TX_HELP}
  --frequency orders|days
                      count orders with a positive line (default with --order) or purchase days
  --returns net|exclude|drop-cancelled
                      which lines count, as for rfm (default net: every line; a return is never a purchase)
  --cancelled-pattern P
                      with drop-cancelled: a LIKE pattern on the order id (default C%)

${PROFILES_HELP}

stages (tested in this order, the first that holds wins; days counted from the as-of date):
  potential   in --profiles, or a buyer without a paid order (the marketplace flags --status,
              --paid-date … left every order of theirs out; counted from their first order's
              day on), with no purchase on or before the as-of date
  new         as-of − first purchase day <= --new-days     (default ${D.newDays})
  active      as-of − last purchase day  <= --active-days  (default ${D.activeDays})
  silent      as-of − last purchase day  <= --churn-days   (default ${D.churnDays})
  churned     otherwise
  0 < --active-days < --churn-days, whole numbers.

  --as-of YYYY-MM-DD  purchases on or before it count (default: the day after the last transaction, as rfm)
  --lang en|zh        stage names: potential|new|active|silent|churned (en) or 潜在|新|活跃|沉默|流失 (zh)
  -h, --help          this help

Output columns: ${LIFECYCLE_COLUMNS.join(',')}
One row per customer with a line on or before the as-of date, plus every profile id, by customer_id;
dates YYYY-MM-DD; potential customers have frequency 0 and empty dates and recency. A customer whose
only lines are returns has frequency 0 and empty dates too, and is churned (or potential with a profile).
Exit codes: 0 ok, 2 bad arguments or input (one message on stderr).
`;

/** --new-days, --active-days, --churn-days, validated (0 < active < churn). */
export function lifecycleDaysFrom(v: Values): LifecycleDays {
	const n = (name: string, def: number) => numberOption(v, name, def, 0, 36_500);
	return checkLifecycleDays({ newDays: n('new-days', D.newDays), activeDays: n('active-days', D.activeDays), churnDays: n('churn-days', D.churnDays) });
}

/** The option specs of the lifecycle day settings (lifecycle, and plan's --basis stage). */
export const LIFECYCLE_DAY_OPTIONS = {
	'new-days': { type: 'string' },
	'active-days': { type: 'string' },
	'churn-days': { type: 'string' }
} as const;

/** Stage names written with --lang: the ids in English, the catalogue's short names in Chinese. */
export function stageNames(lang: 'en' | 'zh-CN'): Record<Stage, string> {
	return Object.fromEntries(STAGES.map((s) => [s, lang === 'en' ? s : translate(lang, `lifecycle.stage.${s}`)])) as Record<Stage, string>;
}

export async function lifecycleCommand(argv: string[]): Promise<string | null> {
	const v = parseOptions(argv, {
		...TX_OPTIONS,
		frequency: { type: 'string' },
		returns: { type: 'string' },
		'cancelled-pattern': { type: 'string' },
		...PROFILE_OPTIONS,
		...LIFECYCLE_DAY_OPTIONS,
		'as-of': { type: 'string' },
		...LANG_OPTION
	});
	if (v.help) return LIFECYCLE_HELP;
	const input = requireOption(v, 'input');
	const frequencyArg = choice<LifecycleFrequency>(v, 'frequency', ['orders', 'days']);
	const tx = parseTxInput({ ...v, frequency: frequencyArg });
	const days = lifecycleDaysFrom(v);
	const asOfArg = dateOption(v, 'as-of');
	const lang = langOption(v);
	const profiles = parseProfilesArg(v);
	const out = optionalString(v, 'out');
	const db = await createDb(v);
	try {
		await loadTransactions(db, v, tx.roles);
		if (profiles) await loadProfilesArg(db, profiles, v);
		const asOf = asOfArg ?? (await cliDefaultAsOf(db, input))?.asOf;
		if (!asOf) throw new ClienteleError('mapping.noUsableRows', { file: input });
		await runLifecycle(db, {
			asOf,
			days,
			frequency: frequencyArg ?? (tx.roles.order ? 'orders' : 'days'),
			returns: tx.returns,
			cancelledPattern: tx.cancelledPattern,
			profiles: profiles !== null
		});
		writeOutput(out, toCsv(LIFECYCLE_COLUMNS, await lifecycleRows(db, stageNames(lang)), { bom: false }));
		return null;
	} finally {
		await db.close();
	}
}

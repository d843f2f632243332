import { DEFAULT_ABC } from '../core/sql/abc.ts';
import { createDb } from './engine.ts';
import { toCsv } from '../core/export/csv.ts';
import { moneyColumnsOf } from '../core/export/money.ts';
import { abcCustomerList, runAbc } from '../run/abc.ts';
import { LANG_OPTION, langHelp, langOption, optionalString, parseOptions, requireOption } from './options.ts';
import { cliDefaultAsOf } from './as-of.ts';
import { abcLabels, relabel } from './labels.ts';
import { dateOption, loadTransactions, numberOption, rolesFrom, TX_HELP, TX_OPTIONS } from './input.ts';
import { writeOutput } from './io.ts';
import { emitTransform } from './emit-sql.ts';
import { relabelSql } from '../core/emit-sql/output.ts';

export const ABC_COLUMNS = ['customer_id', 'revenue', 'cum_share', 'abc_class'];

export const ABC_HELP = `clientele abc — ABC / Pareto classes of customers by revenue

${TX_HELP}
  --a SHARE           cumulative revenue share up to which customers are A (default ${DEFAULT_ABC.a})
  --b SHARE           … and B (default ${DEFAULT_ABC.b}); the rest, and revenue ≤ 0, are C
  --from YYYY-MM-DD   count revenue from this day (inclusive; default: all)
  --to YYYY-MM-DD     … up to this day (inclusive; default: the last day of the data, stray
                      far-future dates left out and listed on stderr, as rfm does)
${langHelp('the classes: en A, B, C; zh A 类 · 重点客户 …')}
  -h, --help          this help

Output columns: ${ABC_COLUMNS.join(',')} (rows in rank order: revenue descending, ties by id).
cum_share includes the customer itself, of the total of positive customer revenues.
`;

export async function abcCommand(argv: string[]): Promise<string | null> {
	const v = parseOptions(argv, { ...TX_OPTIONS, a: { type: 'string' }, b: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, ...LANG_OPTION });
	if (v.help) return ABC_HELP;
	const roles = rolesFrom(v);
	const a = numberOption(v, 'a', DEFAULT_ABC.a, 0, 1);
	const b = numberOption(v, 'b', DEFAULT_ABC.b, 0, 1);
	const from = dateOption(v, 'from');
	const to = dateOption(v, 'to');
	const labels = abcLabels(langOption(v));
	const db = await createDb(v);
	try {
		await loadTransactions(db, v, roles);
		// Without --to the range ends on the data's last day, strays left out (reported), like rfm's as-of.
		const end = to ?? (await cliDefaultAsOf(db, requireOption(v, 'input')))?.lastDay;
		await runAbc(db, { a, b, from, to: end });
		emitTransform((inner, columns) => relabelSql(inner, columns, 'abc_class', labels));
		writeOutput(optionalString(v, 'out'), toCsv(ABC_COLUMNS, relabel(await abcCustomerList(db), 'abc_class', labels), { bom: false, money: moneyColumnsOf(ABC_COLUMNS) }));
		return null;
	} finally {
		await db.close();
	}
}

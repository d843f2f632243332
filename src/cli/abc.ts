import { abcSql } from '../core/sql/abc.ts';
import { ident, sql } from '../core/sql/sql.ts';
import { toCsv } from '../core/export/csv.ts';
import { TX_TABLE } from '../run/tables.ts';
import { NodeDbClient } from '../db/node.ts';
import { optionalString, parseOptions } from './args.ts';
import { dateOption, loadTransactions, numberOption, rolesFrom, TX_HELP, TX_OPTIONS } from './input.ts';
import { writeOutput } from './io.ts';

export const ABC_COLUMNS = ['customer_id', 'revenue', 'cum_share', 'abc_class'];

export const ABC_HELP = `clientele abc — ABC / Pareto classes of customers by revenue

${TX_HELP}
  --a SHARE           cumulative revenue share up to which customers are A (default 0.7)
  --b SHARE           … and B (default 0.9); the rest, and revenue ≤ 0, are C
  --from YYYY-MM-DD   count revenue from this day (inclusive; default: all)
  --to YYYY-MM-DD     … up to this day (inclusive)
  -h, --help          this help

Output columns: ${ABC_COLUMNS.join(',')} (rows in rank order: revenue descending, ties by id).
cum_share includes the customer itself, of the total of positive customer revenues.
`;

export async function abcCommand(argv: string[]): Promise<string | null> {
	const v = parseOptions(argv, { ...TX_OPTIONS, a: { type: 'string' }, b: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' } });
	if (v.help) return ABC_HELP;
	const roles = rolesFrom(v);
	const a = numberOption(v, 'a', 0.7, 0, 1);
	const b = numberOption(v, 'b', 0.9, 0, 1);
	const from = dateOption(v, 'from');
	const to = dateOption(v, 'to');
	const db = await NodeDbClient.create();
	try {
		await loadTransactions(db, v, roles);
		await db.exec(abcSql({ tx: TX_TABLE, target: 'abc', a, b, from, to }));
		const res = await db.query(sql`SELECT customer_id, revenue, round(cum_share, 6) AS cum_share, abc_class FROM ${ident('abc')} ORDER BY rank`);
		writeOutput(optionalString(v, 'out'), toCsv(ABC_COLUMNS, res.rows, { bom: false }));
		return null;
	} finally {
		await db.close();
	}
}

import { segmentExplanations } from '../i18n/segment-texts.ts';
import { createDb } from './engine.ts';
import { segmentName, type Lang } from '../i18n/translate.ts';
import { ClienteleError } from '../core/errors.ts';
import { toCsv } from '../core/export/csv.ts';
import { moneyColumnsOf } from '../core/export/money.ts';
import { OTHERS, R_SEGMENT_NAMES, type SegmentSet } from '../core/segments/rules.ts';
import type { CustomerTableMapping } from '../core/sql/rfm-customer-table.ts';
import { RFM_COLUMNS, RFM_EXPLAIN_COLUMNS } from '../core/sql/rfm-columns.ts';
import { dateFormatFor } from '../core/csv/date-choice.ts';
import { withTimeZone } from '../core/csv/time-zones.ts';
import type { DbClient } from '../db/client.ts';
import { defaultAsOf } from '../run/as-of.ts';
import { checkAsOfAfterFirst, cliDefaultAsOf, cliToday } from './as-of.ts';
import { loadCustomerTable, rescore, rfmRows, runRfm } from '../run/rfm.ts';
import { dateOption, LANG_OPTION, langHelp, langOption, optionalString, parseOptions, requireOption } from './options.ts';
import { frequencyFor, INPUT_HELP, INPUT_OPTIONS, parseScoring, parseSegments, parseTxInput } from './rfm-options.ts';
import { writeOutput } from './io.ts';
import { inputOptions, loadTransactions, openInput } from './input.ts';
import { dateOptionsFrom } from './date-options.ts';

export { RFM_COLUMNS };

export const RFM_HELP = `clientele rfm — RFM scores and segments, one row per customer

${INPUT_HELP}

input (customer table, one row per customer, like R rfm's rfm_table_customer):
  --customer-table    read --input as a customer table instead of transactions, with
  --customer COL      customer id column
  --orders COL        number of orders (0 = a prospect: Shopify's "Prospects")
  --recency COL       days since the last purchase, or
  --last-date COL     last purchase date (recency = as-of − this date)
  --revenue COL       total revenue

  --as-of YYYY-MM-DD  as-of date (default: the day after the last transaction or last-date)
${langHelp('the segment names (and of --explain)')}
  --explain           append two columns: meaning (what the segment means) and action (the
                      recommended action), from the catalogue or the rule set's own texts
  --window-start YYYY-MM-DD
                      first day of the analysis window [window-start, as-of]: earlier
                      transactions are left out (default: all history; transactions only)
  --out FILE          write the CSV here (default: standard output); nothing is written on error
  -h, --help          this help

Output columns: ${RFM_COLUMNS.join(',')} (with --explain: ,meaning,action)
rfm_score = 100·R + 10·F + M; segments: first matching rule wins, else "Others".
With --method r-rfm and no --frequency, frequency counts rows, as R rfm does.
Exit codes: 0 ok, 2 bad arguments or input (one message on stderr).
`;

/**
 * Output names in `lang` (--lang): in English R's names for r10 ids and the English catalogue for
 * other presets; in Chinese the Chinese catalogue; a user rule's own label in both.
 */
export function segmentNames(set: SegmentSet, lang: Lang = 'en'): Record<string, string> {
	const name = (id: string, label?: string) =>
		label ?? (lang === 'en' ? (R_SEGMENT_NAMES[id] ?? segmentName(lang, id)) : segmentName(lang, id));
	const out: Record<string, string> = { [OTHERS]: name(OTHERS) };
	for (const k of set.rules) out[k.id] = name(k.id, k.label);
	return out;
}

/** How the rows are written: names in a language, with or without meaning and action. */
interface RfmOutput {
	lang: Lang;
	explain: boolean;
	out: string | undefined;
}

const TX_ONLY = [
	'date',
	'amount',
	'quantity',
	'price',
	'order',
	'frequency',
	'monetary',
	'returns',
	'cancelled-pattern',
	'window-start'
];

export async function rfmCommand(argv: string[]): Promise<string | null> {
	const v = parseOptions(argv, {
		...INPUT_OPTIONS,
		'as-of': { type: 'string' },
		'window-start': { type: 'string' },
		'customer-table': { type: 'boolean' },
		orders: { type: 'string' },
		recency: { type: 'string' },
		'last-date': { type: 'string' },
		revenue: { type: 'string' },
		...LANG_OPTION,
		explain: { type: 'boolean' }
	});
	if (v.help) return RFM_HELP;
	const input = requireOption(v, 'input');
	const asOfArg = dateOption(v, 'as-of');
	const set = parseSegments(v);
	const { scoring, resolved } = parseScoring(v, set);
	const out: RfmOutput = { lang: langOption(v), explain: v.explain === true, out: optionalString(v, 'out') };

	if (v['customer-table']) {
		for (const o of TX_ONLY)
			if (v[o] !== undefined) throw new ClienteleError('cli.notWithCustomerTable', { option: o });
		const recency = optionalString(v, 'recency');
		const lastDate = optionalString(v, 'last-date');
		if (!recency === !lastDate) throw new ClienteleError('cli.recencyOrLastDate');
		const mapping: CustomerTableMapping = {
			customer: requireOption(v, 'customer'),
			orders: requireOption(v, 'orders'),
			revenue: requireOption(v, 'revenue'),
			recency,
			lastDate
		};
		const db = await createDb(v);
		try {
			const file = await openInput(db, input, {
				customer: mapping.customer,
				orders: mapping.orders,
				revenue: mapping.revenue,
				recency,
				'last-date': lastDate
			}, inputOptions(v));
			const col = (name: string | undefined) => file.sniff.columns.find((c) => c.name === name);
			const dates = dateOptionsFrom(v);
			const lastFormat = dates.dateFormat ?? dateFormatFor(col(lastDate)) ?? undefined;
			mapping.dateFormat = lastFormat && withTimeZone(lastFormat, dates.timeZone);
			mapping.numberFormats = {
				orders: col(mapping.orders)?.number?.format,
				revenue: col(mapping.revenue)?.number?.format,
				recency: col(recency)?.number?.format
			};
			await loadCustomerTable(db, { fileName: input, mapping, asOf: asOfArg });
			await rescore(db, { scoring, set });
			await writeRfm(db, set, out);
		} finally {
			await db.close();
		}
		return null;
	}

	for (const o of ['orders', 'recency', 'last-date', 'revenue'])
		if (v[o] !== undefined)
			throw new ClienteleError('cli.needsOption', { option: o, needs: 'customer-table' });
	const tx = parseTxInput(v);
	const db = await createDb(v);
	try {
		await loadTransactions(db, v, tx.roles);
		const d = asOfArg ? await defaultAsOf(db, { today: cliToday() }) : await cliDefaultAsOf(db, input);
		const asOf = asOfArg ?? d?.asOf;
		if (!asOf) throw new ClienteleError('mapping.noUsableRows', { file: input });
		checkAsOfAfterFirst(asOf, d, input);
		const start = dateOption(v, 'window-start');
		if (start && start > asOf) throw new ClienteleError('window.cliOrder', { start, asOf });
		await runRfm(db, {
			asOf,
			start,
			frequency: frequencyFor(tx, resolved),
			monetary: tx.monetary,
			returns: tx.returns,
			cancelledPattern: tx.cancelledPattern,
			scoring,
			set
		});
		await writeRfm(db, set, out);
		return null;
	} finally {
		await db.close();
	}
}

async function writeRfm(db: DbClient, set: SegmentSet, o: RfmOutput): Promise<void> {
	const explain = o.explain ? segmentExplanations(set, o.lang) : undefined;
	const rows = await rfmRows(db, { segmentNames: segmentNames(set, o.lang), explain });
	const columns = o.explain ? RFM_EXPLAIN_COLUMNS : RFM_COLUMNS;
	writeOutput(o.out, toCsv(columns, rows, { bom: false, money: moneyColumnsOf(columns) }));
}

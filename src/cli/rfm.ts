import fs from 'node:fs';
import { segmentName } from '../i18n/translate.ts';
import { ClienteleError } from '../core/errors.ts';
import type { RoleMapping } from '../core/csv/roles.ts';
import { toCsv } from '../core/export/csv.ts';
import {
	DEFAULT_CANCELLED_PATTERN,
	rfmOutputSql,
	type FrequencyMode,
	type MonetaryMode,
	type ReturnsMode
} from '../core/sql/rfm.ts';
import { dateLit } from '../core/sql/sql.ts';
import { OTHERS, R_SEGMENT_NAMES, type SegmentSet } from '../core/segments/rules.ts';
import { isPresetId, PRESET_IDS, PRESETS } from '../core/segments/presets.ts';
import { parseSegmentSetJson } from '../core/segments/rules-json.ts';
import {
	DIMS,
	resolveScoring,
	SCORE_METHODS,
	type ResolvedScoring,
	type ScoreMethod,
	type ScoringOptions
} from '../core/segments/scoring.ts';
import type { CustomerTableMapping } from '../core/sql/rfm-customer-table.ts';
import { NodeDbClient } from '../db/node.ts';
import { defaultAsOf, loadCustomerTable, RFM_TABLE, rescore, runRfm } from '../db/rfm.ts';
import type { DbClient } from '../db/client.ts';
import { optionalString, parseOptions, requireOption, type OptionSpec } from './args.ts';
import { writeOutput } from './io.ts';
import { FILE_HELP, inputOptions, loadTransactions, openInput, TX_OPTIONS } from './input.ts';
import { DATES_HELP, dateOptionsFrom } from './date-options.ts';
import { dateFormatFor } from '../core/csv/date-choice.ts';
import { withTimeZone } from '../core/csv/time-zones.ts';
import { RFM_COLUMNS } from '../core/sql/rfm-columns.ts';

export { RFM_COLUMNS };

/** Input, mapping, scoring and segment options shared by `rfm` and `migrate`. */
export const INPUT_HELP = `input (transactions):
  --input FILE        CSV (delimiter, header and types are detected; .csv.gz accepted)
                      or Excel workbook (.xlsx, .xlsm)
  --customer COL      customer id column
  --date COL          order date column (format detected: ISO, 2024/1/5, 2024年1月5日, 05.01.2024 …)
  --amount COL        amount column (returns as negative amounts are netted)
  --quantity COL      … or quantity and
  --price COL         unit price columns: amount = quantity × price
  --order COL         order id column (frequency = distinct orders; without it, distinct purchase days)
${FILE_HELP}
${DATES_HELP}
  --frequency orders|days|rows
                      count distinct orders, distinct purchase days, or rows (R rfm's transaction_count)
  --monetary total|average
                      total spend (default) or average per counted purchase (total ÷ frequency)
  --returns net|exclude|drop-cancelled
                      net returns (default), leave negative lines out, or drop cancelled orders
                      (order id matching --cancelled-pattern, a LIKE pattern, default ${DEFAULT_CANCELLED_PATTERN})

scoring:
  --method ntile|r-rfm|thresholds|mean|median      for all three dimensions (default ntile)
  --r-method M, --f-method M, --m-method M          per dimension
      ntile       equal-size groups by rank; ties broken by customer id
      r-rfm       exactly R rfm 0.3.0: type-7 quantile breaks + 1, equal values share a score
      thresholds  your cut points: bin i holds t(i-1) <= x < t(i)
      mean        2 levels: above / below the mean (R: recent = below the mean)
      median      2 levels: above / below the median
  --bins N            bins per dimension, 2–10 (default 5; mean and median always 2)
  --r-thresholds a,b,…  --f-thresholds …  --m-thresholds …
                      ascending cut points (with r-rfm or thresholds; N = count + 1)

segments:
  --segments r10|r10-tests|shopify11|cn8|FILE.json
                      rule set (default r10, the R rfm documentation's ten segments); cn8 (the
                      Chinese 8-class model) uses mean split unless a method is given`;

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
  --out FILE          write the CSV here (default: standard output); nothing is written on error
  -h, --help          this help

Output columns: ${RFM_COLUMNS.join(',')}
rfm_score = 100·R + 10·F + M; segments: first matching rule wins, else "Others".
With --method r-rfm and no --frequency, frequency counts rows, as R rfm does.
Exit codes: 0 ok, 2 bad arguments or input (one message on stderr).
`;

export const INPUT_OPTIONS: OptionSpec = {
	...TX_OPTIONS,
	frequency: { type: 'string' },
	monetary: { type: 'string' },
	returns: { type: 'string' },
	'cancelled-pattern': { type: 'string' },
	method: { type: 'string' },
	'r-method': { type: 'string' },
	'f-method': { type: 'string' },
	'm-method': { type: 'string' },
	bins: { type: 'string' },
	'r-thresholds': { type: 'string' },
	'f-thresholds': { type: 'string' },
	'm-thresholds': { type: 'string' },
	segments: { type: 'string' }
};

type Values = Record<string, string | boolean | undefined>;

function choice<T extends string>(v: Values, option: string, list: readonly T[]): T | undefined {
	const x = optionalString(v, option);
	if (x === undefined) return undefined;
	if (!(list as readonly string[]).includes(x))
		throw new ClienteleError('cli.badChoice', { option, value: x, list: list.join(', ') });
	return x as T;
}

function thresholds(v: Values, option: string): number[] | undefined {
	const x = optionalString(v, option);
	if (x === undefined) return undefined;
	const parts = x.split(',').map((s) => s.trim());
	const nums = parts.map(Number);
	const i = nums.findIndex((n, k) => parts[k] === '' || !Number.isFinite(n));
	if (i >= 0)
		throw new ClienteleError('cli.badNumberList', { option, value: x, item: parts[i] ?? '' });
	return nums;
}

/** Scoring options from the command line; validated here so a bad value exits before any work. */
export function parseScoring(
	v: Values,
	set: SegmentSet
): { scoring: ScoringOptions; resolved: ResolvedScoring; methodGiven: boolean } {
	const method = choice<ScoreMethod>(v, 'method', SCORE_METHODS);
	const binsText = optionalString(v, 'bins');
	let bins: number | undefined;
	if (binsText !== undefined) {
		bins = Number(binsText);
		if (!/^\d+$/.test(binsText) || bins < 2 || bins > 10)
			throw new ClienteleError('cli.badBins', { value: binsText });
	}
	const scoring: ScoringOptions = { method, bins };
	let methodGiven = method !== undefined;
	for (const d of DIMS) {
		const m = choice<ScoreMethod>(v, `${d}-method`, SCORE_METHODS);
		const t = thresholds(v, `${d}-thresholds`);
		if (m) methodGiven = true;
		if (m || t) scoring[d] = { ...(m ? { method: m } : {}), ...(t ? { thresholds: t } : {}) };
	}
	// cn8 and other 2-level rule sets: high/low against the mean unless a method is chosen.
	if (!methodGiven && set.levels === 2) scoring.method = 'mean';
	const resolved = resolveScoring(scoring);
	if (set.levels) {
		for (const d of DIMS)
			if (resolved[d].bins !== set.levels)
				throw new ClienteleError('rfm.levelsMismatch', {
					set: set.id,
					levels: set.levels,
					dim: d.toUpperCase(),
					bins: resolved[d].bins
				});
	}
	return { scoring, resolved, methodGiven };
}

export function parseSegments(v: Values): SegmentSet {
	const x = optionalString(v, 'segments') ?? 'r10';
	if (isPresetId(x)) return PRESETS[x];
	if (!x.toLowerCase().endsWith('.json'))
		throw new ClienteleError('cli.badChoice', {
			option: 'segments',
			value: x,
			list: [...PRESET_IDS, 'FILE.json'].join(', ')
		});
	let text: string;
	try {
		text = fs.readFileSync(x, 'utf8');
	} catch (e) {
		throw new ClienteleError('cli.noFile', {
			file: x,
			detail: e instanceof Error ? e.message : String(e)
		});
	}
	try {
		return parseSegmentSetJson(text);
	} catch (e) {
		if (e instanceof ClienteleError)
			throw new ClienteleError('segments.badJsonFile', { ...e.params, file: x });
		throw e;
	}
}

/** Output names: R's English names for r10 ids, the English catalogue for other presets, labels for user rules. */
export function segmentNames(set: SegmentSet): Record<string, string> {
	const out: Record<string, string> = { [OTHERS]: R_SEGMENT_NAMES[OTHERS]! };
	for (const k of set.rules) {
		out[k.id] = k.label ?? R_SEGMENT_NAMES[k.id] ?? segmentName('en', k.id);
	}
	return out;
}

export function checkDate(option: string, value: string | undefined): string | undefined {
	if (value === undefined) return undefined;
	try {
		dateLit(value);
	} catch {
		throw new ClienteleError('cli.badDate', { option, value });
	}
	return value;
}

export interface TxInput {
	roles: RoleMapping;
	frequency?: FrequencyMode;
	monetary?: MonetaryMode;
	returns?: ReturnsMode;
	cancelledPattern?: string;
}

/** Transaction input options, validated (nothing is read yet). */
export function parseTxInput(v: Values): TxInput {
	const roles: RoleMapping = {
		customer: requireOption(v, 'customer'),
		date: requireOption(v, 'date'),
		amount: optionalString(v, 'amount'),
		quantity: optionalString(v, 'quantity'),
		price: optionalString(v, 'price'),
		order: optionalString(v, 'order')
	};
	if (!roles.amount && !(roles.quantity && roles.price))
		throw new ClienteleError('cli.amountOrQtyPrice');
	const frequency = choice<FrequencyMode>(v, 'frequency', ['orders', 'days', 'rows']);
	if (frequency === 'orders' && !roles.order)
		throw new ClienteleError('cli.needsOption', { option: 'frequency orders', needs: 'order' });
	const returns = choice<ReturnsMode>(v, 'returns', ['net', 'exclude', 'drop-cancelled']);
	if (returns === 'drop-cancelled' && !roles.order)
		throw new ClienteleError('cli.needsOption', {
			option: 'returns drop-cancelled',
			needs: 'order'
		});
	const cancelledPattern = optionalString(v, 'cancelled-pattern');
	if (cancelledPattern !== undefined && returns !== 'drop-cancelled')
		throw new ClienteleError('cli.needsOption', {
			option: 'cancelled-pattern',
			needs: 'returns drop-cancelled'
		});
	return {
		roles,
		frequency,
		monetary: choice<MonetaryMode>(v, 'monetary', ['total', 'average']),
		returns,
		cancelledPattern
	};
}

/** Default frequency: rows when every dimension uses r-rfm (as R does), else orders or days. */
export function frequencyFor(tx: TxInput, resolved: ResolvedScoring): FrequencyMode {
	if (tx.frequency) return tx.frequency;
	if (DIMS.every((d) => resolved[d].method === 'r-rfm')) return 'rows';
	return tx.roles.order ? 'orders' : 'days';
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
	'cancelled-pattern'
];

export async function rfmCommand(argv: string[]): Promise<string | null> {
	const v = parseOptions(argv, {
		...INPUT_OPTIONS,
		'as-of': { type: 'string' },
		'customer-table': { type: 'boolean' },
		orders: { type: 'string' },
		recency: { type: 'string' },
		'last-date': { type: 'string' },
		revenue: { type: 'string' }
	});
	if (v.help) return RFM_HELP;
	const input = requireOption(v, 'input');
	const asOfArg = checkDate('as-of', optionalString(v, 'as-of'));
	const set = parseSegments(v);
	const { scoring, resolved } = parseScoring(v, set);
	const out = optionalString(v, 'out');

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
		const db = await NodeDbClient.create();
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
	const db = await NodeDbClient.create();
	try {
		await loadTransactions(db, v, tx.roles);
		const asOf = asOfArg ?? (await defaultAsOf(db))?.asOf;
		if (!asOf) throw new ClienteleError('mapping.noUsableRows', { file: input });
		await runRfm(db, {
			asOf,
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

async function writeRfm(db: DbClient, set: SegmentSet, out: string | undefined): Promise<void> {
	const res = await db.query(rfmOutputSql({ rfm: RFM_TABLE, segmentNames: segmentNames(set) }));
	writeOutput(out, toCsv(RFM_COLUMNS, res.rows, { bom: false }));
}

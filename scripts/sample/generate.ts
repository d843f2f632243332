/** Puts the pieces together: a pure function from (seed, options) to the text of every sample file. */

import { buildSeason, formatDay } from './calendar.ts';
import { toCsv, type Row } from './csv.ts';
import { generatePopulation, type Customer } from './population.ts';
import { sampleReadme } from './readme.ts';
import { Rng } from './rng.ts';
import { SURVEY_HEADER, generateSurveys } from './surveys.ts';
import { TOUCHPOINT_HEADER, generateTouchpoints } from './touchpoints.ts';
import { TRANSACTION_HEADER, generateTransactions, type TransactionFlaws } from './transactions.ts';
import { AGE_BANDS, TIERS } from './vocab.ts';
import { englishRows } from './english.ts';

export const DEFAULT_SEED = 20240618;

export type GenerateOptions = {
	/** Customers with at least one order (default 5000). */
	buyers?: number;
	/** Registered customers who never ordered (default 300). */
	prospects?: number;
	/** Survey answers (default 3000). */
	surveys?: number;
	/** Plant the deliberate data-quality flaws in transactions.csv (default true). */
	flaws?: boolean;
};

export const CUSTOMER_HEADER = [
	'客户编号',
	'姓名',
	'性别',
	'年龄段',
	'城市',
	'注册日期',
	'会员等级'
];

type CsvName = 'transactions.csv' | 'customers.csv' | 'touchpoints.csv' | 'surveys.csv';
/** The Chinese files, their English twins in en/ (scripts/sample/english.ts), and the README. */
export type SampleFileName = CsvName | `en/${CsvName}` | 'README.md';

export type SampleStats = {
	buyers: number;
	prospects: number;
	orders: number;
	orderLines: number;
	returnLines: number;
	transactionRows: number;
	customerRows: number;
	touchpointRows: number;
	surveyRows: number;
};

export type SampleOutput = {
	seed: number;
	/** File name to file text (UTF-8, LF, no BOM). */
	files: Record<SampleFileName, string>;
	headers: {
		transactions: string[];
		customers: string[];
		touchpoints: string[];
		surveys: string[];
	};
	/** Data rows (without the header), exactly as written. */
	tables: { transactions: Row[]; customers: Row[]; touchpoints: Row[]; surveys: Row[] };
	flaws: TransactionFlaws;
	stats: SampleStats;
};

/** Spend thresholds (CNY, net of returns, over the two years) for 银卡 / 金卡 / 黑金. */
const TIER_THRESHOLDS = [800, 3000, 10000];

export function generate(seed: number = DEFAULT_SEED, options: GenerateOptions = {}): SampleOutput {
	const buyers = options.buyers ?? 5000;
	const prospects = options.prospects ?? 300;
	const surveyCount = options.surveys ?? 3000;
	const rng = new Rng(seed);
	const season = buildSeason();
	const customers = generatePopulation(rng.fork('population'), season, { buyers, prospects });
	const tx = generateTransactions(
		rng.fork('transactions'),
		season,
		customers,
		options.flaws ?? true
	);

	// Net spend and order counts per customer (from the clean data), and a loyalty z-score.
	const spend = new Map<Customer, number>();
	const orderCount = new Map<Customer, number>();
	for (const o of tx.orders) {
		spend.set(
			o.customer,
			(spend.get(o.customer) ?? 0) + o.lines.reduce((a, l) => a + l.paidCents, 0)
		);
		orderCount.set(o.customer, (orderCount.get(o.customer) ?? 0) + 1);
	}
	for (const r of tx.returns)
		spend.set(r.order.customer, (spend.get(r.order.customer) ?? 0) - r.paidCents);
	const loyalty = loyaltyScores(customers, orderCount, spend);

	const tp = generateTouchpoints(
		rng.fork('touchpoints'),
		customers,
		tx.orders,
		tx.returns,
		loyalty
	);
	const surveys = generateSurveys(
		rng.fork('surveys'),
		tx.orders,
		surveyCount,
		loyalty,
		tp.complainedOrders
	);
	const customerRows = customers.map((c) => {
		const yuan = (spend.get(c) ?? 0) / 100;
		const tier = TIER_THRESHOLDS.filter((t) => yuan >= t).length;
		return [
			c.id,
			c.name,
			c.gender,
			AGE_BANDS[c.ageBand] ?? '',
			c.city.name,
			formatDay(c.registered),
			TIERS[tier] ?? TIERS[0]
		];
	});

	const stats: SampleStats = {
		buyers: customers.filter((c) => c.kind !== 'prospect').length,
		prospects: customers.filter((c) => c.kind === 'prospect').length,
		orders: tx.orders.length,
		orderLines: tx.orders.reduce((a, o) => a + o.lines.length, 0),
		returnLines: tx.returns.length,
		transactionRows: tx.rows.length,
		customerRows: customerRows.length,
		touchpointRows: tp.rows.length,
		surveyRows: surveys.length
	};
	const headers = {
		transactions: TRANSACTION_HEADER,
		customers: CUSTOMER_HEADER,
		touchpoints: TOUCHPOINT_HEADER,
		surveys: SURVEY_HEADER
	};
	const tables = { transactions: tx.rows, customers: customerRows, touchpoints: tp.rows, surveys };
	return {
		seed,
		files: {
			'transactions.csv': toCsv(headers.transactions, tables.transactions),
			'customers.csv': toCsv(headers.customers, tables.customers),
			'touchpoints.csv': toCsv(headers.touchpoints, tables.touchpoints),
			'surveys.csv': toCsv(headers.surveys, tables.surveys),
			'en/transactions.csv': toCsv(headers.transactions, englishRows('transactions', tables.transactions)),
			'en/customers.csv': toCsv(headers.customers, englishRows('customers', tables.customers)),
			'en/touchpoints.csv': toCsv(headers.touchpoints, englishRows('touchpoints', tables.touchpoints)),
			'en/surveys.csv': toCsv(headers.surveys, englishRows('surveys', tables.surveys)),
			'README.md': sampleReadme(seed, stats, tx.flaws)
		},
		headers,
		tables,
		flaws: tx.flaws,
		stats
	};
}

/** z-score of log(1 + orders) + 0.5 log(1 + spend / 100 CNY) among buyers; prospects get -1. */
function loyaltyScores(
	customers: readonly Customer[],
	orders: ReadonlyMap<Customer, number>,
	spend: ReadonlyMap<Customer, number>
): Map<Customer, number> {
	const raw = new Map<Customer, number>();
	for (const c of customers) {
		const n = orders.get(c) ?? 0;
		if (n > 0)
			raw.set(c, Math.log1p(n) + 0.5 * Math.log1p(Math.max(0, spend.get(c) ?? 0) / 10_000));
	}
	const xs = [...raw.values()];
	const mean = xs.reduce((a, b) => a + b, 0) / (xs.length || 1);
	const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length || 1)) || 1;
	const out = new Map<Customer, number>();
	for (const c of customers) out.set(c, raw.has(c) ? ((raw.get(c) ?? 0) - mean) / sd : -1);
	return out;
}

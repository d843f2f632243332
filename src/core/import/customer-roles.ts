/**
 * Customer-table input (one row per customer, like R rfm's rfm_table_customer): column roles,
 * guessed from bilingual header aliases and the values, and what kind of file a header set looks
 * like. Pure (tested in Node).
 */
import type { DateFormat } from '../csv/dates.ts';
import { dateFormatFor } from '../csv/date-choice.ts';
import { withTimeZone } from '../csv/time-zones.ts';
import { normalizeHeader } from '../csv/roles.ts';
import type { ColumnProfile, SniffResult } from '../csv/sniff.ts';
import { ClienteleError } from '../errors.ts';
import type { CustomerTableMapping } from '../sql/rfm-customer-table.ts';

export type FileRole = 'transactions' | 'customers';
export type CtRole = 'customer' | 'lastDate' | 'recency' | 'orders' | 'revenue';
export const CT_ROLES: readonly CtRole[] = ['customer', 'recency', 'lastDate', 'orders', 'revenue'];
export type CtRoles = Partial<Record<CtRole, string>>;

/** Header aliases, compared after normalizeHeader() (lower case, no spaces, '_', '-', '.'). */
const ALIASES: Record<CtRole, string[]> = {
	customer: [
		'customerid', 'customer', 'custid', 'clientid', 'memberid', 'userid', 'buyerid', 'accountid', 'customerno',
		'customernumber', 'customercode', 'id', '客户id', '客户编号', '客户号', '客户代码', '客户', '会员号', '会员id',
		'会员编号', '会员卡号', '用户id', '用户编号', '顾客id', '顾客编号', '买家id'
	],
	recency: [
		'recencydays', 'recency', 'dayssincelastorder', 'dayssincelastpurchase', 'dayssincelastvisit', 'daysince',
		'dayssince', 'recencyindays', '最近消费天数', '最近一次消费天数', '最近购买天数', '距今天数', '距上次消费天数',
		'未消费天数', '未购买天数', '最近消费间隔', 'r值', '近度'
	],
	lastDate: [
		'mostrecentvisit', 'lastpurchasedate', 'lastorderdate', 'lastpurchase', 'lastorder', 'lastvisit', 'lastdate',
		'lastseen', 'mostrecentpurchase', 'mostrecentorder', 'lastorderat', '最近消费日期', '最近购买日期', '最后消费日期',
		'最后购买日期', '最近一次消费日期', '最近一次消费时间', '最近下单时间', '最近下单日期', '最后下单日期', '最近消费时间'
	],
	orders: [
		'numberoforders', 'orders', 'ordercount', 'norders', 'totalorders', 'numorders', 'frequency', 'purchases',
		'numberofpurchases', 'purchasecount', 'transactioncount', 'numberoftransactions', 'visits', '订单数',
		'订单数量', '订单总数', '消费次数', '购买次数', '下单次数', '交易次数', '累计订单数', '累计消费次数', '频次',
		'购买频次', 'f值'
	],
	revenue: [
		'revenue', 'totalrevenue', 'monetary', 'totalspend', 'spend', 'totalsales', 'sales', 'amount', 'totalamount',
		'lifetimevalue', 'ltv', 'totalvalue', 'value', '累计消费金额', '消费总额', '消费总金额', '累计消费', '消费金额',
		'累计金额', '总消费', '总金额', '销售额', '总收入', '收入', 'm值'
	]
};

/** `h`: the header as normalizeHeader gives it. */
function nameScore(role: CtRole, h: string): number {
	const list = ALIASES[role];
	const exact = list.indexOf(h);
	if (exact >= 0) return 100 - exact * 0.1;
	// Substrings only for aliases long enough to mean something ('id' or 'r值' alone would match too much).
	if (list.some((a) => a.length >= 4 && h.includes(a))) return 60;
	return 0;
}

const isNumeric = (c: ColumnProfile) => c.number !== null && c.number.share >= 0.5 && c.kind !== 'date';

function fits(role: CtRole, c: ColumnProfile): boolean {
	if (c.kind === 'empty') return false;
	if (role === 'lastDate') return c.date !== null && c.date.share >= 0.5;
	if (role === 'customer') return c.kind !== 'date';
	return isNumeric(c);
}

function valueScore(role: CtRole, c: ColumnProfile): number {
	if (role === 'customer') return c.distinctShare >= 0.99 ? 10 : 0;
	if (role === 'orders' || role === 'recency') return c.kind === 'integer' ? 10 : 0;
	if (role === 'revenue') return c.kind === 'number' ? 10 : c.kind === 'integer' ? 5 : 0;
	return c.kind === 'date' ? 10 : 0;
}

/**
 * Guesses the roles of a customer table from header names only (every role needs a name match).
 * With both a recency column and a last-purchase-date column, recency is taken: its values are
 * used as they are, whatever the as-of date.
 */
export function guessCustomerRoles(columns: readonly ColumnProfile[]): CtRoles {
	const candidates: { role: CtRole; col: string; score: number }[] = [];
	for (const c of columns) {
		if (c.kind === 'empty') continue;
		const h = normalizeHeader(c.name);
		for (const role of CT_ROLES) {
			const n = nameScore(role, h);
			if (n === 0 || !fits(role, c)) continue;
			candidates.push({ role, col: c.name, score: n + valueScore(role, c) });
		}
	}
	// Stable sort: equal scores keep the role order, then the column order.
	candidates.sort((a, b) => b.score - a.score || CT_ROLES.indexOf(a.role) - CT_ROLES.indexOf(b.role));
	const out: CtRoles = {};
	const used = new Set<string>();
	for (const k of candidates) {
		if (out[k.role] !== undefined || used.has(k.col)) continue;
		out[k.role] = k.col;
		used.add(k.col);
	}
	if (out.recency && out.lastDate) delete out.lastDate;
	return out;
}

/**
 * What a file looks like: a customer table when its headers name a number of orders and a recency
 * or last purchase date (transaction files have neither); otherwise transactions.
 */
export function guessFileRole(columns: readonly ColumnProfile[]): FileRole {
	return fileRoleOf(guessCustomerRoles(columns));
}

/** guessFileRole from the customer-table roles already guessed. */
export function fileRoleOf(g: CtRoles): FileRole {
	return g.orders && (g.recency || g.lastDate) ? 'customers' : 'transactions';
}

/** Sets one role; recency days and last purchase date exclude each other. */
export function withCtRole(roles: CtRoles, role: CtRole, column: string): CtRoles {
	const out: CtRoles = { ...roles, [role]: column === '' ? undefined : column };
	if (column !== '' && role === 'recency') out.lastDate = undefined;
	if (column !== '' && role === 'lastDate') out.recency = undefined;
	return out;
}

/** Missing or doubly used columns, as translated errors naming the file. */
export function checkCtRoles(roles: CtRoles, file: string): ClienteleError[] {
	const errors: ClienteleError[] = [];
	if (!roles.customer) errors.push(new ClienteleError('ct.missingCustomer', { file }));
	if (!roles.recency && !roles.lastDate) errors.push(new ClienteleError('ct.missingRecency', { file }));
	if (!roles.orders) errors.push(new ClienteleError('ct.missingOrders', { file }));
	if (!roles.revenue) errors.push(new ClienteleError('ct.missingRevenue', { file }));
	const seen = new Set<string>();
	for (const role of CT_ROLES) {
		const col = roles[role];
		if (!col) continue;
		if (seen.has(col)) errors.push(new ClienteleError('ct.sameColumn', { file, column: col }));
		seen.add(col);
	}
	return errors;
}

/** The core mapping (formats from the sniffer, numbers as Unix times or Excel serials; `dateFormat` overrides the last-date column's; instants shown in `timeZone`). */
export function customerMappingFor(sniff: SniffResult, roles: CtRoles, dateFormat?: DateFormat, timeZone?: string): CustomerTableMapping {
	const col = (name: string | undefined) => sniff.columns.find((c) => c.name === name);
	const found = dateFormat ?? dateFormatFor(col(roles.lastDate)) ?? undefined;
	return {
		customer: roles.customer ?? '',
		orders: roles.orders ?? '',
		revenue: roles.revenue ?? '',
		recency: roles.recency,
		lastDate: roles.lastDate,
		dateFormat: found && withTimeZone(found, timeZone),
		numberFormats: {
			orders: col(roles.orders)?.number?.format,
			revenue: col(roles.revenue)?.number?.format,
			recency: col(roles.recency)?.number?.format
		}
	};
}

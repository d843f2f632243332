import type { ColumnProfile } from './sniff.ts';

/** Column roles of a transactions file. */
export type TxRole = 'customer' | 'date' | 'amount' | 'quantity' | 'price' | 'order' | 'cost' | OrderRole;

/**
 * Marketplace order roles (optional): the paid date (preferred over `date`, the created date; empty =
 * unpaid), the order status (excluded values are not sales), the refund netted from the amount and
 * the postage left out of it (core/import/order-rules.ts).
 */
export type OrderRole = 'paid' | 'status' | 'refund' | 'postage';

export const ORDER_ROLES: readonly OrderRole[] = ['paid', 'status', 'refund', 'postage'];

/** `cost` (optional) is the cost of the line — the same scope as its amount — for margins. */
export const TX_ROLES: readonly TxRole[] = ['customer', 'date', 'amount', 'quantity', 'price', 'order', 'cost', ...ORDER_ROLES];

/** Header aliases, compared after lower-casing and removing spaces, '_', '-' and '.'. */
const ALIASES: Record<TxRole, string[]> = {
	customer: [
		'customerid', 'customer', 'custid', 'clientid', 'client', 'memberid', 'member', 'userid', 'user', 'buyerid',
		'buyer', 'accountid', 'account', 'customerno', 'customernumber', 'customercode', 'contactid',
		'客户id', '客户编号', '客户号', '客户代码', '客户', '会员号', '会员id', '会员编号', '会员卡号', '用户id', '用户编号',
		'买家id', '买家', '顾客id', '顾客编号', '账号'
	],
	date: [
		'invoicedate', 'orderdate', 'date', 'datetime', 'timestamp', 'time', 'purchasedate', 'transactiondate',
		'txdate', 'createdat', 'orderedat', 'ordertime', 'paidat', 'paymentdate', 'saledate',
		'下单时间', '下单日期', '订单日期', '订单时间', '日期', '时间', '交易日期', '交易时间', '购买日期', '购买时间',
		'支付时间', '付款时间', '消费日期', '消费时间', '成交时间', '创建时间'
	],
	amount: [
		'amount', 'revenue', 'sales', 'total', 'totalamount', 'ordertotal', 'value', 'spend', 'payment', 'paid',
		'netamount', 'price_total', 'grandtotal', 'turnover', 'monetary', 'dollarvalue', 'salesamount',
		'实付金额', '金额', '实付', '支付金额', '付款金额', '订单金额', '消费金额', '交易金额', '销售额', '销售金额',
		'成交金额', '总金额', '总价', '应付金额'
	],
	quantity: ['quantity', 'qty', 'units', 'count', 'numberofitems', 'items', '数量', '购买数量', '件数', '销量'],
	price: ['unitprice', 'price', 'itemprice', 'unitcost', '单价', '价格', '商品单价', '售价'],
	order: [
		'invoiceno', 'invoice', 'invoiceid', 'orderid', 'orderno', 'ordernumber', 'order', 'transactionid',
		'txid', 'receiptno', 'receipt', 'billno', '订单号', '订单编号', '订单id', '单号', '交易号', '交易编号', '流水号', '小票号'
	],
	// Cost of the whole line (not a unit cost: 'unitcost' stays a price alias). Only ever taken by name.
	cost: [
		'cost', 'cogs', 'totalcost', 'linecost', 'costamount', 'costofgoods', 'costofgoodssold', 'costofsales',
		'成本', '成本金额', '成本合计', '总成本', '进价合计', '进货金额', '采购金额', '销售成本', '商品成本'
	],
	paid: [
		'paidat', 'paiddate', 'paidtime', 'paymentdate', 'paymenttime', 'paytime', 'datepaid', 'orderpaidat',
		'付款时间', '订单付款时间', '支付时间', '支付完成时间', '付款日期', '支付日期', '买家付款时间'
	],
	status: [
		'orderstatus', 'financialstatus', 'status', 'paymentstatus', 'tradestatus', 'orderstate',
		'订单状态', '交易状态', '状态', '支付状态', '付款状态'
	],
	refund: [
		'refundedamount', 'refundamount', 'refundedtotal', 'refundtotal', 'amountrefunded', 'refund', 'refunds',
		'退款金额', '已退款金额', '退款', '退款额', '退款总额', '售后退款金额'
	],
	// Only ever set by the user or a preset: a guessed postage column would change the amounts.
	postage: ['shipping', 'shippingtotal', 'postage', 'shippingfee', 'freight', '邮费', '运费', '快递费', '买家应付邮费']
};

const UNIT_COST = /unit|per|each|单位|单件|单价|成本价|进价$/;

export function normalizeHeader(h: string): string {
	return h.toLowerCase().replace(/[\s_\-.]/g, '');
}

/** `h`: the header as normalizeHeader gives it. */
function nameScore(role: TxRole, h: string): number {
	const list = ALIASES[role];
	const exact = list.indexOf(h);
	if (exact >= 0) return 100 - exact * 0.1;
	// 'unit cost', '成本价', '单位成本' are per-unit costs, not the line's cost: never the cost role.
	if (role === 'cost' && UNIT_COST.test(h)) return 0;
	if (list.some((a) => a.length >= 2 && h.includes(a))) return 60;
	return 0;
}

function valueScore(role: TxRole, c: ColumnProfile): number {
	switch (role) {
		case 'date':
			return c.kind === 'date' ? 30 : 0;
		case 'amount':
		case 'price':
		case 'cost':
			return c.kind === 'number' ? 15 : c.kind === 'integer' ? 5 : 0;
		case 'quantity':
			return c.kind === 'integer' ? 10 : 0;
		case 'customer':
			return c.kind !== 'date' && c.kind !== 'number' && c.distinctShare < 0.95 ? 5 : 0;
		case 'order':
			return c.kind !== 'date' && c.kind !== 'number' ? 3 : 0;
		case 'paid':
			return c.kind === 'date' ? 30 : 0;
		case 'refund':
		case 'postage':
			return c.kind === 'number' || c.kind === 'integer' ? 10 : 0;
		case 'status':
			return c.kind === 'text' ? 5 : 0;
	}
}

/** Values that rule a column out for a role (a date column can't be an amount, etc.). */
function compatible(role: TxRole, c: ColumnProfile): boolean {
	if (c.kind === 'empty') return false;
	if (role === 'date') return c.date !== null && c.date.share >= 0.5;
	// A paid date is empty on unpaid orders: half its values may be blank.
	if (role === 'paid') return c.date !== null && c.date.share >= 0.5;
	if (role === 'amount' || role === 'price' || role === 'quantity' || role === 'cost' || role === 'refund' || role === 'postage')
		return c.number !== null && c.number.share >= 0.5 && c.kind !== 'date';
	return true;
}

export type RoleMapping = Partial<Record<TxRole, string>>;

/**
 * Guesses a mapping from header names (zh and en aliases) and the values. Each column serves one
 * role at most. When no amount column exists but quantity and price do, amount = quantity × price.
 */
export function guessRoles(columns: readonly ColumnProfile[]): RoleMapping {
	const candidates: { role: TxRole; col: string; score: number }[] = [];
	for (const c of columns) {
		// An empty column serves no role (and a wide file's thousands of them cost nothing).
		if (c.kind === 'empty') continue;
		const h = normalizeHeader(c.name);
		for (const role of TX_ROLES) {
			if (role === 'postage') continue;
			const n = nameScore(role, h);
			// An exact header match is kept even when the values look wrong, so the check can say where;
			// not for cost, which is optional: a text 'cost' column must not block the import.
			if (!compatible(role, c) && !(n >= 90 && role !== 'cost' && !isOrderRole(role))) continue;
			const required = role === 'customer' || role === 'date' || role === 'amount';
			// Optional roles (cost too) and ids need a name match; required value-typed roles may be guessed from values alone.
			if (n === 0 && !(required && (role === 'date' || role === 'amount'))) continue;
			candidates.push({ role, col: c.name, score: n + valueScore(role, c) });
		}
	}
	// Stable sort: equal scores keep the role order, then the column order.
	candidates.sort((a, b) => b.score - a.score || TX_ROLES.indexOf(a.role) - TX_ROLES.indexOf(b.role));
	const out: RoleMapping = {};
	const used = new Set<string>();
	for (const k of candidates) {
		if (out[k.role] !== undefined || used.has(k.col)) continue;
		if (k.score < 30 && k.role === 'amount' && out.quantity && out.price) continue;
		out[k.role] = k.col;
		used.add(k.col);
	}
	if (out.amount && out.quantity && out.price && nameScore('amount', normalizeHeader(out.amount)) === 0) delete out.amount;
	// The only date is the paid date: it is the date (unpaid rows cannot be told apart then).
	if (out.paid && !out.date) {
		out.date = out.paid;
		delete out.paid;
	}
	return out;
}

function isOrderRole(role: TxRole): role is OrderRole {
	return (ORDER_ROLES as readonly TxRole[]).includes(role);
}

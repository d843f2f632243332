/**
 * Marketplace order rules (pure): which order statuses are not sales, how a refund column is netted,
 * and what the load reports about them. The SQL is in core/sql/order-rules.ts; run/order-rules.ts
 * runs it. One list of excluded statuses serves the page, the CLI's --help and the README.
 */

/**
 * Order statuses that are not a sale, by default (compared after trimming, ASCII case-insensitive):
 * closed, cancelled, unpaid, pending and fully refunded orders. `--exclude-status` replaces it.
 */
export const DEFAULT_EXCLUDED_STATUSES: readonly string[] = [
	'交易关闭', '已关闭', '已取消', '取消', '未付款', '等待买家付款', '待付款', '退款成功', '已退款', '全额退款',
	'cancelled', 'canceled', 'voided', 'refunded', 'pending', 'expired', 'closed'
];

/**
 * Statuses known to be a (possibly partly refunded) sale: kept without comment. A value in neither
 * list is kept too, and listed once in the load's report so the user can decide.
 */
export const KNOWN_SALE_STATUSES: readonly string[] = [
	'交易成功', '已完成', '完成', '已发货', '卖家已发货', '卖家已发货，等待买家确认', '等待卖家发货', '待发货', '已付款',
	'买家已付款', '等待买家确认收货', '待收货', '已发货，待收货', '已收货', '已签收', '已成团', '已支付', '部分退款', '待评价', '已评价',
	'paid', 'completed', 'complete', 'processing', 'fulfilled', 'shipped', 'delivered', 'partially_refunded',
	'partially refunded', 'wc-completed', 'wc-processing'
];

/** How a refund column is netted: the refund of each line, or one refund per order repeated on its lines. */
export type RefundPer = 'order' | 'line';

export const REFUND_PER: readonly RefundPer[] = ['order', 'line'];

/** The order rules of a transactions mapping (plain data: project files and the CLI store it). */
export interface OrderRules {
	/** Status values that are not sales (DEFAULT_EXCLUDED_STATUSES unless the user changed them). */
	exclude: readonly string[];
	/** How the refund column is netted; 'auto' decides from the data (every line of an order the same refund → order). */
	refundPer: RefundPer | 'auto';
}

export const DEFAULT_ORDER_RULES: OrderRules = { exclude: DEFAULT_EXCLUDED_STATUSES, refundPer: 'auto' };

/** Excel's text wrappers: `="…"` (a formula keeping leading zeros) and a leading apostrophe. */
export function unwrapExcel(v: string): string {
	const t = v.trim();
	const f = /^="(.*)"$/s.exec(t);
	if (f) return f[1]!.replaceAll('""', '"').trim();
	return t.startsWith("'") ? t.slice(1).trim() : t;
}

/** The form a status is compared in: unwrapped, trimmed, ASCII letters lower-cased (other letters as they are). */
export function statusKey(v: string): string {
	return unwrapExcel(v).replace(/[A-Z]/g, (c) => c.toLowerCase());
}

/** A comma-separated list of statuses (`,` or `，`), trimmed, empty items and repeats left out. */
export function parseStatusList(text: string): string[] {
	const out: string[] = [];
	for (const item of text.split(/[,，]/)) {
		const v = item.trim();
		if (v !== '' && !out.some((o) => statusKey(o) === statusKey(v))) out.push(v);
	}
	return out;
}

export function isExcludedStatus(value: string, exclude: readonly string[]): boolean {
	const k = statusKey(value);
	return exclude.some((e) => statusKey(e) === k);
}

/** One status value of the loaded rows, as the load's report lists it. */
export interface StatusCount {
	/** The value as written (trimmed, unwrapped); '' for an empty status. */
	value: string;
	rows: number;
	/** The rows' amount before refunds (0 when none is readable). */
	amount: number;
	excluded: boolean;
	/** In neither the exclusion list nor KNOWN_SALE_STATUSES (kept, and listed for the user to decide). */
	unknown: boolean;
}

/** Marks each value excluded or not under `exclude`, and unknown when it is in neither list. */
export function classifyStatuses(
	rows: readonly { value: string; rows: number; amount: number }[],
	exclude: readonly string[]
): StatusCount[] {
	return rows.map((r) => {
		const excluded = isExcludedStatus(r.value, exclude);
		const known = excluded || r.value === '' || isExcludedStatus(r.value, KNOWN_SALE_STATUSES);
		return { ...r, excluded, unknown: !known };
	});
}

/** What applying the order rules did to a load (shown by the page, written to stderr by the CLI). */
export interface OrderReport {
	/** Every status value with its rows (absent: no status column). */
	statuses?: StatusCount[];
	/** Rows and money left out because of their status. */
	excluded: { rows: number; amount: number };
	/** Rows with an empty paid date (unpaid orders, not purchases), not counted in `excluded` (absent: no paid column). */
	unpaid?: { rows: number; amount: number };
	/** The refund column netted: how, and the money taken off the amounts (absent: no refund column). */
	refund?: { per: RefundPer; detected: boolean; amount: number; rows: number };
	/** The postage column left out of the amounts (absent: none). */
	postage?: { amount: number };
	/** Buyers whose every order was left out (prospects, not customers). */
	prospects: number;
	/** Customer ids with a masking character (`*`): different buyers may share one. */
	masked: { ids: number; examples: string[] };
	/** Orders found in more than one of the files loaded together: counted once (the later file's rows). */
	overlap?: { orders: number; rows: number; examples: string[] };
}

/** The values of the report that are in neither list, for the one notice that lists them. */
export function unknownStatuses(report: OrderReport): StatusCount[] {
	return (report.statuses ?? []).filter((s) => s.unknown);
}

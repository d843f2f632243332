/**
 * The marketplace-export flags of every command that reads transactions (--status, --exclude-status,
 * --refund-amount, --refund-per, --paid-date, --input repeated) and what the load reports about them
 * on stderr. Rules and defaults: core/import/order-rules.ts; the load: run/order-rules.ts.
 */
import type { RoleMapping } from '../core/csv/roles.ts';
import { ClienteleError } from '../core/errors.ts';
import {
	DEFAULT_EXCLUDED_STATUSES,
	DEFAULT_ORDER_RULES,
	isExcludedStatus,
	parseStatusList,
	REFUND_PER,
	unknownStatuses,
	type OrderReport,
	type OrderRules
} from '../core/import/order-rules.ts';
import { translate } from '../i18n/translate.ts';
import { choice, optionalString, type OptionSpec, type Values } from './options.ts';

export const ORDER_OPTIONS: OptionSpec = {
	status: { type: 'string' },
	'exclude-status': { type: 'string' },
	'refund-amount': { type: 'string' },
	'refund-per': { type: 'string' },
	'paid-date': { type: 'string' }
};

/** The flag naming each order role (for messages about a column that is not in the file). */
export const ORDER_ROLE_FLAGS = { status: 'status', refund: 'refund-amount', paid: 'paid-date' } as const;

export const ORDER_HELP = `marketplace exports (淘宝/天猫, 京东, 拼多多, 抖店, 有赞, 微信小店, Shopify, WooCommerce):
  --input FILE …      repeat --input to read several exports of the same shape as one dataset (a
                      platform caps an export's date range); an order id found in two files is
                      counted once, from the later file, and reported on stderr
  --status COL        order status column: rows whose status is in the exclusion list are not sales
                      (left out; their rows and money per value are reported on stderr)
  --exclude-status "v1,v2,…"
                      replaces the default exclusion list (exact match after trimming, ASCII
                      case-insensitive): ${DEFAULT_EXCLUDED_STATUSES.join(', ')}
  --refund-amount COL refund column, netted from the amount (a partial refund keeps the order;
                      not --returns, which chooses how negative lines count)
  --refund-per order|line
                      order: one refund per order repeated on each of its lines, taken off once;
                      line: each line's own refund (default: order when every line of every
                      multi-line order carries the same refund, else line)
  --paid-date COL     paid date: preferred over --date when filled; an empty paid date is an
                      unpaid order, left out and reported (not a purchase)`;

/** The order roles given (--status, --refund-amount, --paid-date), checked against each other. */
export function orderRolesFrom(v: Values, roles: RoleMapping): RoleMapping {
	const status = optionalString(v, 'status');
	const refund = optionalString(v, 'refund-amount');
	const paid = optionalString(v, 'paid-date');
	if (typeof v['exclude-status'] === 'string' && !status) throw new ClienteleError('cli.needsOption', { option: 'exclude-status', needs: 'status' });
	const per = choice(v, 'refund-per', REFUND_PER);
	if (per && !refund) throw new ClienteleError('cli.needsOption', { option: 'refund-per', needs: 'refund-amount' });
	if (per === 'order' && !roles.order) throw new ClienteleError('cli.needsOption', { option: 'refund-per order', needs: 'order' });
	return { ...roles, ...(status ? { status } : {}), ...(refund ? { refund } : {}), ...(paid ? { paid } : {}) };
}

/** The exclusion list and refund choice (--exclude-status replaces the default list; "" excludes nothing). */
export function orderRulesFrom(v: Values): OrderRules {
	const list = v['exclude-status'];
	return {
		exclude: typeof list === 'string' ? parseStatusList(list) : DEFAULT_ORDER_RULES.exclude,
		refundPer: choice(v, 'refund-per', REFUND_PER) ?? 'auto'
	};
}

const money = (x: number) => x.toFixed(2);

/** The report as English lines for stderr ('note:' for what was done, 'warning:' for what to check). */
export function orderReportLines(r: OrderReport, customList: boolean): string[] {
	const t = (key: Parameters<typeof translate>[1], params: Record<string, string | number>) => translate('en', key, params);
	const out: string[] = [];
	if (r.overlap && r.overlap.orders > 0)
		out.push(`note: ${t('orders.report.overlap', { orders: r.overlap.orders, rows: r.overlap.rows, examples: r.overlap.examples.join(', ') })}`);
	if (r.statuses) {
		out.push(`note: ${t('orders.report.excluded', { rows: r.excluded.rows, amount: money(r.excluded.amount) })}`);
		for (const s of r.statuses.filter((x) => x.excluded))
			out.push(`  ${t('orders.report.value', { value: s.value, rows: s.rows, amount: money(s.amount) })}`);
		const unknown = unknownStatuses(r);
		if (unknown.length)
			out.push(`warning: ${t('orders.report.unknown', { list: unknown.map((s) => `${s.value} (${s.rows} rows)`).join(', ') })}`);
		if (customList) {
			const kept = r.statuses.filter((s) => !s.excluded && isExcludedStatus(s.value, DEFAULT_EXCLUDED_STATUSES));
			if (kept.length) out.push(`warning: ${t('orders.report.defaultsKept', { list: kept.map((s) => `${s.value} (${s.rows} rows)`).join(', ') })}`);
		}
	}
	if (r.unpaid) out.push(`note: ${t('orders.report.unpaid', { rows: r.unpaid.rows, amount: money(r.unpaid.amount) })}`);
	if (r.refund) {
		const per = t(`orders.refundPer.${r.refund.per}`, {});
		out.push(`note: ${t('orders.report.refund', { amount: money(r.refund.amount), rows: r.refund.rows, per: r.refund.detected ? t('orders.report.refundDetected', { per }) : per })}`);
	}
	if (r.prospects > 0) out.push(`note: ${t('orders.report.prospects', { count: r.prospects })}`);
	if (r.masked.ids > 0) out.push(`warning: ${t('orders.report.masked', { count: r.masked.ids, examples: r.masked.examples.join(', ') })}`);
	return out;
}

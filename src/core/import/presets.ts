/**
 * Platform presets (pure): the order exports of common Chinese marketplaces and shop systems,
 * recognised from their header. A preset names, for each role, the platform's column (the first of
 * its alternatives the file has). Where each header comes from: test/fixtures/platforms/README.md.
 */
import { guessRoles, type RoleMapping, type TxRole } from '../csv/roles.ts';
import type { ColumnProfile } from '../csv/sniff.ts';

export type PresetId = 'taobao' | 'jd' | 'pdd' | 'douyin' | 'youzan' | 'wechat' | 'shopify' | 'woocommerce';

export interface PlatformPreset {
	id: PresetId;
	/** Every one of these headers must be present (exact names) for the file to be this platform's. */
	signature: readonly string[];
	/** Per role, the platform's column names, the first present one taken. `date` is the created date. */
	roles: Partial<Record<TxRole, readonly string[]>>;
	/**
	 * The postage column, shown with the preset: the amount includes it; mapping it to the postage role
	 * leaves it out.
	 */
	postage?: readonly string[];
}

export const PLATFORM_PRESETS: readonly PlatformPreset[] = [
	{
		id: 'taobao',
		signature: ['订单编号', '买家会员名', '订单状态'],
		roles: {
			customer: ['买家会员名'],
			order: ['订单编号'],
			amount: ['买家实际支付金额', '总金额', '买家应付货款'],
			date: ['订单创建时间'],
			paid: ['订单付款时间'],
			status: ['订单状态'],
			refund: ['退款金额']
		},
		postage: ['买家应付邮费']
	},
	{
		id: 'jd',
		signature: ['订单号', '下单帐号', '订单状态'],
		roles: {
			customer: ['下单帐号'],
			order: ['订单号'],
			amount: ['应付金额', '订单金额'],
			date: ['下单时间'],
			paid: ['付款确认时间'],
			status: ['订单状态']
		},
		postage: ['运费金额']
	},
	{
		id: 'pdd',
		signature: ['订单号', '订单状态', '用户实付金额(元)'],
		roles: {
			customer: ['收货人'],
			order: ['订单号'],
			amount: ['用户实付金额(元)'],
			date: ['订单成交时间'],
			paid: ['支付时间'],
			status: ['订单状态']
		},
		postage: ['邮费(元)']
	},
	{
		id: 'douyin',
		signature: ['主订单编号', '子订单编号', '订单状态'],
		roles: {
			customer: ['收件人'],
			order: ['主订单编号'],
			amount: ['订单应付金额'],
			date: ['订单提交时间'],
			paid: ['支付完成时间'],
			status: ['订单状态']
		},
		postage: ['运费']
	},
	{
		id: 'youzan',
		signature: ['订单号', '订单状态', '买家手机号', '订单实付金额'],
		roles: {
			customer: ['买家手机号'],
			order: ['订单号'],
			amount: ['订单实付金额'],
			date: ['订单创建时间', '下单时间'],
			paid: ['买家付款时间', '付款时间'],
			status: ['订单状态'],
			refund: ['订单已退款金额', '退款金额']
		},
		postage: ['订单运费', '运费']
	},
	{
		id: 'wechat',
		signature: ['订单号', '订单状态', '买家昵称', '实付金额'],
		roles: {
			customer: ['买家昵称'],
			order: ['订单号'],
			amount: ['实付金额'],
			date: ['下单时间'],
			paid: ['支付时间'],
			status: ['订单状态'],
			refund: ['退款金额']
		},
		postage: ['运费']
	},
	{
		id: 'shopify',
		signature: ['Name', 'Email', 'Financial Status', 'Lineitem name'],
		roles: {
			customer: ['Email'],
			order: ['Name'],
			amount: ['Total'],
			date: ['Created at'],
			paid: ['Paid at'],
			status: ['Financial Status'],
			refund: ['Refunded Amount']
		},
		postage: ['Shipping']
	},
	{
		id: 'woocommerce',
		signature: ['order_number', 'order_date', 'status', 'order_total'],
		roles: {
			customer: ['billing_email', 'customer_id'],
			order: ['order_number', 'order_id'],
			amount: ['order_total'],
			date: ['order_date'],
			paid: ['paid_date'],
			status: ['status'],
			refund: ['refunded_total']
		},
		postage: ['shipping_total']
	}
];

export interface PresetMatch {
	preset: PlatformPreset;
	/** The preset's roles, each a column the file has. */
	roles: RoleMapping;
	/** The postage column the file has (absent: none). */
	postage?: string;
}

/** The platform whose signature headers the file has (the first such in PLATFORM_PRESETS), or null. */
export function detectPreset(headers: readonly string[]): PresetMatch | null {
	const has = new Set(headers.map((h) => h.trim()));
	const preset = PLATFORM_PRESETS.find((p) => p.signature.every((h) => has.has(h)));
	if (!preset) return null;
	const pick = (names: readonly string[] | undefined) => names?.find((n) => has.has(n));
	const roles: RoleMapping = {};
	for (const [role, names] of Object.entries(preset.roles) as [TxRole, readonly string[]][]) {
		const col = pick(names);
		if (col) roles[role] = headers.find((h) => h.trim() === col);
	}
	// No created date: the paid date is the date (unpaid rows cannot be told apart then).
	if (!roles.date && roles.paid) {
		roles.date = roles.paid;
		delete roles.paid;
	}
	const postage = pick(preset.postage);
	return { preset, roles, ...(postage ? { postage: headers.find((h) => h.trim() === postage)! } : {}) };
}

/** The preset a loaded file was recognised as: its id and postage column. */
export interface PresetInfo {
	id: PresetId;
	postage?: string;
}

/**
 * The transaction roles of a file: a recognised platform's columns over the guess from names and
 * values (guessRoles), each column serving one role.
 */
export function guessTxRoles(columns: readonly ColumnProfile[]): { roles: RoleMapping; preset?: PresetInfo } {
	const guess = guessRoles(columns);
	const match = detectPreset(columns.map((c) => c.name));
	if (!match) return { roles: guess };
	const taken = new Set(Object.values(match.roles));
	const roles: RoleMapping = { ...match.roles };
	for (const [role, col] of Object.entries(guess) as [TxRole, string][])
		// The preset's amount stands: no quantity × price from a guess (WooCommerce's discount_total is no quantity).
		if (roles[role] === undefined && !taken.has(col) && !((role === 'quantity' || role === 'price') && roles.amount)) roles[role] = col;
	return { roles, preset: { id: match.preset.id, ...(match.postage ? { postage: match.postage } : {}) } };
}

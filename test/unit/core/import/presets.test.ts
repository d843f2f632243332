import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectPreset, guessTxRoles, PLATFORM_PRESETS, type PresetId } from '../../../../src/core/import/presets.ts';
import { decodeSample, detectEncoding } from '../../../../src/core/csv/encoding.ts';
import { fixture } from '../../../helpers/db.ts';

/** The header line of a fixture, decoded as the app decodes it (GBK for Taobao). */
function header(file: string): string[] {
	const bytes = new Uint8Array(fs.readFileSync(fixture('platforms', file)));
	return decodeSample(bytes, detectEncoding(bytes).encoding).split(/\r?\n/)[0]!.split(',');
}

const CASES: [PresetId, string, Record<string, string>][] = [
	['taobao', 'taobao.csv', { customer: '买家会员名', order: '订单编号', amount: '买家实际支付金额', date: '订单创建时间', paid: '订单付款时间', status: '订单状态', refund: '退款金额' }],
	['jd', 'jd.csv', { customer: '下单帐号', order: '订单号', amount: '应付金额', date: '下单时间', paid: '付款确认时间', status: '订单状态' }],
	['pdd', 'pdd.csv', { customer: '收货人', order: '订单号', amount: '用户实付金额(元)', date: '订单成交时间', paid: '支付时间', status: '订单状态' }],
	['douyin', 'douyin.csv', { customer: '收件人', order: '主订单编号', amount: '订单应付金额', date: '订单提交时间', paid: '支付完成时间', status: '订单状态' }],
	['youzan', 'youzan.csv', { customer: '买家手机号', order: '订单号', amount: '订单实付金额', date: '订单创建时间', paid: '买家付款时间', status: '订单状态', refund: '订单已退款金额' }],
	['wechat', 'wechat.csv', { customer: '买家昵称', order: '订单号', amount: '实付金额', date: '下单时间', paid: '支付时间', status: '订单状态', refund: '退款金额' }],
	['shopify', 'shopify.csv', { customer: 'Email', order: 'Name', amount: 'Total', date: 'Created at', paid: 'Paid at', status: 'Financial Status', refund: 'Refunded Amount' }],
	['woocommerce', 'woocommerce.csv', { customer: 'billing_email', order: 'order_number', amount: 'order_total', date: 'order_date', paid: 'paid_date', status: 'status', refund: 'refunded_total' }]
];

describe('platform presets', () => {
	it('has a fixture for every preset', () => {
		expect(CASES.map((c) => c[0]).sort()).toEqual(PLATFORM_PRESETS.map((p) => p.id).sort());
	});

	it.each(CASES)('%s: recognised from the header of %s, with its roles', (id, file, roles) => {
		const m = detectPreset(header(file));
		expect(m?.preset.id).toBe(id);
		expect(m?.roles).toEqual(roles);
	});

	it('names the postage column without mapping it (the amount includes postage)', () => {
		const m = detectPreset(header('pdd.csv'));
		expect(m?.postage).toBe('邮费(元)');
		expect(m?.roles.postage).toBeUndefined();
	});

	it('a file with no signature is no preset; a paid date alone becomes the date', () => {
		expect(detectPreset(['customer', 'date', 'amount'])).toBeNull();
		const m = detectPreset(['订单编号', '买家会员名', '订单状态', '订单付款时间', '买家实际支付金额']);
		expect(m?.roles.date).toBe('订单付款时间');
		expect(m?.roles.paid).toBeUndefined();
	});

	it('keeps a guessed role the preset does not name, but no quantity × price beside its amount', () => {
		const cols = header('woocommerce.csv').map((name) => ({ name, kind: 'text' as const, date: null, number: null, examples: [], distinctShare: 1, idLike: false }));
		const { roles, preset } = guessTxRoles(cols);
		expect(preset?.id).toBe('woocommerce');
		expect(roles.quantity).toBeUndefined();
		expect(roles.amount).toBe('order_total');
	});
});

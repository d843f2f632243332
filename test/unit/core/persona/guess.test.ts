import { describe, expect, it } from 'vitest';
import { guessClassColumns } from '../../../../src/core/persona/guess.ts';
import { offeredFeatures } from '../../../../src/core/persona/defaults.ts';

describe('class columns from the headers', () => {
	it('zh and en headers; columns mapped to roles are never guessed', () => {
		expect(guessClassColumns(['订单号', '客户编号', '下单时间', '商品类别', '实付金额', '渠道', '城市'], ['订单号', '客户编号', '下单时间', '实付金额'])).toEqual({ category: '商品类别', channel: '渠道', region: '城市' });
		expect(guessClassColumns(['InvoiceNo', 'Country', 'Coupon code'], ['InvoiceNo'])).toEqual({ region: 'Country', discount: 'Coupon code' });
		expect(guessClassColumns(['城市'], ['城市'])).toEqual({});
	});

	it('a class is offered only with its column (or times); the missing say what would enable them', () => {
		const o = offeredFeatures({ times: false, columns: { channel: '渠道' } });
		expect(o.offered).toEqual(['weekday_weekend', 'purchase_frequency', 'channel']);
		expect(o.missing).toEqual([
			{ id: 'daypart', needs: 'times' },
			{ id: 'night_owl', needs: 'times' },
			{ id: 'favourite_category', needs: 'category' },
			{ id: 'category_breadth', needs: 'category' },
			{ id: 'region', needs: 'region' },
			{ id: 'discount_use', needs: 'discount' }
		]);
	});
});

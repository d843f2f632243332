import { beforeAll } from 'vitest';
import { DEFAULT_SEED, generate, type SampleOutput } from '../../scripts/gen-sample.ts';

// Column positions in transactions.csv: 订单号,客户编号,下单时间,商品类别,数量,单价,实付金额,渠道,城市
export const ID = 0;
export const CUST = 1;
export const TIME = 2;
export const QTY = 4;
export const PRICE = 5;
export const PAID = 6;

export const DATE_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
export const MONEY = /^-?\d+\.\d{2}$/;

/** A transactions.csv row of a return (its order id ends in -R). */
export function isReturn(row: string[]): boolean {
	return (row[ID] ?? '').endsWith('-R');
}

/**
 * The sample generated with the default seed, made before the test file's tests (≈ 2 s); the returned
 * object is filled in by then, so it can be declared at the top of a file.
 */
export function useSample(): SampleOutput {
	const out = {} as SampleOutput;
	beforeAll(() => {
		Object.assign(out, generate(DEFAULT_SEED));
	});
	return out;
}

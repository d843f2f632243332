import { describe, expect, it } from 'vitest';
import { backtest, backtestOrigins, seasonalNaiveMae } from '../../../../src/core/forecast/backtest.ts';

describe('backtest', () => {
	it('places 4 origins H apart, the last at n − H', () => {
		expect(backtestOrigins(20, 3, 6)).toEqual([8, 11, 14, 17]);
		// an origin with under 6 training periods is left out
		expect(backtestOrigins(12, 2, 6)).toEqual([6, 8, 10]);
	});
	it('pools the errors as defined (hand-computed on a tiny series)', () => {
		// y: 10 periods; h = 1 → origins 6, 7, 8, 9; forecast is always 5 with intervals [4, 6] (80) and [0, 10] (95)
		const y = [1, 2, 3, 4, 5, 6, 5, 0, 8, 4];
		const s = backtest(y, 1, 2, 6, (_train, h) => ({ mean: Array(h).fill(5), lower80: Array(h).fill(4), upper80: Array(h).fill(6), lower95: Array(h).fill(0), upper95: Array(h).fill(10) }));
		// actuals 5, 0, 8, 4: errors 0, −5, 3, −1
		expect(s?.origins).toBe(4);
		expect(s?.mae).toBeCloseTo(9 / 4, 12);
		expect(s?.rmse).toBeCloseTo(Math.sqrt(35 / 4), 12);
		// MAPE over 5, 8, 4: (0 + 37.5 + 25) / 3; one zero left out
		expect(s?.mape).toBeCloseTo(62.5 / 3, 12);
		expect(s?.mapeLeftOut).toBe(1);
		// sMAPE: 0, 200·5/5 = 200, 200·3/13, 200·1/9
		expect(s?.smape).toBeCloseTo((200 + 600 / 13 + 200 / 9) / 4, 12);
		// MASE scale: seasonal naive lag 2 on y[0..6) = |3−1|,|4−2|,|5−3|,|6−4| → 2
		expect(seasonalNaiveMae(y.slice(0, 6), 2)).toBe(2);
		expect(s?.mase).toBeCloseTo(9 / 4 / 2, 12);
		// 80 %: 5 and 4 inside [4, 6]; 95 %: all but none outside [0, 10]
		expect(s?.coverage80).toBe(0.5);
		expect(s?.coverage95).toBe(1);
	});
});

/**
 * Customer lifetime value over a horizon of months: BG/NBD expected purchases per month times the
 * Gamma-Gamma expected spend, discounted monthly:
 *   CLV = Σ_{m=1..H} E[M] · (E[X(m·u) | x, t_x, T] − E[X((m−1)·u) | x, t_x, T]) / (1 + d)^m
 * where u is the number of model time units per month.
 */
import { aliveProbability, expectedWhileAlive } from './bgnbd-predict.ts';
import { checkBgNbdParams, type BgNbdParams } from './bgnbd.ts';
import {
	checkGammaGammaParams,
	gammaGammaExpectedSpend,
	type GammaGammaParams
} from './gamma-gamma.ts';
import type { TimeUnit } from './prepare.ts';
import { UNIT_DAYS } from './prepare.ts';
import { groupRfm, type RfmInput } from './rfm-groups.ts';

/** Average days per month (365.25 / 12). */
export const DAYS_PER_MONTH = 30.4375;

export interface ClvOptions {
	bgnbd: BgNbdParams;
	gammaGamma: GammaGammaParams;
	/** Months ahead. Default 12. */
	horizonMonths?: number;
	/** Discount rate per month. Default 0.01. */
	monthlyDiscountRate?: number;
	/** The model time unit the BG/NBD was fitted in. Default 'week'. */
	unit?: TimeUnit;
	/**
	 * Model time units per month. Default DAYS_PER_MONTH / days per unit (30.4375 days or ≈ 4.348
	 * weeks). Set 30 to reproduce lifetimes' freq="D" convention.
	 */
	unitsPerMonth?: number;
}

export const CLV_DEFAULTS = {
	horizonMonths: 12,
	monthlyDiscountRate: 0.01,
	unit: 'week' as TimeUnit
};

/** A customer's input to CLV: BG/NBD summary plus mean repeat spend. */
export interface ClvInput extends RfmInput {
	zbar: number;
}

export interface CustomerValue {
	/** Discounted expected value over the horizon. */
	clv: number;
	/** Undiscounted expected purchases over the horizon. */
	expectedPurchases: number;
	/** Gamma-Gamma E[M | x, zbar]. */
	expectedSpend: number;
	/** BG/NBD P(alive) at the end of calibration. */
	probabilityAlive: number;
}

/** Model time units per month for the options (explicit unitsPerMonth wins). */
export function unitsPerMonth(options: Pick<ClvOptions, 'unit' | 'unitsPerMonth'> = {}): number {
	const unit = options.unit ?? CLV_DEFAULTS.unit;
	if (!Object.hasOwn(UNIT_DAYS, unit))
		throw new RangeError(`unit must be 'day' or 'week', got ${JSON.stringify(unit)}`);
	const u = options.unitsPerMonth ?? DAYS_PER_MONTH / UNIT_DAYS[unit];
	if (!(Number.isFinite(u) && u > 0))
		throw new RangeError(`unitsPerMonth must be a finite number > 0, got ${u}`);
	return u;
}

/** CLV and its parts for each customer (same order as the input). */
export function customerLifetimeValues(
	customers: readonly ClvInput[],
	options: ClvOptions
): CustomerValue[] {
	checkBgNbdParams(options.bgnbd);
	checkGammaGammaParams(options.gammaGamma);
	const horizon = options.horizonMonths ?? CLV_DEFAULTS.horizonMonths;
	const rate = options.monthlyDiscountRate ?? CLV_DEFAULTS.monthlyDiscountRate;
	if (!Number.isInteger(horizon) || horizon < 1)
		throw new RangeError(`horizonMonths must be a whole number ≥ 1, got ${horizon}`);
	if (!(Number.isFinite(rate) && rate > -1))
		throw new RangeError(`monthlyDiscountRate must be a finite number > −1, got ${rate}`);
	const u = unitsPerMonth(options);
	const groups = groupRfm(customers);
	const nGroups = groups.x.length;
	const discounted = new Float64Array(nGroups);
	const total = new Float64Array(nGroups);
	const alive = new Float64Array(nGroups);
	for (let g = 0; g < nGroups; g++) {
		const x = groups.x[g] as number;
		const T = groups.T[g] as number;
		const pAlive = aliveProbability(options.bgnbd, x, groups.tx[g] as number, T);
		let previous = 0;
		let sum = 0;
		for (let m = 1; m <= horizon; m++) {
			const current = pAlive * expectedWhileAlive(options.bgnbd, x, T, m * u);
			sum += (current - previous) / (1 + rate) ** m;
			previous = current;
		}
		discounted[g] = sum;
		total[g] = previous;
		alive[g] = pAlive;
	}
	return customers.map((c, i) => {
		const g = groups.groupOf[i] as number;
		const expectedSpend = gammaGammaExpectedSpend(options.gammaGamma, c);
		return {
			clv: expectedSpend * (discounted[g] as number),
			expectedPurchases: total[g] as number,
			expectedSpend,
			probabilityAlive: alive[g] as number
		};
	});
}

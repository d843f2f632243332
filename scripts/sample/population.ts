/**
 * Customers and when they buy: a BG/NBD-like process run in "operational time" so that seasonality
 * shows. Each buyer has a Poisson purchase rate λ ~ Gamma(r, α) per unit of operational time and,
 * after every purchase, drops out for good with probability p ~ Beta(a, b). Operational time runs
 * faster on busy days (the seasonal factor), so the same process produces the 618 / 双11 / New Year
 * peaks. Each buyer also has a spend multiplier ν ~ Gamma(q, 1/q) (Gamma-Gamma-like heterogeneity).
 */

import { WINDOW_DAYS, dayAtOperationalTime, dayOf, type Season } from './calendar.ts';
import type { Rng } from './rng.ts';
import {
	AGE_WEIGHTS,
	CHANNEL_BY_AGE,
	CITIES,
	CITY_WEIGHTS,
	GENDERS,
	GENDER_WEIGHTS,
	chineseName,
	type City
} from './vocab.ts';

export type CustomerKind = 'existing' | 'new' | 'prospect';

export type Customer = {
	/** 'C000123'; assigned in order of registration. */
	id: string;
	kind: CustomerKind;
	name: string;
	gender: string;
	ageBand: number;
	city: City;
	/** Registration day (days since 2024-01-01; negative before the window). */
	registered: number;
	/** Purchase rate per unit of operational time. */
	lambda: number;
	/** Dropout probability after each purchase. */
	dropout: number;
	/** Spend multiplier, mean 1. */
	spend: number;
	/** Channel preference weights: 门店, 官网, 小程序, App. */
	channelPref: number[];
	/** Days on which the customer placed an order, ascending (empty for prospects). */
	purchaseDays: number[];
};

export type PopulationOptions = { buyers: number; prospects: number };

/** BG/NBD-like parameters (λ: Gamma(shape R, mean LAMBDA_MEAN); p: Beta(A, B)). */
const R = 0.85;
const LAMBDA_MEAN = 0.031;
const BETA_A = 1.1;
const BETA_B = 6.5;
/** Spend heterogeneity: ν ~ Gamma(Q, 1/Q). */
const Q = 3.5;
/** Share of buyers who were already members before 2024. */
const EXISTING_SHARE = 0.32;
const MEMBER_PROGRAM_START = dayOf(2019, 3, 1);

function baseCustomer(rng: Rng, kind: CustomerKind): Customer {
	const gender = rng.weighted(GENDERS, GENDER_WEIGHTS);
	const ageBand = rng.weightedIndex(AGE_WEIGHTS);
	const pref = (CHANNEL_BY_AGE[ageBand] ?? [1, 1, 1, 1]).map((w) => w * rng.gamma(1.2, 1));
	// Sharpen: most people have one clear favourite channel.
	const max = Math.max(...pref);
	const channelPref = pref.map((w) => (w === max ? w * 3 : w));
	return {
		id: '',
		kind,
		name: chineseName(rng, gender),
		gender,
		ageBand,
		city: rng.weighted(CITIES, CITY_WEIGHTS),
		registered: 0,
		lambda: Math.min(rng.gamma(R, LAMBDA_MEAN / R), 0.6),
		dropout: rng.beta(BETA_A, BETA_B),
		spend: rng.gamma(Q, 1 / Q),
		channelPref,
		purchaseDays: []
	};
}

/**
 * Purchases after a purchase at operational time t (exclusive), each preceded by the dropout coin
 * flip for the purchase before it. Times before the window (t < 0) happen but are not recorded.
 */
function continuePurchases(rng: Rng, season: Season, c: Customer, t: number): void {
	const end = season.cumulative[WINDOW_DAYS] ?? 0;
	for (;;) {
		if (rng.chance(c.dropout)) return;
		t += rng.exponential(c.lambda);
		if (t >= end) return;
		if (t >= 0) c.purchaseDays.push(dayAtOperationalTime(season, t));
	}
}

/** A day drawn with weight = seasonal factor^0.8 x growth (acquisition picks up over time). */
function acquisitionDay(rng: Rng, weights: Float64Array): number {
	const total = weights[WINDOW_DAYS - 1] ?? 0;
	const x = rng.next() * total;
	let lo = 0;
	let hi = WINDOW_DAYS - 1;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if ((weights[mid] ?? 0) > x) hi = mid;
		else lo = mid + 1;
	}
	return lo;
}

export function generatePopulation(
	rng: Rng,
	season: Season,
	options: PopulationOptions
): Customer[] {
	const acqCum = new Float64Array(WINDOW_DAYS);
	let acc = 0;
	for (let d = 0; d < WINDOW_DAYS; d++) {
		acc += Math.pow(season.days[d]?.factor ?? 1, 0.8) * (1 + (0.6 * d) / WINDOW_DAYS);
		acqCum[d] = acc;
	}
	const customers: Customer[] = [];
	const existing = Math.round(options.buyers * EXISTING_SHARE);
	// Members from before 2024: the same process started at their first purchase (operational time
	// before the window runs at the window's average pace). Those who do not buy in the window are
	// left out: they would be invisible in an order export.
	const pace = (season.cumulative[WINDOW_DAYS] ?? WINDOW_DAYS) / WINDOW_DAYS;
	while (customers.length < existing) {
		const c = baseCustomer(rng, 'existing');
		const firstDay = rng.int(MEMBER_PROGRAM_START, -1);
		c.registered = rng.chance(0.65) ? firstDay : firstDay - rng.int(1, 45);
		continuePurchases(rng, season, c, (firstDay + rng.next()) * pace);
		if (c.purchaseDays.length > 0) customers.push(c);
	}
	// New buyers: the first purchase is the acquisition (as in BG/NBD).
	for (let i = existing; i < options.buyers; i++) {
		const c = baseCustomer(rng, 'new');
		const day = acquisitionDay(rng, acqCum);
		const t0 = (season.cumulative[day] ?? 0) + rng.next() * (season.days[day]?.factor ?? 1);
		c.purchaseDays.push(day);
		c.registered = rng.chance(0.65) ? day : day - rng.int(1, 45);
		continuePurchases(rng, season, c, t0);
		customers.push(c);
	}
	// Registered members who never ordered.
	for (let i = 0; i < options.prospects; i++) {
		const c = baseCustomer(rng, 'prospect');
		c.registered = rng.chance(0.85)
			? acquisitionDay(rng, acqCum)
			: rng.int(MEMBER_PROGRAM_START, -1);
		customers.push(c);
	}
	// IDs in order of registration (ties keep generation order: Array.prototype.sort is stable).
	const ordered = customers
		.map((c, i) => ({ c, i }))
		.sort((x, y) => x.c.registered - y.c.registered || x.i - y.i);
	ordered.forEach(({ c }, i) => {
		c.id = 'C' + String(i + 1).padStart(6, '0');
	});
	return ordered.map(({ c }) => c);
}

/**
 * Post-purchase surveys. One latent satisfaction per answer (higher for loyal customers, lower after a
 * return or a complaint) drives NPS, CSAT and CES; each metric adds its own noise and is cut into
 * categories at fixed quantiles of the standardised score, so the marginal distributions are stable:
 * NPS about +27, CSAT top-2-box about 80 %, CES (7 = very easy) mostly 5-7.
 */

import { DAY_SECONDS, WINDOW_DAYS, formatDay } from './calendar.ts';
import type { Row } from './csv.ts';
import type { Customer } from './population.ts';
import { probit, type Rng } from './rng.ts';
import type { Order } from './transactions.ts';
import { CITIES, COMMENTS_NEGATIVE, COMMENTS_NEUTRAL, COMMENTS_POSITIVE } from './vocab.ts';

export const SURVEY_HEADER = ['客户编号', '日期', 'NPS', 'CSAT', 'CES', '评论', '地区', '业务线'];

/** Target shares (percent) of each answer, lowest score first. */
const NPS_SHARES = [1.5, 1, 1.5, 2, 2.5, 4, 6.5, 13, 22, 24, 22];
const CSAT_SHARES = [4, 5, 11, 38, 42];
const CES_SHARES = [3, 4, 7, 14, 25, 27, 20];

function cutPoints(shares: readonly number[]): number[] {
	const total = shares.reduce((a, b) => a + b, 0);
	const cuts: number[] = [];
	let acc = 0;
	for (let i = 0; i < shares.length - 1; i++) {
		acc += shares[i] ?? 0;
		cuts.push(probit(acc / total));
	}
	return cuts;
}

function categorise(z: number, cuts: readonly number[]): number {
	let k = 0;
	while (k < cuts.length && z > (cuts[k] ?? Infinity)) k++;
	return k;
}

function standardise(xs: readonly number[]): number[] {
	const n = xs.length || 1;
	const mean = xs.reduce((a, b) => a + b, 0) / n;
	const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / n) || 1;
	return xs.map((x) => (x - mean) / sd);
}

function businessLine(o: Order): string {
	if (o.lines.every((l) => l.category === '现制茶饮')) return '新式茶饮';
	if (
		o.lines.some((l) => l.category === '礼盒') &&
		o.lines.reduce((a, l) => a + l.paidCents, 0) >= 150_000
	)
		return '礼品团购';
	return o.channel === '门店' ? '门店零售' : '线上商城';
}

export function generateSurveys(
	rng: Rng,
	orders: readonly Order[],
	count: number,
	loyalty: ReadonlyMap<Customer, number>,
	complained: ReadonlySet<Order>
): Row[] {
	const region = new Map(CITIES.map((c) => [c.name, c.region]));
	const eligible = orders.filter((o) => o.time < (WINDOW_DAYS - 2) * DAY_SECONDS);
	const picked = rng
		.shuffled(eligible)
		.slice(0, count)
		.map((o) => ({
			o,
			day: Math.min(WINDOW_DAYS - 1, Math.floor(o.time / DAY_SECONDS) + rng.int(1, 7))
		}));
	picked.sort((a, b) => a.day - b.day || (a.o.id < b.o.id ? -1 : 1));
	const latent = picked.map(({ o }) => {
		let x = 0.55 * (loyalty.get(o.customer) ?? 0) + rng.normal();
		if (o.returned) x -= 1.3;
		if (complained.has(o)) x -= 1.0;
		return x;
	});
	const noisy = (sd: number): number[] => standardise(latent.map((x) => x + sd * rng.normal()));
	const [npsCuts, csatCuts, cesCuts] = [
		cutPoints(NPS_SHARES),
		cutPoints(CSAT_SHARES),
		cutPoints(CES_SHARES)
	];
	const nps = noisy(0.45).map((z) => categorise(z, npsCuts));
	const csat = noisy(0.6).map((z) => 1 + categorise(z, csatCuts));
	const ces = noisy(0.8).map((z) => 1 + categorise(z, cesCuts));
	return picked.map(({ o, day }, i) => {
		const n = nps[i] ?? 7;
		let comment = '';
		if (n >= 9 && rng.chance(0.45)) comment = rng.pick(COMMENTS_POSITIVE);
		else if (n >= 7 && n <= 8 && rng.chance(0.35)) comment = rng.pick(COMMENTS_NEUTRAL);
		else if (n <= 6 && rng.chance(0.7)) comment = rng.pick(COMMENTS_NEGATIVE);
		return [
			o.customer.id,
			formatDay(day),
			rng.chance(0.02) ? '' : String(n),
			rng.chance(0.05) ? '' : String(csat[i]),
			rng.chance(0.1) ? '' : String(ces[i]),
			comment,
			region.get(o.city) ?? '',
			businessLine(o)
		];
	});
}

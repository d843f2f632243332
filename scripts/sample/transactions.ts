/** Orders, order lines and returns of transactions.csv (the planted flaws are in flaws.ts). */

import {
	DAY_SECONDS,
	WINDOW_END_SECONDS,
	compactDay,
	formatDateTime,
	type Season
} from './calendar.ts';
import { formatCents, type Row } from './csv.ts';
import type { Customer } from './population.ts';
import { plantFlaws, type TransactionFlaws } from './flaws.ts';
import type { Rng } from './rng.ts';
import {
	CATEGORIES,
	CHANNELS,
	CITIES,
	CITY_WEIGHTS,
	ONLINE,
	timeOfDay,
	type Channel
} from './vocab.ts';

export const TRANSACTION_HEADER = [
	'订单号',
	'客户编号',
	'下单时间',
	'商品类别',
	'数量',
	'单价',
	'实付金额',
	'渠道',
	'城市'
];

export type Line = { category: string; qty: number; priceCents: number; paidCents: number };

export type Order = {
	id: string;
	customer: Customer;
	/** Seconds since 2024-01-01 00:00:00. */
	time: number;
	channel: Channel;
	city: string;
	promo: boolean;
	lines: Line[];
	/** Set when at least one line was returned. */
	returned: boolean;
};

export type ReturnLine = { order: Order; time: number; line: Line; qty: number; paidCents: number };

export type { TransactionFlaws } from './flaws.ts';

export type Transactions = {
	orders: Order[];
	returns: ReturnLine[];
	rows: Row[];
	flaws: TransactionFlaws;
};

const MAX_LINE_YUAN = 3000;
const LINES_STORE = [62, 26, 9, 3];
const LINES_ONLINE = [48, 30, 15, 7];
const PROMO_DISCOUNTS = [0.8, 0.85, 0.88, 0.9, 0.95];

function chooseChannel(rng: Rng, c: Customer, info: Season['days'][number]): Channel {
	const w = c.channelPref.map((p, i) => {
		const ch = CHANNELS[i];
		if (ch === '门店') return p * (info.holiday ? 0.5 : 1) * (info.promo ? 0.8 : 1);
		return p * (info.promo === '618' || info.promo === '双11' ? (ch === '小程序' ? 1.8 : 2.6) : 1);
	});
	return rng.weighted(CHANNELS, w);
}

function makeLine(rng: Rng, c: Customer, channel: Channel, info: Season['days'][number]): Line {
	const chIdx = CHANNELS.indexOf(channel);
	const weights = CATEGORIES.map((cat) => {
		let w = (cat.share[chIdx] ?? 0) * Math.pow(c.spend, cat.premium);
		if (info.giftSeason && cat.name === '礼盒') w *= 3.5;
		if (info.giftSeason && cat.name === '茶叶') w *= 1.3;
		if (info.summer && cat.name === '现制茶饮') w *= 1.3;
		if (info.promo && (cat.name === '茶叶' || cat.name === '茶具')) w *= 1.7;
		return w;
	});
	const cat = rng.weighted(CATEGORIES, weights);
	const n = cat.prices.length;
	const skew = 1.7 / Math.pow(c.spend, 0.8);
	const price = cat.prices[Math.min(n - 1, Math.floor(Math.pow(rng.next(), skew) * n))] ?? 0;
	let qty = 1 + rng.weightedIndex(cat.qty);
	if (cat.name === '礼盒' && info.giftSeason && rng.chance(0.04)) qty = rng.int(5, 12); // company gifts
	while (qty > 1 && qty * price > MAX_LINE_YUAN) qty--;
	return { category: cat.name, qty, priceCents: price * 100, paidCents: 0 };
}

function orderDiscount(rng: Rng, channel: Channel, info: Season['days'][number]): number {
	if (info.promo && ONLINE.has(channel)) return rng.pick(PROMO_DISCOUNTS);
	const u = rng.next();
	if (u < 0.02) return 0.8;
	if (u < 0.06) return 0.85;
	if (u < 0.18) return 0.9;
	return 1;
}

function buildOrders(rng: Rng, season: Season, customers: readonly Customer[]): Order[] {
	const orders: Order[] = [];
	for (const c of customers) {
		for (const day of c.purchaseDays) {
			const info = season.days[day];
			if (!info) continue;
			const channel = chooseChannel(rng, c, info);
			const time = day * DAY_SECONDS + timeOfDay(rng, channel, info.peak);
			const away = channel === '门店' ? 0.07 : 0.03; // travelling, or shipping a gift elsewhere
			const city = rng.chance(away) ? rng.weighted(CITIES, CITY_WEIGHTS).name : c.city.name;
			const nLines = 1 + rng.weightedIndex(channel === '门店' ? LINES_STORE : LINES_ONLINE);
			const discount = orderDiscount(rng, channel, info);
			const lines: Line[] = [];
			for (let i = 0; i < nLines; i++) {
				const line = makeLine(rng, c, channel, info);
				// The same item twice is one line with a larger quantity (so no two lines are identical).
				const same = lines.find(
					(l) => l.category === line.category && l.priceCents === line.priceCents
				);
				if (same)
					same.qty = Math.max(
						1,
						Math.min(same.qty + line.qty, Math.floor((MAX_LINE_YUAN * 100) / same.priceCents))
					);
				else lines.push(line);
			}
			for (const l of lines) l.paidCents = Math.round(l.qty * l.priceCents * discount);
			orders.push({
				id: '',
				customer: c,
				time,
				channel,
				city,
				promo: info.promo !== null,
				lines,
				returned: false
			});
		}
	}
	// Order numbers: SO + YYYYMMDD + a 4-digit sequence within the day, in time order.
	orders.sort(
		(a, b) =>
			a.time - b.time ||
			(a.customer.id < b.customer.id ? -1 : a.customer.id > b.customer.id ? 1 : 0)
	);
	let seq = 0;
	let lastDay = -1;
	for (const o of orders) {
		const day = Math.floor(o.time / DAY_SECONDS);
		seq = day === lastDay ? seq + 1 : 1;
		lastDay = day;
		o.id = `SO${compactDay(day)}${String(seq).padStart(4, '0')}`;
	}
	return orders;
}

function buildReturns(rng: Rng, orders: readonly Order[]): ReturnLine[] {
	const rate = new Map(CATEGORIES.map((c) => [c.name, c.returnRate]));
	const returns: ReturnLine[] = [];
	for (const o of orders) {
		const online = ONLINE.has(o.channel);
		const day = Math.floor(o.time / DAY_SECONDS);
		const after = online ? rng.int(2, 15) : rng.int(1, 7);
		const time = (day + after) * DAY_SECONDS + timeOfDay(rng, o.channel, false);
		for (const line of o.lines) {
			const p = (rate.get(line.category) ?? 0) * (online ? 1.25 : 0.5) * (o.promo ? 1.4 : 1);
			if (!rng.chance(p) || time >= WINDOW_END_SECONDS) continue;
			const qty = line.qty === 1 || rng.chance(0.8) ? line.qty : rng.int(1, line.qty - 1);
			const paidCents = Math.round((line.paidCents * qty) / line.qty);
			returns.push({ order: o, time, line, qty, paidCents });
			o.returned = true;
		}
	}
	return returns;
}

export type Entry = { time: number; orderId: string; lineNo: number; row: Row };

function cleanRows(orders: readonly Order[], returns: readonly ReturnLine[]): Entry[] {
	const entries: Entry[] = [];
	for (const o of orders) {
		o.lines.forEach((l, i) => {
			entries.push({
				time: o.time,
				orderId: o.id,
				lineNo: i,
				row: [
					o.id,
					o.customer.id,
					formatDateTime(o.time),
					l.category,
					String(l.qty),
					formatCents(l.priceCents),
					formatCents(l.paidCents),
					o.channel,
					o.city
				]
			});
		});
	}
	for (const r of returns) {
		const o = r.order;
		const id = `${o.id}-R`;
		entries.push({
			time: r.time,
			orderId: id,
			lineNo: o.lines.indexOf(r.line),
			row: [
				id,
				o.customer.id,
				formatDateTime(r.time),
				r.line.category,
				String(-r.qty),
				formatCents(r.line.priceCents),
				formatCents(-r.paidCents),
				o.channel,
				o.city
			]
		});
	}
	entries.sort(
		(a, b) =>
			a.time - b.time ||
			(a.orderId < b.orderId ? -1 : a.orderId > b.orderId ? 1 : 0) ||
			a.lineNo - b.lineNo
	);
	return entries;
}

export function generateTransactions(
	rng: Rng,
	season: Season,
	customers: readonly Customer[],
	withFlaws: boolean
): Transactions {
	const orders = buildOrders(rng.fork('orders'), season, customers);
	const returns = buildReturns(rng.fork('returns'), orders);
	const clean = cleanRows(orders, returns);
	const { flaws, entries } = withFlaws
		? plantFlaws(rng.fork('flaws'), clean, orders)
		: {
				flaws: {
					duplicates: [],
					emptyCustomer: [],
					outliers: [],
					futureDates: [],
					unparseableDates: []
				},
				entries: clean
			};
	return { orders, returns, rows: entries.map((e) => e.row), flaws };
}

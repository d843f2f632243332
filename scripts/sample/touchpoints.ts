/**
 * Touchpoint events consistent with customers and orders: browsing and marketing before an order
 * (接触前), the purchase itself (接触中, result 转化), service afterwards (接触后: enquiries, and for
 * every return a complaint or a resolved case). Prospects only ever browse.
 */

import { DAY_SECONDS, WINDOW_END_SECONDS, formatDateTime } from './calendar.ts';
import type { Row } from './csv.ts';
import type { Customer } from './population.ts';
import type { Rng } from './rng.ts';
import type { Order, ReturnLine } from './transactions.ts';
import { ONLINE, timeOfDay } from './vocab.ts';

export const TOUCHPOINT_HEADER = ['客户编号', '时间', '触点', '渠道', '阶段', '满意度', '结果'];

export type Touchpoint = '官网' | 'App' | '小程序' | '门店' | '客服电话' | '社交媒体' | '邮件';
type Stage = '接触前' | '接触中' | '接触后';
type Outcome = '转化' | '投诉' | '已解决' | '';

type Event = {
	customer: Customer;
	time: number;
	point: Touchpoint;
	stage: Stage;
	rating: number | null;
	outcome: Outcome;
};

const OFFLINE: ReadonlySet<Touchpoint> = new Set<Touchpoint>(['门店', '客服电话']);

export type Touchpoints = { rows: Row[]; complainedOrders: Set<Order> };

/** Browsing 0-3 days before an order, at a plausible hour, always before the order itself. */
function browseTime(rng: Rng, orderTime: number): number {
	const day = Math.floor(orderTime / DAY_SECONDS) - rng.weightedIndex([40, 30, 18, 12]);
	const t = day * DAY_SECONDS + timeOfDay(rng, 'App', false);
	return t < orderTime ? t : orderTime - rng.int(300, 5400);
}

/** A 1-5 rating around a mean that rises with the customer's loyalty (z-score). */
function rating(rng: Rng, loyalty: number, mean: number): number {
	const x = mean + 0.35 * loyalty + 0.9 * rng.normal();
	return Math.max(1, Math.min(5, Math.round(x)));
}

export function generateTouchpoints(
	rng: Rng,
	customers: readonly Customer[],
	orders: readonly Order[],
	returns: readonly ReturnLine[],
	loyalty: ReadonlyMap<Customer, number>
): Touchpoints {
	const events: Event[] = [];
	const push = (e: Event): void => {
		if (e.time >= 0 && e.time < WINDOW_END_SECONDS) events.push(e);
	};
	const complainedOrders = new Set<Order>();

	for (const o of orders) {
		const c = o.customer;
		const z = loyalty.get(c) ?? 0;
		const online = ONLINE.has(o.channel);
		// Before: browsing on the channel used, social media, or a promotion e-mail.
		if (rng.chance(online ? 0.45 : 0.16)) {
			const n = 1 + rng.weightedIndex([60, 28, 12]);
			for (let i = 0; i < n; i++) {
				const point: Touchpoint = online
					? rng.weighted<Touchpoint>([o.channel as Touchpoint, '社交媒体', '邮件'], [70, 20, 10])
					: rng.weighted<Touchpoint>(['小程序', '社交媒体', 'App'], [40, 45, 15]);
				push({
					customer: c,
					time: browseTime(rng, o.time),
					point,
					stage: '接触前',
					rating: rng.chance(0.12) ? rating(rng, z, 3.8) : null,
					outcome: ''
				});
			}
		}
		// During: the purchase itself, often rated.
		if (rng.chance(0.34)) {
			push({
				customer: c,
				time: o.time + rng.int(0, 600),
				point: o.channel as Touchpoint,
				stage: '接触中',
				rating: rng.chance(0.72) ? rating(rng, z, 4.0) : null,
				outcome: '转化'
			});
		}
		// After: an ordinary enquiry (delivery, invoice, brewing advice...).
		if (!o.returned && rng.chance(online ? 0.09 : 0.04)) {
			const point = rng.weighted<Touchpoint>(
				['客服电话', '邮件', '小程序', 'App', '门店'],
				online ? [45, 15, 20, 20, 0] : [35, 5, 15, 5, 40]
			);
			const u = rng.next();
			const outcome: Outcome = u < 0.12 ? '投诉' : u < 0.75 ? '已解决' : '';
			if (outcome === '投诉') complainedOrders.add(o);
			const r =
				outcome === '投诉'
					? rating(rng, z, 1.6)
					: outcome === '已解决'
						? rating(rng, z, 3.9)
						: rating(rng, z, 3.5);
			const day = Math.floor(o.time / DAY_SECONDS) + rng.int(1, 10);
			push({
				customer: c,
				time: day * DAY_SECONDS + timeOfDay(rng, '门店', false),
				point,
				stage: '接触后',
				rating: rng.chance(0.7) ? r : null,
				outcome
			});
		}
	}

	// After: every returned order has a service contact; complaints are usually resolved later.
	const seen = new Set<Order>();
	for (const r of returns) {
		if (seen.has(r.order)) continue;
		seen.add(r.order);
		const o = r.order;
		const c = o.customer;
		const z = loyalty.get(c) ?? 0;
		const point = rng.weighted<Touchpoint>(
			['客服电话', '小程序', 'App', '门店'],
			ONLINE.has(o.channel) ? [50, 25, 25, 0] : [30, 10, 0, 60]
		);
		const complaint = rng.chance(0.6);
		const t = r.time - rng.int(600, 6 * 3600);
		if (complaint) complainedOrders.add(o);
		push({
			customer: c,
			time: t,
			point,
			stage: '接触后',
			rating: rng.chance(0.9) ? rating(rng, z, complaint ? 1.5 : 3.6) : null,
			outcome: complaint ? '投诉' : '已解决'
		});
		if (complaint && rng.chance(0.75)) {
			const follow = rng.weighted<Touchpoint>(['客服电话', '邮件'], [70, 30]);
			const later =
				(Math.floor(t / DAY_SECONDS) + rng.int(1, 5)) * DAY_SECONDS + timeOfDay(rng, '门店', false);
			push({
				customer: c,
				time: later,
				point: follow,
				stage: '接触后',
				rating: rng.chance(0.8) ? rating(rng, z, 3.7) : null,
				outcome: '已解决'
			});
		}
	}

	// Marketing and browsing not tied to an order; prospects browse but never convert.
	for (const c of customers) {
		const from = Math.max(0, c.registered) * DAY_SECONDS;
		const span = WINDOW_END_SECONDS - from;
		if (span <= 0) continue;
		const prospect = c.kind === 'prospect';
		const n = prospect ? rng.int(2, 9) : rng.int(0, 2);
		for (let i = 0; i < n; i++) {
			const point = prospect
				? rng.weighted<Touchpoint>(
						['官网', 'App', '小程序', '社交媒体', '门店', '邮件', '客服电话'],
						[18, 14, 22, 22, 10, 10, 4]
					)
				: rng.weighted<Touchpoint>(['邮件', '社交媒体'], [60, 40]);
			const day = Math.floor((from + Math.floor(rng.next() * span)) / DAY_SECONDS);
			const time =
				day * DAY_SECONDS +
				timeOfDay(rng, point === '门店' || point === '客服电话' ? '门店' : 'App', false);
			push({
				customer: c,
				time,
				point,
				stage: '接触前',
				rating: rng.chance(0.05) ? rating(rng, prospect ? -0.8 : 0, 3.4) : null,
				outcome: ''
			});
		}
	}

	events.sort(
		(a, b) =>
			a.time - b.time ||
			(a.customer.id < b.customer.id ? -1 : a.customer.id > b.customer.id ? 1 : 0)
	);
	const rows = events.map((e) => [
		e.customer.id,
		formatDateTime(e.time),
		e.point,
		OFFLINE.has(e.point) ? '线下' : '线上',
		e.stage,
		e.rating === null ? '' : String(e.rating),
		e.outcome
	]);
	return { rows, complainedOrders };
}

/**
 * A generated daily series (3 years) with a known trend, weekly pattern, yearly wave and 春节 effect: the
 * mstl model's fitted components recover the planted ones. Noise: Gaussian, sd 2 (seeded). Tolerances: the
 * weekday effects within 0.5 (their standard error is ≈ 0.15), the yearly wave within 2.5 at every day
 * (amplitude 10; 10 harmonics also absorb some noise and trend curvature), the 春节 window's mean effect
 * within 2 of the planted −20, and the ets model's final weekly states within 1.5 of the planted pattern.
 */
import { describe, expect, it } from 'vitest';
import { calendarRows, chineseNewYear } from '../../../../src/core/forecast/calendar.ts';
import { fitModel } from '../../../../src/core/forecast/model.ts';
import { periodRange } from '../../../../src/core/forecast/periods.ts';
import { dayNumber } from '../../../../src/core/iso-days.ts';

const WEEK = [5, 3, 0, -1, -2, -8, 3]; // Monday … Sunday, sums to 0
const n = 3 * 365;
const h = 30;
const dates = periodRange('2022-01-03', 'day', n + h); // a Monday
let seed = 7;
const uniform = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
const gauss = () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
const festival = [2022, 2023, 2024, 2025].map((y) => dayNumber(chineseNewYear(y)));
const yearly = (d: string) => 10 * Math.sin((2 * Math.PI * dayNumber(d)) / 365.25);
const inFestival = (d: string) => festival.some((c) => Math.abs(dayNumber(d) - c) <= 7);
const y = dates.slice(0, n).map((d, t) => 200 + 0.05 * t + WEEK[t % 7]! + yearly(d) + (inFestival(d) ? -20 : 0) + 2 * gauss());
const ctx = { freq: 'day' as const, dates, holidays: calendarRows('cn', 2021, 2025) };

describe('planted seasonality is recovered', () => {
	const fit = fitModel(y, ctx, { kind: 'mstl', log: false }, h);

	it('weekday pattern', () => {
		const weekday = fit.components.weekday!;
		// the weekday component is relative to Monday; centre it to compare with the planted pattern
		const week = Array.from({ length: 7 }, (_, i) => weekday[i]!);
		const mean = week.reduce((s, v) => s + v, 0) / 7;
		week.forEach((v, i) => expect(Math.abs(v - mean - WEEK[i]!)).toBeLessThan(0.5));
	});

	it('yearly wave', () => {
		const comp = fit.components.yearly!;
		const mean = comp.slice(0, n).reduce((s, v) => s + v, 0) / n;
		let worst = 0;
		for (let t = 0; t < n; t++) worst = Math.max(worst, Math.abs(comp[t]! - mean - yearly(dates[t]!)));
		expect(worst).toBeLessThan(2.5);
	});

	it('春节 effect over its window', () => {
		const parts = ['before', 'day', 'after'].map((p) => fit.components[`holiday:春节:${p}`]);
		const inside = dates.slice(0, n).map((d, t) => (inFestival(d) ? parts.reduce((s, c) => s + (c?.[t] ?? 0), 0) : null)).filter((v): v is number => v !== null);
		expect(inside.length).toBe(3 * 15);
		const mean = inside.reduce((s, v) => s + v, 0) / inside.length;
		expect(Math.abs(mean + 20)).toBeLessThan(2);
	});

	it('the ets model carries the weekly pattern in its seasonal states', () => {
		const ets = fitModel(y, ctx, { kind: 'ets', log: false }, h).ets!;
		expect(ets.m).toBe(7);
		// states oldest first as of the end: the first belongs to the day after the last (t = n)
		const planted = Array.from({ length: 7 }, (_, i) => WEEK[(n + i) % 7]!);
		// centred: additive Holt–Winters does not keep its seasonal states summing to 0 (the level takes the rest)
		const mean = ets.season.reduce((a, b) => a + b, 0) / 7;
		ets.season.forEach((s, i) => expect(Math.abs(s - mean - planted[i]!)).toBeLessThan(1.5));
	});
});

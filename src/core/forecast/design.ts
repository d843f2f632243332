/**
 * The regressors of a series, over its history and horizon: yearly Fourier terms (day and week series),
 * month-of-year or weekday effects (the deterministic seasonality of the `mstl` model), and holiday windows
 * (day series: 0/1 per day; week series: the share of the week's 7 days in the window). Each holiday name
 * has three parts — the days before, the day itself, the days after — so a pre-festival rush and a closure
 * after it are estimated apart. A column with no non-zero value in the fitted part is dropped (its effect
 * cannot be estimated; it is taken as 0).
 */
import { dayNumber } from '../iso-days.ts';
import type { HolidayRow } from './calendar.ts';

export type Freq = 'day' | 'week' | 'month';

export interface Regressor {
	/** 'yearly', 'weekday', 'month' or 'holiday:<name>:before|day|after'. */
	group: string;
	values: number[];
}

/** Harmonics of the yearly Fourier terms (period 365.25 days). */
export const YEARLY_HARMONICS = 10;

export function fourierYearly(dates: readonly string[], freq: Freq, k = YEARLY_HARMONICS): Regressor[] {
	// A week is placed at its middle (Thursday) so the terms do not lag by half a week.
	const shift = freq === 'week' ? 3 : 0;
	const angle = dates.map((d) => (2 * Math.PI * (dayNumber(d) + shift)) / 365.25);
	const out: Regressor[] = [];
	for (let j = 1; j <= k; j++) {
		out.push({ group: 'yearly', values: angle.map((a) => Math.sin(j * a)) });
		out.push({ group: 'yearly', values: angle.map((a) => Math.cos(j * a)) });
	}
	return out;
}

/** Dummies for the categories 1..levels−1 of `key` (category 0 is the reference). */
function dummies(group: string, keys: readonly number[], levels: number): Regressor[] {
	return Array.from({ length: levels - 1 }, (_, i) => ({ group, values: keys.map((k) => (k === i + 1 ? 1 : 0)) }));
}

export function weekdayDummies(dates: readonly string[]): Regressor[] {
	return dummies('weekday', dates.map((d) => (((dayNumber(d) + 3) % 7) + 7) % 7), 7); // 0 = Monday
}

export function monthDummies(dates: readonly string[]): Regressor[] {
	return dummies('month', dates.map((d) => Number(d.slice(5, 7)) - 1), 12);
}

/** Holiday window columns for day or week periods (month series get none). */
export function holidayRegressors(dates: readonly string[], freq: Freq, rows: readonly HolidayRow[]): Regressor[] {
	if (freq === 'month' || dates.length === 0) return [];
	const first = dayNumber(dates[0]!);
	const width = freq === 'week' ? 7 : 1;
	const byName = new Map<string, Map<string, number[]>>();
	for (const r of rows) {
		const parts = byName.get(r.name) ?? new Map<string, number[]>();
		byName.set(r.name, parts);
		const day = dayNumber(r.date);
		for (let off = -r.daysBefore; off <= r.daysAfter; off++) {
			const part = off < 0 ? 'before' : off === 0 ? 'day' : 'after';
			const idx = Math.floor((day + off - first) / width);
			if (idx < 0 || idx >= dates.length) continue;
			const col = parts.get(part) ?? new Array<number>(dates.length).fill(0);
			parts.set(part, col);
			col[idx]! += 1 / width;
		}
	}
	const out: Regressor[] = [];
	for (const [name, parts] of byName)
		for (const part of ['before', 'day', 'after']) {
			const v = parts.get(part);
			if (v) out.push({ group: `holiday:${name}:${part}`, values: v });
		}
	return out;
}

/** The regressors with a non-zero value among the first `fitted` rows. */
export function estimable(regs: readonly Regressor[], fitted: number): Regressor[] {
	return regs.filter((r) => {
		for (let t = 0; t < fitted && t < r.values.length; t++) if (r.values[t] !== 0) return true;
		return false;
	});
}

export interface Design {
	yearly: Regressor[];
	weekday: Regressor[];
	month: Regressor[];
	holiday: Regressor[];
}

const designs = new WeakMap<readonly string[], { holidays: readonly HolidayRow[]; design: Design }>();

/** Every candidate regressor over these periods, computed once per periods array (backtest refits share it). */
export function designFor(dates: readonly string[], freq: Freq, holidays: readonly HolidayRow[]): Design {
	const hit = designs.get(dates);
	if (hit && hit.holidays === holidays) return hit.design;
	const design: Design = {
		yearly: freq === 'month' ? [] : fourierYearly(dates, freq),
		weekday: freq === 'day' ? weekdayDummies(dates) : [],
		month: freq === 'month' ? monthDummies(dates) : [],
		holiday: holidayRegressors(dates, freq, holidays)
	};
	designs.set(dates, { holidays, design });
	return design;
}

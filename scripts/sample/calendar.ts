/**
 * Time in the generator is an integer number of seconds since 2024-01-01 00:00:00 (local shop time,
 * written without a time zone). Day d is [d * 86400, (d + 1) * 86400). All date maths is done in UTC
 * so the output does not depend on the machine's time zone.
 */

export const DAY_SECONDS = 86_400;
const EPOCH_MS = Date.UTC(2024, 0, 1);
/** Number of days in the window 2024-01-01 .. 2025-12-31 (2024 is a leap year). */
export const WINDOW_DAYS = 731;
export const WINDOW_END_SECONDS = WINDOW_DAYS * DAY_SECONDS;

export function dayOf(y: number, m: number, d: number): number {
	return Math.round((Date.UTC(y, m - 1, d) - EPOCH_MS) / 86_400_000);
}

export type Ymd = { y: number; m: number; d: number; weekday: number };

export function ymd(day: number): Ymd {
	const dt = new Date(EPOCH_MS + day * 86_400_000);
	return {
		y: dt.getUTCFullYear(),
		m: dt.getUTCMonth() + 1,
		d: dt.getUTCDate(),
		weekday: dt.getUTCDay()
	};
}

function pad(n: number, width = 2): string {
	return String(n).padStart(width, '0');
}

export function formatDay(day: number): string {
	const { y, m, d } = ymd(day);
	return `${y}-${pad(m)}-${pad(d)}`;
}

export function compactDay(day: number): string {
	const { y, m, d } = ymd(day);
	return `${y}${pad(m)}${pad(d)}`;
}

/** 'YYYY-MM-DD HH:MM:SS'. */
export function formatDateTime(seconds: number): string {
	const day = Math.floor(seconds / DAY_SECONDS);
	let rest = seconds - day * DAY_SECONDS;
	const hh = Math.floor(rest / 3600);
	rest -= hh * 3600;
	const mi = Math.floor(rest / 60);
	const ss = rest - mi * 60;
	return `${formatDay(day)} ${pad(hh)}:${pad(mi)}:${pad(ss)}`;
}

/** Chinese New Year (正月初一) and Mid-Autumn (中秋) in the window. */
const CNY = [dayOf(2024, 2, 10), dayOf(2025, 1, 29)];
const MID_AUTUMN = [dayOf(2024, 9, 17), dayOf(2025, 10, 6)];

export type Promo = '618' | '双11' | '双12' | null;

export type DayInfo = {
	/** Relative sales intensity (weekly x yearly x events); averages a little above 1. */
	factor: number;
	/** Inside a platform shopping festival (presale days included). */
	promo: Promo;
	/** The festival's peak day itself (6-18, 11-11, 12-12): midnight rush online. */
	peak: boolean;
	/** Gift-box season: the weeks before Chinese New Year and Mid-Autumn. */
	giftSeason: boolean;
	/** Spring Festival holiday days: many stores closed or quiet. */
	holiday: boolean;
	summer: boolean;
};

const WEEKDAY = [1.15, 0.88, 0.9, 0.93, 0.97, 1.08, 1.2]; // Sun .. Sat
const MONTH = [1.0, 0.95, 0.95, 0.97, 1.0, 1.02, 1.06, 1.06, 1.0, 0.97, 1.0, 1.08];

export function dayInfo(day: number): DayInfo {
	const { m, d, weekday } = ymd(day);
	let factor = (WEEKDAY[weekday] ?? 1) * (MONTH[m - 1] ?? 1);
	let promo: Promo = null;
	let peak = false;
	let giftSeason = false;
	let holiday = false;
	let boost = 0;
	// 618: a ramp from June 1, a spike on June 18.
	if (m === 6 && d >= 1 && d <= 20) {
		promo = '618';
		if (d < 18) boost += 0.25 + (0.9 * d) / 17;
		else if (d === 18) {
			boost += 4.0;
			peak = true;
		} else boost += 0.3;
	}
	// 双11: presale from Oct 24, a big spike on Nov 11.
	if ((m === 10 && d >= 24) || (m === 11 && d <= 12)) {
		promo = '双11';
		if (m === 11 && d === 11) {
			boost += 6.0;
			peak = true;
		} else if (m === 11 && d === 12) boost += 0.6;
		else if (m === 11) boost += 0.6 + 0.08 * d;
		else boost += 0.3 + 0.04 * (d - 24);
	}
	if (m === 12 && d === 12) {
		promo = '双12';
		peak = true;
		boost += 1.2;
	}
	if (m === 3 && d === 8) boost += 0.5; // 妇女节
	for (const c of CNY) {
		const k = day - c;
		if (k >= -24 && k <= -3) {
			giftSeason = true;
			boost += 0.5 + 0.04 * (k + 24);
		}
		if (k >= -1 && k <= 4) {
			holiday = true;
			factor *= 0.5;
		}
		if (k >= 5 && k <= 14) boost += 0.15;
	}
	for (const c of MID_AUTUMN) {
		const k = day - c;
		if (k >= -18 && k <= -1) {
			giftSeason = true;
			boost += 0.35 + 0.03 * (k + 18);
		}
	}
	factor *= 1 + boost;
	return { factor, promo, peak, giftSeason, holiday, summer: m >= 6 && m <= 9 };
}

/** Per-day info and the cumulative intensity Λ (Λ[0] = 0, Λ[d + 1] = Λ[d] + factor(d)). */
export type Season = { days: DayInfo[]; cumulative: Float64Array };

export function buildSeason(): Season {
	const days: DayInfo[] = [];
	const cumulative = new Float64Array(WINDOW_DAYS + 1);
	for (let day = 0; day < WINDOW_DAYS; day++) {
		const info = dayInfo(day);
		days.push(info);
		cumulative[day + 1] = (cumulative[day] ?? 0) + info.factor;
	}
	return { days, cumulative };
}

/** The day whose slice of operational time contains t (0 <= t < Λ[end]). */
export function dayAtOperationalTime(season: Season, t: number): number {
	const cum = season.cumulative;
	let lo = 0;
	let hi = WINDOW_DAYS - 1;
	while (lo < hi) {
		const mid = (lo + hi + 1) >> 1;
		if ((cum[mid] ?? 0) <= t) lo = mid;
		else hi = mid - 1;
	}
	return lo;
}

/**
 * Dates written as numbers: Unix seconds, Unix milliseconds, Excel serial day numbers. The sniffer
 * calls such columns integer/number (an amount can look like an Excel serial), so this detection is
 * asked for explicitly: when a number column is mapped to the date role, or its header says "date".
 *
 * Time zones: DuckDB keeps timestamps naive (no ICU in the wasm build), so the zone is applied here,
 * in TypeScript. A Unix time is an instant; to show it as wall time in the user's zone, its UTC
 * offset is added — per period, as the offset changes with daylight saving (zoneSegments). Excel
 * serials and text dates are wall times already: no offset.
 */

export type NumericDateKind = 'unix-s' | 'unix-ms' | 'excel-serial';

export interface NumericDateDetection {
	kind: NumericDateKind;
	/** Share of non-empty values that read as this kind within the plausible range. */
	share: number;
	/** Some values carry a time of day (fractions of an Excel day, non-midnight epochs). */
	hasTime: boolean;
}

/** Days between Excel's day 0 (1899-12-30, after its 1900 leap-year bug) and 1970-01-01. */
export const EXCEL_EPOCH_OFFSET_DAYS = 25569;
const DAY_MS = 86_400_000;

/** Plausible ranges: 1980-01-01 … 2100-01-01 for epochs; 1954-10-03 (20000) … 2099-12-31 for serials. */
const RANGES: Record<NumericDateKind, [number, number]> = {
	'unix-s': [315_532_800, 4_102_444_800],
	'unix-ms': [315_532_800_000, 4_102_444_800_000],
	'excel-serial': [20_000, 73_050]
};

/** The epoch milliseconds (UTC, or naive wall time for Excel serials) a numeric date stands for. */
export function numericDateToMs(value: number, kind: NumericDateKind): number {
	switch (kind) {
		case 'unix-s':
			return Math.round(value * 1000);
		case 'unix-ms':
			return Math.round(value);
		case 'excel-serial':
			return Math.round((value - EXCEL_EPOCH_OFFSET_DAYS) * DAY_MS);
	}
}

/** Picks the kind that reads the most values (≥ 90 % of them), or null. */
export function detectNumericDate(values: readonly string[]): NumericDateDetection | null {
	const nums = values
		.map((v) => v.trim())
		.filter((v) => v !== '')
		.map((v) => (/^\d+(\.\d+)?$/.test(v) ? Number(v) : NaN));
	if (nums.length === 0) return null;
	let best: NumericDateDetection | null = null;
	for (const kind of ['unix-s', 'unix-ms', 'excel-serial'] as const) {
		const [lo, hi] = RANGES[kind];
		const ok = nums.filter((n) => n >= lo && n <= hi);
		const share = ok.length / nums.length;
		if (share >= 0.9 && (!best || share > best.share)) {
			const hasTime = ok.some((n) => numericDateToMs(n, kind) % DAY_MS !== 0);
			best = { kind, share, hasTime };
		}
	}
	return best;
}

/** The offset of `timeZone` from UTC at an instant, in milliseconds (e.g. +8 h for Asia/Shanghai). */
export function zoneOffsetMs(epochMs: number, timeZone: string): number {
	const parts = zoneFormatter(timeZone).formatToParts(new Date(epochMs));
	const get = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? 0);
	const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour') % 24, get('minute'), get('second'));
	return wall - Math.floor(epochMs / 1000) * 1000;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function zoneFormatter(timeZone: string): Intl.DateTimeFormat {
	let f = formatters.get(timeZone);
	if (!f) {
		// Throws a RangeError naming the zone when it is unknown.
		f = new Intl.DateTimeFormat('en-US', {
			timeZone,
			hourCycle: 'h23',
			year: 'numeric',
			month: 'numeric',
			day: 'numeric',
			hour: 'numeric',
			minute: 'numeric',
			second: 'numeric'
		});
		formatters.set(timeZone, f);
	}
	return f;
}

export interface ZoneSegment {
	/** First instant (epoch ms, UTC) this offset applies from; null for "since always". */
	fromMs: number | null;
	offsetMs: number;
}

/**
 * The UTC offsets of `timeZone` between two instants, as periods (daylight-saving changes found by
 * a scan every `stepMs`, a day by default, refined to the minute). Feed them to numericDateExpr to turn Unix times into wall
 * times in that zone, in SQL.
 */
export function zoneSegments(timeZone: string, fromMs: number, toMs: number, stepMs = DAY_MS): ZoneSegment[] {
	const out: ZoneSegment[] = [{ fromMs: null, offsetMs: zoneOffsetMs(fromMs, timeZone) }];
	const step = stepMs;
	let prev = fromMs;
	let prevOff = out[0]!.offsetMs;
	for (let t = fromMs + step; prev < toMs; t += step) {
		const at = Math.min(t, toMs);
		const off = zoneOffsetMs(at, timeZone);
		if (off !== prevOff) {
			// Binary search over whole minutes: lo has the old offset, hi the new one.
			let lo = Math.floor(prev / 60_000);
			let hi = Math.ceil(at / 60_000);
			while (hi - lo > 1) {
				const mid = Math.floor((lo + hi) / 2);
				if (zoneOffsetMs(mid * 60_000, timeZone) === prevOff) lo = mid;
				else hi = mid;
			}
			out.push({ fromMs: hi * 60_000, offsetMs: off });
			prevOff = off;
		}
		prev = at;
	}
	return out;
}

import type { DateFormat } from './dates.ts';
import { numericDateToMs, zoneOffsetMs, zoneSegments, type ZoneSegment } from './numeric-dates.ts';

/**
 * The time zone a mapping shows instants in. Unix times and text timestamps with a UTC offset are
 * instants: they are turned into wall time in the chosen zone (UTC offsets per daylight-saving
 * period, from Intl). Text dates without an offset and Excel serials are wall times already.
 */

/** Zones offered in the mapping form (the local one is added when missing). */
export const COMMON_ZONES: readonly string[] = [
	'UTC',
	'Asia/Shanghai',
	'Asia/Hong_Kong',
	'Asia/Taipei',
	'Asia/Tokyo',
	'Asia/Seoul',
	'Asia/Singapore',
	'Asia/Kolkata',
	'Asia/Dubai',
	'Europe/London',
	'Europe/Paris',
	'Europe/Berlin',
	'Europe/Moscow',
	'America/New_York',
	'America/Chicago',
	'America/Denver',
	'America/Los_Angeles',
	'America/Sao_Paulo',
	'Australia/Sydney',
	'Pacific/Auckland'
];

/** The zone of this machine or browser (UTC when it cannot be told). */
export function localTimeZone(): string {
	return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** An IANA zone name Intl knows, in its canonical spelling; null for an unknown name. */
export function canonicalZone(name: string): string | null {
	const n = name.trim();
	if (n === '') return null;
	try {
		return new Intl.DateTimeFormat('en-US', { timeZone: n }).resolvedOptions().timeZone;
	} catch {
		return null;
	}
}

/** The zones to offer: the common ones, with `local` (and `current`) first when not among them. */
export function zoneChoices(local: string, current?: string): string[] {
	const extra = [local, current].filter((z): z is string => !!z && !COMMON_ZONES.includes(z));
	return [...new Set([...extra, ...COMMON_ZONES])];
}

/** Whether the zone changes how a format's values are read (instants only). */
export function zoneApplies(f: DateFormat): boolean {
	return f.numeric === 'unix-s' || f.numeric === 'unix-ms' || f.instant === true;
}

// 1970 … 2100, scanned weekly: every daylight-saving change of that span (two changes less than a
// week apart would be missed; no zone in use has them). Computed once per zone (≈ 30 ms).
const SPAN: [number, number] = [Date.UTC(1970, 0, 1), Date.UTC(2100, 0, 1)];
const WEEK_MS = 7 * 86_400_000;
const cache = new Map<string, readonly ZoneSegment[]>();

/** The UTC-offset periods of a zone over 1970–2100 (cached). */
export function zonePeriods(timeZone: string): readonly ZoneSegment[] {
	let s = cache.get(timeZone);
	if (!s) {
		s = zoneSegments(timeZone, SPAN[0], SPAN[1], WEEK_MS);
		cache.set(timeZone, s);
	}
	return s;
}

/**
 * The format with the zone its instants are shown in. Without a zone, or for wall-time formats,
 * the format comes back without one (instants then read as UTC).
 */
export function withTimeZone(f: DateFormat, timeZone: string | undefined): DateFormat {
	const { zone: _old, ...rest } = f;
	if (!timeZone || !zoneApplies(f)) return rest;
	return { ...rest, zone: { name: timeZone, segments: zonePeriods(timeZone) } };
}

/**
 * An example value of an instant column as the wall time it reads as in `timeZone`
 * ('YYYY-MM-DD HH:MM'), for the mapping form; null for wall-time formats or unreadable values.
 */
export function previewInstant(value: string, f: DateFormat, timeZone: string): string | null {
	if (!zoneApplies(f)) return null;
	const v = value.trim();
	const ms = f.numeric ? (/^\d+(\.\d+)?$/.test(v) ? numericDateToMs(Number(v), f.numeric) : NaN) : Date.parse(v.replace(' ', 'T'));
	if (!Number.isFinite(ms)) return null;
	const wall = new Date(ms + zoneOffsetMs(ms, timeZone));
	return wall.toISOString().slice(0, 16).replace('T', ' ');
}

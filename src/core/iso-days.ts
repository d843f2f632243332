/** Small YYYY-MM-DD helpers (UTC days, no clock). */
const DAY_MS = 86_400_000;

export function dayNumber(iso: string): number {
	return Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
}

export function isoOfDay(day: number): string {
	return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
	return isoOfDay(dayNumber(iso) + days);
}

export function daysBetween(from: string, to: string): number {
	return dayNumber(to) - dayNumber(from);
}

/**
 * Default dates of a migration: the later date is the RFM as-of; the earlier one is the end of the
 * quarter before the one holding the last day counted (as-of − 1 day: the RFM default as-of is the
 * day after the last transaction). 2026-01-01 → 2025-09-30; 2025-11-15 → 2025-09-30.
 */
export function previousQuarterEnd(asOf: string): string {
	const d = new Date(asOf + 'T00:00:00Z');
	if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || Number.isNaN(d.getTime())) throw new Error(`not a YYYY-MM-DD date: ${JSON.stringify(asOf)}`);
	d.setUTCDate(d.getUTCDate() - 1);
	const quarterStart = Date.UTC(d.getUTCFullYear(), Math.floor(d.getUTCMonth() / 3) * 3, 1);
	return new Date(quarterStart - 86_400_000).toISOString().slice(0, 10);
}

/** Calendar helpers of the KPI periods (pure, UTC, ISO days YYYY-MM-DD). */

export function addDays(day: string, n: number): string {
	const d = new Date(day + 'T00:00:00Z');
	d.setUTCDate(d.getUTCDate() + n);
	return d.toISOString().slice(0, 10);
}

export interface Period {
	/** 2024-03 or 2024-Q1. */
	label: string;
	start: string;
	end: string;
}

/** The months or quarters overlapping [first, last], each clipped to it. */
export function periodsBetween(first: string, last: string, unit: 'month' | 'quarter'): Period[] {
	const out: Period[] = [];
	const step = unit === 'month' ? 1 : 3;
	let y = Number(first.slice(0, 4));
	let m = Number(first.slice(5, 7)) - 1;
	if (unit === 'quarter') m -= m % 3;
	for (let guard = 0; guard < 1200; guard++) {
		const start = new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 10);
		if (start > last) break;
		const end = new Date(Date.UTC(y, m + step, 0)).toISOString().slice(0, 10);
		const label = unit === 'month' ? start.slice(0, 7) : `${y}-Q${m / 3 + 1}`;
		out.push({ label, start: start < first ? first : start, end: end > last ? last : end });
		m += step;
		if (m >= 12) {
			y += Math.floor(m / 12);
			m %= 12;
		}
	}
	return out;
}

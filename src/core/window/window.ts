/**
 * The analysis window [start, asOf]: both days included. Every view counts and sums the
 * transactions inside it (RFM frequency and monetary, ABC revenue, the value matrix's current value,
 * the KPI period, CLV calibration + hold-out); history before `start` only tells when a customer
 * first bought. "Days since" a purchase = asOf − its day (0 for a purchase on the as-of day).
 * Plain JSON (ISO days): runners take it in their options and project files can store it.
 */
import { ClienteleError } from '../errors.ts';

export interface AnalysisWindow {
	/** First day counted, YYYY-MM-DD. */
	start: string;
	/** Last day counted and the day "days since" counts from, YYYY-MM-DD. */
	asOf: string;
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** Whether `v` is a real calendar day written YYYY-MM-DD. */
export function isIsoDay(v: string): boolean {
	if (!ISO.test(v)) return false;
	const d = new Date(v + 'T00:00:00Z');
	return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

/**
 * The window checked: both days real dates, start not after as-of. Throws window.badDate naming the
 * bad value, or window.order naming both days.
 */
export function checkWindow(w: { start: string; asOf: string }): AnalysisWindow {
	for (const value of [w.start, w.asOf])
		if (!isIsoDay(value)) throw new ClienteleError('window.badDate', { value });
	if (w.start > w.asOf) throw new ClienteleError('window.order', { start: w.start, asOf: w.asOf });
	return { start: w.start, asOf: w.asOf };
}

/**
 * The default window from the data: start = the first transaction day, as-of = RFM's default as-of
 * (the day after the last transaction, strays left out; run/rfm.ts defaultAsOf).
 */
export function defaultWindow(d: { firstDay: string; asOf: string }): AnalysisWindow {
	return { start: d.firstDay, asOf: d.asOf };
}

/** The window as the inclusive revenue range `from`/`to` ABC and the value matrix take. */
export function windowRange(w: AnalysisWindow): { from: string; to: string } {
	return { from: w.start, to: w.asOf };
}

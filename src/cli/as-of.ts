/**
 * The CLI's clock and its default as-of date: stray dates (run/as-of.ts) are reported on stderr.
 * The clock is injectable: CLIENTELE_TODAY=YYYY-MM-DD fixes "today" (tests, reproducible runs).
 */
import { localDay } from '../core/csv/quality.ts';
import { ClienteleError } from '../core/errors.ts';
import type { DbClient } from '../db/client.ts';
import { translate } from '../i18n/translate.ts';
import { defaultAsOf, strayRows, type DefaultAsOf } from '../run/as-of.ts';

/** The machine's day, or CLIENTELE_TODAY when set (YYYY-MM-DD). */
export function cliToday(): string {
	const fixed = process.env.CLIENTELE_TODAY;
	if (fixed && /^\d{4}-\d{2}-\d{2}$/.test(fixed)) return fixed;
	return localDay(new Date());
}

/** The stray dates of a default as-of as one translated warning line (nothing without strays). */
export async function reportStrays(db: DbClient, d: DefaultAsOf | null, file: string, today = cliToday()): Promise<void> {
	if (!d || d.strays.length === 0) return;
	const rows = await strayRows(db, d, { limit: 5 });
	const days = d.strays.slice(0, 5).map((s) => `${s.day} ×${s.rows}`).join(', ') + (d.strays.length > 5 ? ', …' : '');
	const params = { file, count: d.strayRows, lastDay: d.lastDay, today, days, rows: rows.map((r) => r.row).join(', '), asOf: d.asOf };
	process.stderr.write(`warning: ${translate('en', 'asof.strays', params)}\n`);
}

/** The default as-of of the loaded transactions, strays reported on stderr. */
export async function cliDefaultAsOf(db: DbClient, file: string): Promise<DefaultAsOf | null> {
	const today = cliToday();
	const d = await defaultAsOf(db, { today });
	await reportStrays(db, d, file, today);
	return d;
}

/** --as-of must come after the first purchase: on or before it nobody has bought yet (exit 2). */
export function checkAsOfAfterFirst(asOf: string, d: DefaultAsOf | null, file: string): void {
	if (d && asOf <= d.firstDay) throw new ClienteleError('asof.beforeFirst', { asOf, first: d.firstDay, file });
}

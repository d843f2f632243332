/**
 * How many repeat buyers a CLV fit needs before it may print predictions ("never guess silently",
 * issue 11). Gamma-Gamma's spend model rests on the repeat buyers alone (x > 0 with a positive mean
 * spend); BG/NBD's repeat rate and drop-out too. With fewer than MIN_REPEAT_BUYERS the fit would
 * print predictions under its own warnings ('few-customers', often 'at-bound'), so run/clv.ts refuses
 * with one message instead. The limit is chosen, not measured: three Gamma-Gamma parameters from
 * fewer than ten spends is no estimate.
 */
import type { ClvColumns } from './fit-types.ts';

export const MIN_REPEAT_BUYERS = 10;

/** Customers with a repeat purchase and a positive mean repeat spend in the calibration period. */
export function repeatBuyers(c: Pick<ClvColumns, 'x' | 'zbar'>): number {
	let n = 0;
	for (let i = 0; i < c.x.length; i++) if (c.x[i]! > 0 && c.zbar[i]! > 0) n++;
	return n;
}

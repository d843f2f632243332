import type { PresetId } from '../segments/presets.ts';
import type { ResolvedScoring, ScoreMethod } from '../segments/scoring.ts';
import type { FrequencyMode, MonetaryMode, ReturnsMode } from '../sql/rfm.ts';

/**
 * RFM's defaults, written once: the page's settings start from them, the CLI fills every option
 * not given with them, and the builders fall back on them (a test checks page and CLI agree).
 * Bins: per dimension (mean and median always have 2); method: for every dimension.
 */
export const DEFAULT_RFM: {
	readonly bins: number;
	readonly method: ScoreMethod;
	readonly monetary: MonetaryMode;
	readonly returns: ReturnsMode;
	/** A cancelled order id (UCI Online Retail: InvoiceNo starting with "C"), as a LIKE pattern. */
	readonly cancelledPattern: string;
	readonly preset: PresetId;
} = Object.freeze({
	bins: 5,
	method: 'ntile',
	monetary: 'total',
	returns: 'net',
	cancelledPattern: 'C%',
	preset: 'r10'
});

/**
 * The default frequency: rows when every dimension is scored the R rfm way (as R rfm counts),
 * else distinct orders when there is an order id, else distinct purchase days.
 */
export function defaultFrequency(hasOrder: boolean, resolved?: ResolvedScoring): FrequencyMode {
	if (resolved && Object.values(resolved).every((x) => x.method === 'r-rfm')) return 'rows';
	return hasOrder ? 'orders' : 'days';
}

import type { Cell } from '../export/csv.ts';
import type { PersonaRow } from './rows.ts';

/** The CLI's persona output (and the page's export): a contract its users rely on. Extend only at the end. */
export const PERSONA_COLUMNS = ['group', 'feature', 'value', 'customers', 'share', 'share_overall', 'lift', 'p_value', 'p_adjusted', 'test'] as const;

const r4 = (v: number | null) => (v === null ? null : Math.round(v * 1e4) / 1e4 + 0);
/** p-values to 6 significant digits (small ones stay readable: 1.23457e-12). */
const p6 = (v: number) => Number(v.toPrecision(6));

/** A persona row as written: shares and lift to 4 decimals, p-values to 6 significant digits, unknown as an empty value. */
export function personaOutputRow(r: PersonaRow, group: (id: string) => string = (id) => id): Record<(typeof PERSONA_COLUMNS)[number], Cell> {
	return {
		group: group(r.group),
		feature: r.feature,
		value: r.value,
		customers: r.customers,
		share: r4(r.share),
		share_overall: r4(r.share_overall),
		lift: r4(r.lift),
		p_value: p6(r.p_value),
		p_adjusted: p6(r.p_adjusted),
		test: r.test
	};
}

/**
 * Money in files: every money column a page export or the CLI writes goes through roundMoney —
 * rounded half away from zero to 2 decimals, in the shortest form (317.4, 444, −0.5), no thousands
 * separators. Rates, shares and model outputs are not money here and keep their decimals.
 */

/** Rounds half away from zero at `digits` decimals, on the number's shortest decimal form (1.005 → 1.01). */
export function roundHalfAway(v: number, digits = 2): number {
	// Beyond 2^53 a double has no fractional digits left to round.
	if (!Number.isFinite(v) || Math.abs(v) >= 2 ** 53) return v;
	const [mantissa, exp = '0'] = String(Math.abs(v)).split('e');
	const shifted = Number(`${mantissa}e${Number(exp) + digits}`);
	const r = Number(`${Math.round(shifted)}e-${digits}`);
	// -0 is written as 0.
	return r === 0 ? 0 : Math.sign(v) * r;
}

/** A money amount as written to a file: 2 decimals at most, half away from zero; null stays null. */
export function roundMoney<T>(v: T): T | number {
	return typeof v === 'number' ? roundHalfAway(v, 2) : v;
}

/** Rows with their money columns rounded (a copy; the other columns are untouched). */
export function roundMoneyColumns<R extends Record<string, unknown>>(rows: readonly R[], money: readonly string[]): R[] {
	if (money.length === 0) return rows.slice();
	return rows.map((r) => {
		const out: Record<string, unknown> = { ...r };
		for (const c of money) if (c in out) out[c] = roundMoney(out[c]);
		return out as R;
	});
}

/**
 * The money columns of the files Clientele writes (CLI outputs and page exports): observed amounts.
 * Not money here: shares, rates, scores and model outputs (clv, expected_avg_spend, potential_value),
 * which keep their decimals. The value matrix's current_value is money unless it is the RFM score.
 */
export const MONEY_COLUMNS = ['monetary', 'revenue', 'monetary_value', 'monetary_from', 'monetary_to', 'avg_revenue', 'aov'] as const;

/** The money columns among `columns` (plus `extra`, e.g. current_value when it is an amount). */
export function moneyColumnsOf(columns: readonly string[], extra: readonly string[] = []): string[] {
	const money = new Set<string>([...MONEY_COLUMNS, ...extra]);
	return columns.filter((c) => money.has(c));
}

/** RFC 4180 CSV writing: UTF-8 text (no BOM), LF line endings, a final newline. */

export type Row = string[];

/** Quote a field only when it needs it: comma, double quote, CR or LF; quotes inside are doubled. */
export function csvField(value: string): string {
	return /[",\r\n]/.test(value) ? '"' + value.replaceAll('"', '""') + '"' : value;
}

export function toCsv(header: readonly string[], rows: readonly Row[]): string {
	const parts: string[] = [header.map(csvField).join(',')];
	for (const row of rows) parts.push(row.map(csvField).join(','));
	return parts.join('\n') + '\n';
}

/** Integer cents to a plain two-decimal number string ("-1280.5" is never produced: always "-1280.50"). */
export function formatCents(cents: number): string {
	if (!Number.isInteger(cents)) throw new Error(`cents must be an integer: ${cents}`);
	const sign = cents < 0 ? '-' : '';
	const abs = Math.abs(cents);
	const frac = abs % 100;
	return `${sign}${(abs - frac) / 100}.${frac < 10 ? '0' : ''}${frac}`;
}

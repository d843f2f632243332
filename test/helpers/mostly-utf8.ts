/**
 * A CSV that is UTF-8 but for three lines (a note pasted from a Windows-1252 program, a cut
 * character, a surrogate and an overlong form), built byte by byte so the expected counts hold by
 * construction: bad bytes on file lines 7, 23 and 38 (the header is line 1), 7 invalid sequences.
 */
const NAMES = ['José', 'Zoë', '张三', 'Renée', 'Ana'];

/** Data rows; the note of a row is bytes (BAD_NOTES) or plain text. */
export const MOSTLY_ROWS = 40;
export const BAD_LINES = [7, 23, 38];
/** Invalid sequences: E9 before a space (1); C3 before "(" (1); ED A0 80 (3: ED may not be followed by A0, then two stray continuations); C0 AF (2). */
export const BAD_SEQUENCES = 7;
const BAD_NOTES: Record<number, number[]> = {
	7: [0x63, 0x61, 0x66, 0xe9, 0x20, 0x61, 0x75, 0x20, 0x6c, 0x61, 0x69, 0x74],
	23: [0xc3, 0x28],
	38: [0xed, 0xa0, 0x80, 0x20, 0xc0, 0xaf]
};

export interface MostlyRow {
	customer: string;
	date: string;
	amount: number;
}

/** Row i (1-based) sits on file line i + 1. */
export function mostlyRow(i: number): MostlyRow {
	return { customer: NAMES[i % NAMES.length]!, date: `2024-01-${String((i % 28) + 1).padStart(2, '0')}`, amount: i * 10 + 0.5 };
}

/** The file's bytes; `rows` data rows (bad notes only on BAD_LINES), with `eol` between lines. */
export function mostlyUtf8Csv(rows = MOSTLY_ROWS, eol = '\n', badLines: readonly number[] = BAD_LINES): Uint8Array {
	const enc = new TextEncoder();
	const parts: number[] = [...enc.encode(`customer,date,amount,note${eol}`)];
	const badNotes = Object.values(BAD_NOTES);
	for (let i = 1; i <= rows; i++) {
		const r = mostlyRow(i);
		const at = badLines.indexOf(i + 1);
		const note = at >= 0 ? badNotes[at % badNotes.length]! : [...enc.encode(`café n°${i}`)];
		parts.push(...enc.encode(`${r.customer},${r.date},${r.amount},`), ...note, ...enc.encode(eol));
	}
	return Uint8Array.from(parts);
}

/** Hand sums: each customer's total over all rows (the bad bytes sit in the note column only). */
export function mostlyTotals(rows = MOSTLY_ROWS): Record<string, number> {
	const totals: Record<string, number> = {};
	for (let i = 1; i <= rows; i++) {
		const r = mostlyRow(i);
		totals[r.customer] = (totals[r.customer] ?? 0) + r.amount;
	}
	return totals;
}

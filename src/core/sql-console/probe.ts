import { TOKEN, type Token } from './tokens.ts';

/**
 * The text DuckDB's parser and binder read to list a query part's tables (DbClient.tableNames): the
 * part as a subquery, so only a query parses there and a `;` in it would make two statements. Edits
 * change it in place, each the length of what it replaces: an offset in the probe is the
 * statement's offset plus PROBE_PREFIX, so the engine's error positions still point into the statement.
 */
export const PROBE_PREFIX = 'SELECT * FROM (\n';

/** A same-length replacement of text[start, end) in the probe. */
export interface Edit {
	start: number;
	end: number;
	text: string;
}

/** text[start, end) as blanks (line breaks kept), `lead` written over its beginning. */
export function blankEdit(text: string, start: number, end: number, lead = ''): Edit {
	const blanks = text.slice(start, end).replace(/[^\n]/g, ' ');
	return { start, end, text: lead + blanks.slice(lead.length) };
}

/** `accepted` and every group of edits (applied together or not at all) that overlaps nothing accepted before it. */
export function addEdits(accepted: readonly Edit[], groups: readonly (readonly Edit[])[]): Edit[] {
	const out = [...accepted];
	const free = (e: Edit) => out.every((o) => e.end <= o.start || e.start >= o.end);
	for (const g of groups) if (g.every(free) && g.every((e, i) => g.every((f, j) => i === j || e.end <= f.start || e.start >= f.end))) out.push(...g);
	return out;
}

/** The probe of text[start, end) with `edits` (inside it, not overlapping) applied. */
export function probeText(text: string, start: number, end: number, edits: readonly Edit[] = []): string {
	let out = '';
	let at = start;
	for (const e of [...edits].sort((a, b) => a.start - b.start)) {
		if (e.start < at || e.end > end || e.text.length !== e.end - e.start) throw new Error('probe edits must not overlap or change lengths');
		out += text.slice(at, e.start) + e.text;
		at = e.end;
	}
	return `${PROBE_PREFIX}${out}${text.slice(at, end)}\n)`;
}

/** First words of a query (or of a join): a table can only be read after one of these. */
const QUERY_WORDS = new Set([
	'select', 'with', 'from', 'join', 'values', 'table', 'describe', 'show', 'summarize', 'explain',
	'pivot', 'unpivot', 'pivot_wider', 'pivot_longer'
]);
const PIVOT_HEADS = new Set(['pivot', 'unpivot', 'pivot_wider', 'pivot_longer']);
/** Where a simplified PIVOT's source ends: its ON, USING or GROUP BY clause. */
const CLAUSES = new Set(['on', 'using', 'group']);
const SET_OPS = new Set(['union', 'except', 'intersect']);

export interface PivotProbe {
	/** The heads found (PIVOT, UNPIVOT … in the simplified syntax `PIVOT <source> ON …`). */
	heads: Token[];
	/** Per PIVOT: its head as FROM, its clauses blanked (applied together). */
	edits: Edit[][];
	/** A head whose clauses after the source hold a query (a table could be read there): not rewritten. */
	nested: Token | null;
}

/**
 * DuckDB runs a PIVOT without an IN list as several statements (first one that works out the
 * values from the source), so its parser hands the table lister more than one statement and the
 * lister gives up — wherever the PIVOT stands (alone, in a subquery, a CTE, a join). The tables such
 * a PIVOT reads are those of its source: the probe reads `PIVOT src ON … USING … GROUP BY …` as
 * `FROM  src` and blanks the clauses, which may hold no query (a table read there would be lost, so
 * such a PIVOT is reported in `nested`, not rewritten). UNPIVOT, whose ON names columns the lister
 * does not know, is read the same way. Tokens of the statement `[start, end)` only.
 */
export function pivotProbe(text: string, tokens: readonly Token[], start: number, end: number): PivotProbe {
	const out: PivotProbe = { heads: [], edits: [], nested: null };
	const inPart = tokens.filter((t) => t.start >= start && t.end <= end);
	inPart.forEach((head, i) => {
		if (head.kind !== TOKEN.keyword || !PIVOT_HEADS.has(head.word) || standardSyntax(inPart, i)) return;
		let stop = i + 1;
		while (stop < inPart.length && inPart[stop]!.depth >= head.depth && !(inPart[stop]!.depth === head.depth && (SET_OPS.has(inPart[stop]!.word) || inPart[stop]!.word === ';')))
			stop++;
		const clause = inPart.findIndex((t, k) => k > i + 1 && k < stop && t.depth === head.depth && CLAUSES.has(t.word));
		if (clause < 0) return;
		out.heads.push(head);
		// a query after the source: left as written (its tables are listed if the rest parses as one statement)
		if (inPart.slice(clause, stop).some((t) => t.kind === TOKEN.keyword && QUERY_WORDS.has(t.word))) {
			out.nested ??= head;
			return;
		}
		out.edits.push([blankEdit(text, head.start, head.end, 'FROM'), blankEdit(text, inPart[clause]!.start, inPart[stop - 1]!.end)]);
	});
	return out;
}

/**
 * A join's `USING (a, b)` read as `ON    (true  )`: in name-listing mode DuckDB's binder knows no
 * table's columns, so it fails on every USING join before it lists the tables. A list of plain names
 * reads no table, so nothing is lost. Tokens of the statement `[start, end)` only.
 */
export function usingEdits(text: string, tokens: readonly Token[], start: number, end: number): Edit[][] {
	const out: Edit[][] = [];
	tokens.forEach((t, i) => {
		if (t.word !== 'using' || t.start < start || t.end > end || tokens[i + 1]?.word !== '(') return;
		const close = tokens.findIndex((c, k) => k > i + 1 && c.word === ')' && c.depth === t.depth);
		const names = tokens.slice(i + 2, close);
		if (close < 0 || names.length === 0 || names.some((n) => n.word !== ',' && n.kind !== TOKEN.identifier && n.kind !== TOKEN.keyword)) return;
		out.push([blankEdit(text, t.start, t.end, 'ON'), blankEdit(text, names[0]!.start, names[names.length - 1]!.end, 'true')]);
	});
	return out;
}

/** `… FROM t PIVOT (sum(x) FOR c IN (…))`: the SQL-standard form, whose IN list is required (one statement). */
function standardSyntax(tokens: readonly Token[], i: number): boolean {
	const open = tokens[i + 1];
	if (open?.word !== '(') return false;
	for (let k = i + 2; k < tokens.length && tokens[k]!.depth > open.depth; k++)
		if (tokens[k]!.depth === open.depth + 1 && tokens[k]!.word === 'for') return true;
	return false;
}

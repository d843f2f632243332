/**
 * The pipeline a command ran, as a script: the statements that built its tables (the import
 * projection with the mapping and cleaning choices, then the analysis), in the order the command
 * ran them, and the query whose rows it wrote. Checks the command made along the way (counts,
 * problems to report, default dates) were SELECTs whose decisions are already in the later
 * statements; they are not repeated.
 */

/** A statement the command ran, with the result's column types. */
export interface RanStatement {
	text: string;
	columns?: { name: string; type: string }[];
}

export interface PipelineStep {
	/** What the step does, for the script's comment. */
	comment: string;
	sql: string;
	/** The table's columns after the step (set for ALTER TABLE … DROP COLUMN: the Spark rendering lists them). */
	after?: string[];
}

/** The table an ALTER TABLE … DROP COLUMN step changes (undefined for any other step). */
export function droppedFrom(text: string): string | undefined {
	const m = /^\s*ALTER\s+TABLE\s+"((?:[^"]|"")+)"\s+DROP\s+COLUMN\b/i.exec(text);
	return m ? m[1]!.replaceAll('""', '"') : undefined;
}

const BUILDS = /^\s*(CREATE|INSERT|DROP|ALTER|DELETE|UPDATE)\b/i;
const READS = /^\s*(SELECT|WITH|FROM)\b/i;

/** Whether a statement builds or changes a table (kept in the script) rather than only reads. */
export function buildsTables(text: string): boolean {
	return BUILDS.test(text);
}

/** Whether a statement only reads (a check, or the output query). */
export function onlyReads(text: string): boolean {
	return READS.test(text);
}

/** A quoted SQL string literal's text as DuckDB writes it ('' for a quote). */
export function quoteLiteral(s: string): string {
	return `'${s.replaceAll("'", "''")}'`;
}

/** Replaces every literal naming a registered file with the path the script reads instead. */
export function replaceFileNames(text: string, files: ReadonlyMap<string, string>): string {
	let out = text;
	for (const [name, file] of files) out = out.replaceAll(quoteLiteral(name), quoteLiteral(file));
	return out;
}

const KNOWN: Record<string, string> = {
	raw__load: 'the input read whole as text, with the dialect, header and columns the CLI sniffed',
	raw: 'the input as text (one VARCHAR column per CSV column)',
	tx_stage: 'the typed transactions: the mapped columns parsed with the date and number formats chosen',
	tx: 'the checked transactions',
	rfm_base: 'one row per customer: recency, frequency, monetary',
	rfm_scores: 'the R, F and M scores',
	rfm: 'the segments (the rule set as a CASE, first match wins)'
};

/** A one-line description of a statement, from its verb and the table it names. */
export function describeStep(text: string): string {
	const t = text.trim();
	const name = /^(?:CREATE\s+(?:OR\s+REPLACE\s+)?(?:TEMP\s+|TEMPORARY\s+)?(?:TABLE|VIEW)|DROP\s+(?:TABLE|VIEW)\s+IF\s+EXISTS|DROP\s+(?:TABLE|VIEW)|ALTER\s+TABLE|DELETE\s+FROM|INSERT\s+INTO|UPDATE)\s+("(?:[^"]|"")+"|\w+)/i.exec(t)?.[1];
	const table = name?.replace(/^"|"$/g, '').replaceAll('""', '"') ?? '?';
	const verb = t.split(/\s+/)[0]!.toUpperCase();
	const what = KNOWN[table];
	if (verb === 'CREATE') return what ? `${table}: ${what}` : `${table}: built`;
	if (verb === 'DROP') return `${table}: dropped when it exists (a clean start, or a step's scratch table)`;
	if (verb === 'ALTER') return /RENAME/i.test(t) ? `${table}: renamed once checked` : `${table}: a helper column dropped`;
	if (verb === 'DELETE') return `${table}: rows the checks leave out (reported by the command as warnings)`;
	if (verb === 'INSERT') return `${table}: rows added`;
	return `${table}: updated`;
}

/** The steps of a recorded run: statements that build tables, their file names replaced. */
export function pipelineSteps(ran: readonly RanStatement[], files: ReadonlyMap<string, string>): PipelineStep[] {
	return ran.filter((s) => buildsTables(s.text)).map((s) => ({ comment: describeStep(s.text), sql: replaceFileNames(s.text.trim(), files) }));
}

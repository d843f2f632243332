import type { ConsoleErrorCode } from '../error-codes-console.ts';
import { ConsoleError } from './console-error.ts';
import { checkCalls } from './functions.ts';
import { blankEdit, type Edit } from './probe.ts';
import { isName, TOKEN, type Token } from './tokens.ts';

/** The schema the console may write to, behind its switch; the app's own tables live in main. */
export const SCRATCH_SCHEMA = 'scratch';

/** A stretch of the statement that is a query: its tables are checked (names.ts) before anything runs. */
export interface QueryPart {
	start: number;
	end: number;
	/**
	 * Same-length changes to the text the tables are listed from (probe.ts): `WITH … INSERT INTO
	 * scratch.t …` has its `INSERT INTO scratch.t` blanked, so the CTEs and the query after it are read as one query.
	 */
	edits?: Edit[];
}

export type CheckedStatement =
	| { kind: 'query' | 'explain'; text: string; parts: QueryPart[] }
	| { kind: 'write'; text: string; parts: QueryPart[]; action: 'create' | 'insert' | 'drop'; target: string };

/** First words of the statements that only read: run as a query, results paged in the grid. */
const READS = new Set(['select', 'with', 'from', 'values', 'describe', 'show', 'summarize', 'pivot', 'unpivot', 'pivot_wider', 'pivot_longer']);
const WRITES = new Set(['create', 'insert', 'drop', 'update', 'delete', 'alter', 'truncate', 'merge', 'comment']);
/** Statements always refused, each with its own message. */
const REFUSED: Record<string, ConsoleErrorCode> = {
	attach: 'console.refused.attach',
	detach: 'console.refused.attach',
	copy: 'console.refused.copy',
	export: 'console.refused.export',
	import: 'console.refused.export',
	install: 'console.refused.extension',
	load: 'console.refused.extension',
	force: 'console.refused.extension',
	set: 'console.refused.setting',
	reset: 'console.refused.setting',
	pragma: 'console.refused.pragma',
	call: 'console.refused.call'
};

const SCRATCH_NAME = /^[\p{L}_][\p{L}\p{N}_]*$/u;

/**
 * Classifies one statement from DuckDB's tokens and refuses what the console does not run:
 * more than one statement, file and URL readers, ATTACH, COPY, EXPORT, INSTALL/LOAD, SET, PRAGMA,
 * CALL, and writes — those only into `scratch` when `scratch` is on. Throws ConsoleError.
 */
export function checkStatement(
	text: string,
	all: readonly Token[],
	opts: { scratch: boolean; tableFunctions: ReadonlySet<string> }
): CheckedStatement {
	const tokens = oneStatement(all);
	if (tokens.length === 0) throw new ConsoleError('console.refused.empty', {}, null);
	const body = text.slice(0, tokens[tokens.length - 1]!.end);
	const first = tokens[0]!;
	const refused = REFUSED[first.word];
	if (first.word === 'update' && (tokens[1]?.word ?? '') === 'extensions') throw new ConsoleError('console.refused.extension', {}, first.start);
	if (refused) throw new ConsoleError(refused, { keyword: first.word.toUpperCase() }, first.start);
	checkCalls(tokens, opts.tableFunctions);
	if (first.word === 'explain') {
		const at = (tokens[1]?.word ?? '') === 'analyze' ? 2 : 1;
		// EXPLAIN ANALYZE runs its statement: a write behind a WITH is refused like one without
		const verb = tokens[at]?.word === 'with' ? tokens[mainVerb(tokens, at)] : tokens[at];
		if (!isRead(tokens[at]) || (verb && !isRead(verb))) throw new ConsoleError('console.refused.explainWrite', {}, (verb ?? tokens[at])?.start ?? first.start);
		return { kind: 'explain', text: body, parts: [queryPart(tokens.slice(at), body.length)] };
	}
	if (isRead(first)) {
		// WITH … <verb>: the statement is its verb's (an INSERT after CTEs is checked as an INSERT)
		const at = first.word === 'with' ? mainVerb(tokens, 0) : -1;
		const verb = tokens[at];
		if (verb && !isRead(verb)) {
			const refusedVerb = REFUSED[verb.word];
			if (refusedVerb) throw new ConsoleError(refusedVerb, { keyword: verb.word.toUpperCase() }, verb.start);
			if (WRITES.has(verb.word)) return checkWrite(body, tokens, opts.scratch, at);
		}
		return { kind: 'query', text: body, parts: [queryPart(tokens, body.length)] };
	}
	if (WRITES.has(first.word)) return checkWrite(body, tokens, opts.scratch);
	throw new ConsoleError('console.refused.statement', { keyword: first.text.toUpperCase() }, first.start);
}

/** The tokens of the one statement: a final `;` is dropped; anything after a `;` is a second statement. */
function oneStatement(tokens: readonly Token[]): Token[] {
	const semi = tokens.findIndex((t) => t.word === ';' && t.depth === 0);
	if (semi < 0) return [...tokens];
	const next = tokens.slice(semi + 1).find((t) => t.word !== ';');
	if (next) throw new ConsoleError('console.refused.multiple', {}, next.start);
	return tokens.slice(0, semi);
}

/**
 * The index of the statement's own verb after the WITH at tokens[from]: its list of
 * `name [(cols)] [USING KEY (…)] AS [NOT] [MATERIALIZED] (…)`, comma-separated, is walked as DuckDB's
 * grammar has it. When it does not read so, the first word after a closing parenthesis at WITH's depth.
 */
function mainVerb(tokens: readonly Token[], from: number): number {
	const depth = tokens[from]!.depth;
	const close = (k: number) => tokens.findIndex((t, j) => j > k && t.word === ')' && t.depth === tokens[k]!.depth);
	const group = (k: number) => (tokens[k]?.word === '(' ? close(k) + 1 : -1);
	let i = from + 1;
	if (tokens[i]?.word === 'recursive') i++;
	while (isName(tokens[i])) {
		i++;
		if (tokens[i]?.word === '(') i = group(i);
		if (i > 0 && tokens[i]?.word === 'using' && tokens[i + 1]?.word === 'key') i = group(i + 2);
		if (i <= 0 || tokens[i]?.word !== 'as') break;
		i++;
		if (tokens[i]?.word === 'not') i++;
		if (tokens[i]?.word === 'materialized') i++;
		i = group(i);
		if (i <= 0) break;
		if (tokens[i]?.word !== ',') return i;
		i++;
	}
	return tokens.findIndex((t, k) => k > from && t.depth === depth && isName(t) && tokens[k - 1]!.word === ')');
}

const isRead = (t: Token | undefined) => t !== undefined && (READS.has(t.word) || t.word === '(');

function queryPart(tokens: readonly Token[], end: number): QueryPart {
	return { start: tokens[0]!.start, end };
}

/**
 * Writes: CREATE TABLE/VIEW, INSERT INTO and DROP TABLE/VIEW, into `scratch` only, with the switch on.
 * `at`: the verb's index (after a WITH list, only INSERT: the CTEs and its query are checked together).
 */
function checkWrite(text: string, tokens: readonly Token[], scratch: boolean, at = 0): CheckedStatement {
	const first = tokens[at]!;
	if (!scratch) throw new ConsoleError('console.refused.writeOff', { keyword: first.word.toUpperCase() }, first.start);
	let i = at + 1;
	const skip = (...words: string[]) => {
		while (words.includes((tokens[i]?.word ?? ''))) i++;
	};
	const kindError = () => new ConsoleError('console.refused.writeKind', { keyword: first.word.toUpperCase() }, first.start);
	let action: 'create' | 'insert' | 'drop';
	if (first.word === 'create' || first.word === 'drop') {
		action = first.word;
		skip('or', 'replace');
		if (!['table', 'view'].includes((tokens[i]?.word ?? ''))) throw kindError();
		i++;
		skip('if', 'not', 'exists');
	} else if (first.word === 'insert') {
		action = 'insert';
		skip('or', 'replace', 'ignore');
		if ((tokens[i]?.word ?? '') !== 'into') throw kindError();
		i++;
	} else throw kindError();
	if (at > 0 && action !== 'insert') throw kindError();
	const target = scratchTarget(tokens, i);
	i = target.next;
	const parts: QueryPart[] = [];
	if (action === 'drop') {
		skip('cascade', 'restrict');
	} else {
		skip('by', 'name', 'position');
		// CREATE TABLE t (a INT, …) is a definition, INSERT INTO t (a, b) a column list: a query may follow it
		if ((tokens[i]?.word ?? '') === '(') {
			const close = tokens.findIndex((t, k) => k > i && t.word === ')' && t.depth === tokens[i]!.depth);
			// a column list holds names, a definition no query (neither is in the text the tables are listed from)
			const inside = tokens.slice(i + 1, close > 0 ? close : tokens.length);
			const bad = inside.find((t) => (action === 'insert' ? t.word !== ',' && !isName(t) : t.kind === TOKEN.keyword && READS.has(t.word)));
			if (bad) throw new ConsoleError('console.refused.writeKind', { keyword: first.word.toUpperCase() }, bad.start);
			i = close > 0 ? close + 1 : tokens.length;
		}
		skip('as');
		if ((tokens[i]?.word ?? '') === 'default' && (tokens[i + 1]?.word ?? '') === 'values') {
			// the CTEs before an INSERT … DEFAULT VALUES are checked as a query of their own
			if (at > 0) parts.push({ start: tokens[0]!.start, end: text.length, edits: [blankEdit(text, first.start, text.length, 'SELECT 1')] });
			i += 2;
		} else if (i < tokens.length) {
			if (!isRead(tokens[i])) throw new ConsoleError('console.refused.writeKind', { keyword: first.word.toUpperCase() }, tokens[i]!.start);
			parts.push(at > 0 ? { start: tokens[0]!.start, end: text.length, edits: [blankEdit(text, first.start, tokens[i]!.start)] } : queryPart(tokens.slice(i), text.length));
			i = tokens.length;
		}
	}
	if (i < tokens.length) throw new ConsoleError('console.refused.writeKind', { keyword: first.word.toUpperCase() }, tokens[i]!.start);
	return { kind: 'write', text, parts, action, target: target.name };
}

/** `scratch.<name>` at tokens[i] (nothing else: no main table, no temp, no other catalog). */
function scratchTarget(tokens: readonly Token[], i: number): { name: string; next: number } {
	const a = tokens[i];
	if (!isName(a)) throw new ConsoleError('console.refused.scratchOnly', { name: '' }, tokens[i]?.start ?? null);
	let end = i + 1;
	while ((tokens[end]?.word ?? '') === '.' && isName(tokens[end + 1])) end += 2;
	const names = tokens.slice(i, end).filter(isName);
	const written = tokens.slice(i, end).map((t) => t.text).join('');
	if (names.length !== 2 || names[0]!.word !== SCRATCH_SCHEMA)
		throw new ConsoleError('console.refused.scratchOnly', { name: written }, a.start);
	if (!SCRATCH_NAME.test(names[1]!.word)) throw new ConsoleError('console.refused.scratchName', { name: names[1]!.word }, names[1]!.start);
	return { name: names[1]!.word, next: end };
}

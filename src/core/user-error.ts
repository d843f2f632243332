/**
 * The one boundary between what fails inside (DuckDB, V8, the wasm runtime, Node) and what a user
 * reads: every error shown — the page's error panel (ui/ErrorPanel.svelte), the CLI's stderr
 * (cli/main.ts) — passes through toUserError. Our own errors pass unchanged unless one of their
 * parameters carries an engine message (a `detail` copied from a caught error); anything else becomes
 * one translated sentence chosen by what the message says: out of memory, a line or file too large for
 * the engine, a quote left open, a CSV the engine could not read, or an unexpected failure.
 * DuckDB's own wording (its parser's state machine, its read options, the names we register files
 * under) and V8's never reach the user.
 */
import { ClienteleError, isClienteleError } from './errors.ts';

/** Text that only an engine writes (DuckDB, V8, wasm, Node internals). */
export const ENGINE_MARKERS: readonly RegExp[] = [
	/CSV Parser/i,
	/unterminated quote/i,
	/state machine/i,
	/\bsniff(ing|er)\b.*\b(csv|dialect)/i,
	/read_csv|read_csv_auto|auto_detect|max_line_size|strict_mode|null_padding|ignore_errors|store_rejects/i,
	/\b(Binder|Parser|Conversion|Catalog|Invalid Input|Out of Memory|IO|Internal|INTERNAL|Constraint|Invalid)\s+Error\b/,
	/Cannot create a string longer than/i,
	/Invalid string length/i,
	/Array buffer allocation failed/i,
	/RangeError|RuntimeError|TypeError|ReferenceError|SyntaxError/,
	/memory access out of bounds|unreachable executed|Aborted\(/i,
	/Maximum call stack/i,
	/0x[0-9a-f]{6,}/i,
	/\bat [\w$.<>]+ \(.*:\d+:\d+\)/,
	/duckdb|wasm/i,
	/Could not convert string|could not allocate block/i
];

export function leaksEngine(text: string): boolean {
	return ENGINE_MARKERS.some((r) => r.test(text));
}

/** What the user is told about a message from inside, for the file being read (if any). */
function classify(message: string, file: string): ClienteleError {
	const line = /\bLine:?\s*(\d+)/i.exec(message)?.[1];
	const where = { file, ...(line ? { line: Number(line) } : {}) };
	if (/out of memory|could not allocate|Array buffer allocation failed|memory access out of bounds/i.test(message))
		return new ClienteleError('engine.outOfMemory', { file });
	if (/Cannot create a string longer than|Invalid string length/i.test(message)) return new ClienteleError('engine.tooLarge', { file });
	if (/maximum line size|max_line_size/i.test(message)) return new ClienteleError('engine.lineTooLong', where);
	if (/unterminated quote|quote.*(not|never) (closed|terminated)|unquoted/i.test(message)) return new ClienteleError('engine.unclosedQuote', where);
	if (/CSV|sniff|read_csv|Parser|dialect|columns? (expected|found)/i.test(message)) return new ClienteleError('engine.csvFailed', where);
	return new ClienteleError('engine.unexpected', { file });
}

const messageOf = (e: unknown) => (e instanceof Error ? `${e.name}: ${e.message}` : String(e));

/**
 * The error as a user may read it. `file` names the file being read when the error does not (the
 * page's loaded file, the CLI's --input); '' when there is none.
 */
export function toUserError(e: unknown, file = ''): ClienteleError {
	if (isClienteleError(e)) {
		// Only `detail` carries text from elsewhere (a caught error's message); names are the user's own.
		const leaked = e.params.detail;
		if (typeof leaked !== 'string' || !leaksEngine(leaked)) return e;
		const named = e.params.file;
		return classify(leaked, typeof named === 'string' ? named : file);
	}
	return classify(messageOf(e), file);
}

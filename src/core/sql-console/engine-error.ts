import type { ConsoleErrorCode } from '../error-codes-console.ts';
import { ConsoleError } from './console-error.ts';

/** DuckDB's error as it arrives: JSON from the parser API ({exception_type, exception_message, position}) or text. */
interface EngineError {
	type: string;
	message: string;
	/** Offset in the executed text, where DuckDB gave one. */
	position: number | null;
}

function parse(e: unknown, executed: string): EngineError {
	const raw = e instanceof Error ? e.message : String(e);
	try {
		const j = JSON.parse(raw) as { exception_type?: string; exception_message?: string; position?: string };
		if (j && typeof j.exception_message === 'string') {
			const pos = j.position !== undefined ? Number(j.position) : NaN;
			return { type: j.exception_type ?? '', message: j.exception_message, position: Number.isFinite(pos) ? pos : lineCaret(j.exception_message, executed) };
		}
	} catch {
		// not JSON: "<Type> Error: message\nLINE n: …\n     ^"
	}
	const m = /^([\w ]+?) Error: ([\s\S]*)$/.exec(raw);
	return { type: m?.[1] ?? '', message: m?.[2] ?? raw, position: lineCaret(raw, executed) };
}

/**
 * The offset DuckDB's "LINE n: <snippet>" and caret point at. Long lines are shown as a window
 * ("…" at either end), so the snippet is found in the executed line rather than counted from its start.
 */
function lineCaret(message: string, executed: string): number | null {
	const m = /LINE (\d+): (.*)\n( *)\^/.exec(message);
	if (!m) return null;
	const lineNo = Number(m[1]);
	const prefix = `LINE ${m[1]}: `.length;
	const caret = (m[3] ?? '').length - prefix;
	const lines = executed.split('\n');
	if (lineNo < 1 || lineNo > lines.length) return null;
	const lineStart = lines.slice(0, lineNo - 1).reduce((n, l) => n + l.length + 1, 0);
	let snippet = m[2] ?? '';
	let lead = 0;
	if (snippet.startsWith('...')) {
		snippet = snippet.slice(3);
		lead = 3;
	}
	snippet = snippet.replace(/\.\.\.$/, '');
	const found = (lines[lineNo - 1] ?? '').indexOf(snippet);
	const col = found >= 0 ? found + caret - lead : caret;
	return lineStart + Math.max(0, col);
}

const quoted = (s: string, re: RegExp) => re.exec(s)?.[1] ?? '';

/**
 * DuckDB's answer to a statement the console ran, as one translated line with its position in the
 * user's statement (`shift`: where the user's text starts inside `executed`). The engine's first
 * line travels along as `detail` for the curious, never as the message. `pivoted`: the statement holds a
 * PIVOT without an IN list (DuckDB works out its values first, from its source alone).
 */
export function engineError(e: unknown, executed: string, shift: number, userText: string, pivoted = false): ConsoleError {
	const err = parse(e, executed);
	const at = err.position === null ? null : err.position - shift;
	// Past the user's text is the console's own wrapper (the closing parenthesis): the statement ended too soon.
	const pastEnd = at !== null && at > userText.length;
	const inside = pastEnd ? userText.trimEnd().length : at !== null && at >= 0 ? at : null;
	const detail = (err.message.split('\n')[0] ?? '').slice(0, 300);
	const msg = err.message;
	let code: ConsoleErrorCode = 'console.err.failed';
	let name = '';
	if (/PIVOT statements with pivot elements extracted from the data cannot be used in views/.test(msg)) {
		code = 'console.err.pivotView';
	} else if (pivoted && /Referenced table "([^"]*)" not found/.test(msg)) {
		code = 'console.err.pivotOuter';
		name = quoted(msg, /Referenced table "([^"]*)"/);
	} else if (err.type === 'Parser') {
		code = 'console.err.syntax';
		name = pastEnd ? 'EOF' : quoted(msg, /at or near "([^"]*)"/) || (/end of input/.test(msg) ? 'EOF' : userText.slice(inside ?? 0, (inside ?? 0) + 12).trim());
	} else if (/Referenced column "([^"]*)" not found|column "?([^"\s]*)"? (?:not found|does not exist)/i.test(msg)) {
		code = 'console.err.noColumn';
		name = quoted(msg, /column "([^"]*)"/i);
	} else if (/Table with name (\S+) does not exist/.test(msg)) {
		code = 'console.err.noTable';
		name = quoted(msg, /Table with name (\S+) does not exist/);
	} else if (/Function with name (\S+) does not exist|Function with name "?([^"\s]+)"? is not in the catalog/i.test(msg)) {
		code = 'console.err.noFunction';
		name = quoted(msg, /Function with name "?([^"\s]+)"?/i);
	} else if (/^(Conversion|Mismatch Type|Out of Range)$/.test(err.type) || /No function matches the given name and argument types|Cannot compare values|Could not convert/.test(msg)) {
		code = 'console.err.types';
	} else if (/out of memory|could not allocate/i.test(msg)) {
		code = 'console.err.memory';
	}
	return new ConsoleError(code, { name, type: err.type || '?', detail }, inside);
}

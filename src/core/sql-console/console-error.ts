import { ClienteleError, type ErrorParams } from '../errors.ts';
import type { ConsoleErrorCode } from '../error-codes-console.ts';

/**
 * A statement the console refuses or the engine rejected: a translated code, its parameters and,
 * where known, the offset in the statement it points at (the page shows line:column and a caret).
 */
export class ConsoleError extends ClienteleError {
	constructor(
		code: ConsoleErrorCode,
		params: ErrorParams,
		/** Offset in the user's statement (null: the statement as a whole). */
		readonly at: number | null
	) {
		super(code, params);
	}
}

export function isConsoleError(e: unknown): e is ConsoleError {
	return e instanceof ConsoleError;
}

/**
 * Typed, actionable errors. `code` is a message key of src/i18n (core does not import i18n: the
 * codes are listed here, and test/unit/i18n proves each has a message in both languages); `params`
 * fill its placeholders. Where the problem is known, `file`, `row` (1-based, counting data rows)
 * and `column` say where.
 */
import { DATA_ERROR_CODES } from './error-codes-data.ts';
import { WORK_ERROR_CODES } from './error-codes-work.ts';
import { EMIT_ERROR_CODES } from './error-codes-emit.ts';
import { CONSOLE_ERROR_CODES } from './error-codes-console.ts';

/** Every error code: a new one goes into the list of its area (error-codes-*.ts). */
export const ERROR_CODES = [...DATA_ERROR_CODES, ...WORK_ERROR_CODES, ...EMIT_ERROR_CODES, ...CONSOLE_ERROR_CODES] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];
export type ErrorParams = Record<string, string | number>;
/** A ClienteleError as plain data (what a worker can post). */
export type ErrorData = { code: ErrorCode; params: ErrorParams };

export class ClienteleError extends Error {
	readonly code: ErrorCode;
	readonly params: ErrorParams;
	constructor(code: ErrorCode, params: ErrorParams = {}, message?: string) {
		super(message ?? `${code} ${JSON.stringify(params)}`);
		this.name = 'ClienteleError';
		this.code = code;
		this.params = params;
	}
}

export function isClienteleError(e: unknown): e is ClienteleError {
	return e instanceof ClienteleError;
}

/** A ClienteleError as plain data (what a worker can post) … */
export function errorData(e: ClienteleError): ErrorData {
	return { code: e.code, params: { ...e.params } };
}

/** … and back. */
export function errorFromData(d: ErrorData): ClienteleError {
	return new ClienteleError(d.code, d.params);
}

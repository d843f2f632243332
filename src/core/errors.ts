/**
 * Typed, actionable errors. `code` is an i18n key (see src/i18n); `params` fill its placeholders.
 * Where the problem is known, `file`, `row` (1-based, counting data rows) and `column` say where.
 */
export type ErrorParams = Record<string, string | number>;

export class ClienteleError extends Error {
	readonly code: string;
	readonly params: ErrorParams;
	constructor(code: string, params: ErrorParams = {}, message?: string) {
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
export function errorData(e: ClienteleError): { code: string; params: ErrorParams } {
	return { code: e.code, params: { ...e.params } };
}

/** … and back. */
export function errorFromData(d: { code: string; params: ErrorParams }): ClienteleError {
	return new ClienteleError(d.code, d.params);
}

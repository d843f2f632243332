import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ClienteleError } from '../core/errors.ts';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

/** Strict option parsing: unknown options and missing values become a ClienteleError (exit 2). */
export function parseOptions(argv: string[], options: OptionSpec): Record<string, string | boolean | undefined> {
	try {
		const { values } = parseArgs({ args: argv, options: { ...options, help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: false });
		return values as Record<string, string | boolean | undefined>;
	} catch (e) {
		throw new ClienteleError('cli.badOption', { detail: e instanceof Error ? e.message : String(e) });
	}
}

export function requireOption(v: Record<string, string | boolean | undefined>, name: string): string {
	const x = v[name];
	if (typeof x !== 'string' || x === '') throw new ClienteleError('cli.missingOption', { option: name });
	return x;
}

export function optionalString(v: Record<string, string | boolean | undefined>, name: string): string | undefined {
	const x = v[name];
	return typeof x === 'string' && x !== '' ? x : undefined;
}

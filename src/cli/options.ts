import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { RoleMapping } from '../core/csv/roles.ts';
import { ClienteleError } from '../core/errors.ts';
import { MAX_BINS, MIN_BINS } from '../core/segments/scoring.ts';
import { dateLit } from '../core/sql/sql.ts';
import { checkOutputs } from './io.ts';
import { addProjectFlags } from './project-option.ts';
import { ENGINE_OPTIONS, engineChoice } from './engine.ts';

/**
 * Command-line options, the one module that reads them: parsing argv, then small readers that
 * check one option each and throw a ClienteleError naming it and the bad value (exit 2).
 */

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;
/** Parsed options by name (a repeatable option: its first value here, all of them through optionList). */
export type Values = Record<string, string | boolean | undefined>;

/** Every value of the repeatable options (`multiple: true`, e.g. --input) of each parsed Values. */
const LISTS = new WeakMap<Values, Record<string, string[]>>();

/** Strict option parsing: unknown options and missing values become a ClienteleError (exit 2). */
export function parseOptions(argv: string[], options: OptionSpec): Values {
	let values: Values;
	try {
		const parsed = parseArgs({ args: argv, options: { ...options, ...ENGINE_OPTIONS, project: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: false }).values;
		const out: Values = {};
		const lists: Record<string, string[]> = {};
		for (const [k, x] of Object.entries(parsed)) {
			if (Array.isArray(x)) lists[k] = x.filter((s): s is string => typeof s === 'string');
			out[k] = Array.isArray(x) ? (x[0] as string | undefined) : (x as string | boolean | undefined);
		}
		LISTS.set(out, lists);
		values = out;
	} catch (e) {
		throw new ClienteleError('cli.badOption', { detail: e instanceof Error ? e.message : String(e) });
	}
	// --project FILE (every command): the project's settings fill the flags not given.
	if (typeof values.project === 'string' && values.project !== '') addProjectFlags(values, options, values.project);
	// Nothing lost: an output that would overwrite an input, or cannot be written, fails before any work.
	if (!values.help) checkOutputs(values);
	// --engine / --threads (every command): a bad value fails before any work.
	if (!values.help) engineChoice(values);
	return values;
}

export function requireOption(v: Values, name: string): string {
	const x = v[name];
	if (typeof x !== 'string' || x === '') throw new ClienteleError('cli.missingOption', { option: name });
	return x;
}

/** Every value of a repeatable option (--input a.csv --input b.csv), in order; [] when absent. */
export function optionList(v: Values, name: string): string[] {
	const x = LISTS.get(v)?.[name] ?? (typeof v[name] === 'string' ? [v[name]] : []);
	return x.filter((s) => s !== '');
}

export function optionalString(v: Values, name: string): string | undefined {
	const x = v[name];
	return typeof x === 'string' && x !== '' ? x : undefined;
}

/** One of `list`; undefined when absent. */
export function choice<T extends string>(v: Values, option: string, list: readonly T[]): T | undefined {
	const x = optionalString(v, option);
	if (x === undefined) return undefined;
	if (!(list as readonly string[]).includes(x))
		throw new ClienteleError('cli.badChoice', { option, value: x, list: list.join(', ') });
	return x as T;
}

/** Comma-separated numbers (e.g. cut points); undefined when absent. */
export function numberList(v: Values, option: string): number[] | undefined {
	const x = optionalString(v, option);
	if (x === undefined) return undefined;
	const parts = x.split(',').map((s) => s.trim());
	const nums = parts.map(Number);
	const i = nums.findIndex((n, k) => parts[k] === '' || !Number.isFinite(n));
	if (i >= 0)
		throw new ClienteleError('cli.badNumberList', { option, value: x, item: parts[i] ?? '' });
	return nums;
}

function checkDate(option: string, value: string): string {
	try {
		dateLit(value);
	} catch {
		throw new ClienteleError('cli.badDate', { option, value });
	}
	return value;
}

/** A YYYY-MM-DD option, validated; undefined when absent. */
export function dateOption(v: Values, name: string): string | undefined {
	const s = optionalString(v, name);
	return s === undefined ? undefined : checkDate(name, s);
}

/** A YYYY-MM-DD option that must be given. */
export function requiredDate(v: Values, name: string): string {
	return checkDate(name, requireOption(v, name));
}

/** --bins N: a whole number of score bins per dimension (MIN_BINS–MAX_BINS); undefined when absent. */
export function binsOption(v: Values): number | undefined {
	const x = optionalString(v, 'bins');
	if (x === undefined) return undefined;
	const bins = Number(x);
	if (!/^\d+$/.test(x) || bins < MIN_BINS || bins > MAX_BINS)
		throw new ClienteleError('cli.badBins', { value: x });
	return bins;
}

/** The transaction roles (--customer, --date, --amount or --quantity and --price, --order). */
export function txRoles(v: Values): RoleMapping {
	const roles: RoleMapping = {
		customer: requireOption(v, 'customer'),
		date: requireOption(v, 'date'),
		amount: optionalString(v, 'amount'),
		quantity: optionalString(v, 'quantity'),
		price: optionalString(v, 'price'),
		order: optionalString(v, 'order')
	};
	if (roles.amount && (roles.quantity || roles.price))
		throw new ClienteleError('cli.amountWithQtyPrice', { other: roles.quantity ? 'quantity' : 'price' });
	if (!roles.amount && (roles.quantity || roles.price) && !(roles.quantity && roles.price))
		throw new ClienteleError('cli.qtyPricePair', roles.quantity ? { given: 'quantity', missing: 'price' } : { given: 'price', missing: 'quantity' });
	if (!roles.amount && !(roles.quantity && roles.price))
		throw new ClienteleError('cli.amountOrQtyPrice');
	return roles;
}

/** `--lang en|zh` of every command that writes category labels (default en). */
export const LANG_OPTION: OptionSpec = { lang: { type: 'string' } };

/** The help line of --lang; `what` names the labels the command writes. */
export function langHelp(what: string): string {
	return `  --lang en|zh        language of ${what} (default en); column names never change`;
}

/**
 * The language of category labels written by a command (segments, quadrants, classes, stages,
 * tiers …): `--lang en|zh`, default en. Column names never change with it.
 */
export function langOption(v: Values): 'en' | 'zh-CN' {
	return choice(v, 'lang', ['en', 'zh'] as const) === 'zh' ? 'zh-CN' : 'en';
}

import { ClienteleError } from '../core/errors.ts';
import type { RoleMapping } from '../core/csv/roles.ts';
import { columnNamed } from '../core/csv/header-names.ts';
import { dateLit } from '../core/sql/sql.ts';
import { mappingFor } from '../core/import/mapping.ts';
import type { DbClient } from '../db/client.ts';
import { translate } from '../i18n/translate.ts';
import type { LoadedFile } from '../run/loaded-file.ts';
import { openFile, type OpenedFile } from '../run/open-file.ts';
import { applyMapping } from '../run/stage.ts';
import { optionalString, optionList, requireOption, txRoles, type OptionSpec, type Values } from './options.ts';
import { ORDER_HELP, ORDER_OPTIONS, ORDER_ROLE_FLAGS, orderReportLines, orderRolesFrom, orderRulesFrom } from './order-options.ts';
import { openFiles } from '../run/open-files.ts';
import { NATIVE_FILES, NODE_FILES } from './io.ts';
import { NativeDbClient } from '../db/native.ts';
import { cliRaggedPolicy, raggedOption } from './ragged-option.ts';
import { raggedParams } from '../core/csv/ragged.ts';
import { repairParams } from '../core/csv/utf8-repair.ts';
import { DATE_OPTIONS, DATES_HELP, dateOptionsFrom } from './date-options.ts';


/** How any input file is read: the sheet of a workbook, ragged rows (every command that reads a file). */
export const FILE_OPTIONS: OptionSpec = {
	ragged: { type: 'string' },
	sheet: { type: 'string' }
};

export const FILE_HELP = `  --sheet NAME        sheet of an Excel .xlsx/.xlsm input (default: the first sheet with data)
  --ragged skip|stop  rows whose number of fields differs from the header's: skip them (default; a
                      warning lists their line numbers), or stop (exit 2, nothing written)`;

/** The FILE_OPTIONS as given (validated). */
export function inputOptions(v: Values): { sheet?: string; ragged: 'skip' | 'stop' } {
	return { sheet: optionalString(v, 'sheet'), ragged: raggedOption(v) };
}

/** The options every transactions command shares. */
export const TX_OPTIONS: OptionSpec = {
	input: { type: 'string', multiple: true },
	customer: { type: 'string' },
	date: { type: 'string' },
	amount: { type: 'string' },
	quantity: { type: 'string' },
	price: { type: 'string' },
	order: { type: 'string' },
	out: { type: 'string' },
	...FILE_OPTIONS,
	...DATE_OPTIONS,
	...ORDER_OPTIONS
};

export const TX_HELP = `  --input FILE        transactions CSV (delimiter, header and types are detected; .csv.gz accepted)
                      or Excel workbook (.xlsx, .xlsm)
  --customer COL      customer id column
  --date COL          order date column (format detected: ISO, 2024/1/5, 2024年1月5日, 05.01.2024 …)
  --amount COL        amount column (returns as negative amounts are netted)
  --quantity COL      … or quantity and
  --price COL         unit price columns: amount = quantity × price
  --order COL         order id column (optional)
${FILE_HELP}
${DATES_HELP}
  --out FILE          write the CSV here (default: standard output); nothing is written on error

${ORDER_HELP}`;

export function rolesFrom(v: Values): RoleMapping {
	const roles = orderRolesFrom(v, txRoles(v));
	dateOptionsFrom(v); // --tz and --date-format fail before anything is read
	return roles;
}

/** A YYYY-MM-DD option, validated; undefined when absent. */
export function dateOption(v: Values, name: string): string | undefined {
	const s = optionalString(v, name);
	if (s === undefined) return undefined;
	try {
		dateLit(s);
	} catch {
		throw new ClienteleError('cli.badDate', { option: name, value: s });
	}
	return s;
}

/** A number option within [min, max]; the default when absent. */
export function numberOption(v: Values, name: string, def: number, min: number, max: number): number {
	const s = optionalString(v, name);
	if (s === undefined) return def;
	const n = Number(s);
	if (!Number.isFinite(n) || n < min || n > max)
		throw new ClienteleError('cli.badNumber', { option: name, value: s, min, max });
	return n;
}

/**
 * Loads --input into `raw`, checks the mapped columns exist, validates and builds `tx` — the same
 * pipeline as the page. Warnings go to stderr; the first error is thrown.
 */
export async function loadTransactions(db: DbClient, v: Values, txRolesGiven: RoleMapping): Promise<void> {
	const roles = orderRolesFrom(v, txRolesGiven);
	const inputs = optionList(v, 'input');
	if (inputs.length === 0) requireOption(v, 'input');
	const { status, refund, paid, ...tx } = roles;
	const columns = { ...tx, [ORDER_ROLE_FLAGS.status]: status, [ORDER_ROLE_FLAGS.refund]: refund, [ORDER_ROLE_FLAGS.paid]: paid };
	const file = inputs.length > 1 ? await openInputs(db, inputs, columns, inputOptions(v)) : await openInput(db, inputs[0]!, columns, { ...inputOptions(v), resolveHeaders: true });
	const dates = dateOptionsFrom(v);
	const rules = orderRulesFrom(v);
	const result = await applyMapping(db, file, mappingFor(file.sniff, resolveRoles(file, roles), dates.dateFormat, dates.timeZone, rules), { dayMonthChosen: dates.dateFormat !== undefined });
	const first = result.errors[0];
	if (first) throw cliError(first);
	for (const w of result.warnings) process.stderr.write(`warning: ${translate('en', w.code, w.params)}\n`);
	if (result.orders) for (const line of orderReportLines(result.orders, typeof v['exclude-status'] === 'string')) process.stderr.write(`${line}\n`);
}

/** How files reach the engine: the native one may take a .gz larger than the page's ceiling. */
const filesFor = (db: DbClient) => (db instanceof NativeDbClient ? NATIVE_FILES : NODE_FILES);

/** Several exports of the same shape read as one dataset (run/open-files.ts); the named columns checked. */
async function openInputs(db: DbClient, inputs: string[], columns: Record<string, string | undefined>, o: { sheet?: string; ragged?: 'skip' | 'stop' }): Promise<LoadedFile> {
	const io = { ...filesFor(db), askRagged: cliRaggedPolicy(o.ragged ?? 'skip', inputs.join(', ')) };
	const opened = await openFiles(db, inputs, { sheet: o.sheet, ragged: 'ask' }, io);
	if (!opened) throw new ClienteleError('import.cancelled');
	opened.opened.forEach((f, i) => {
		if (f.file.ragged) process.stderr.write(`warning: ${translate('en', 'ragged.skipped', { file: inputs[i]!, ...raggedParams(f.file.ragged) })}\n`);
		warnRepaired(f, inputs[i]!);
	});
	checkColumns(opened.file, columns, inputs[0]!, true);
	process.stderr.write(`note: ${translate('en', 'orders.files', { count: inputs.length, list: inputs.join(', ') })}\n`);
	return opened.file;
}

/**
 * Every named column is in the file (core/csv/header-names.ts: the header as written wins, then the
 * name as loaded). A header read under another name is accepted only where the caller maps the flags
 * through columnNamed (`resolve`); elsewhere the error names the name to give.
 */
function checkColumns(file: LoadedFile, columns: Record<string, string | undefined>, input: string, resolve = false): void {
	const names = file.sniff.columns.map((c) => c.name);
	for (const [option, col] of Object.entries(columns)) {
		if (!col) continue;
		const hit = columnNamed(file.sniff, col);
		if (hit === undefined) throw new ClienteleError('cli.noColumn', { column: col, option, file: input, list: names.join(', ') });
		if (hit !== col && !resolve) throw new ClienteleError('header.flagRenamed', { column: col, option, file: input, name: hit });
	}
}

/** The roles with each column as loaded (a header written with spaces or repeated is read under another name). */
function resolveRoles(file: LoadedFile, roles: RoleMapping): RoleMapping {
	return Object.fromEntries(Object.entries(roles).map(([role, col]) => [role, col === undefined ? col : (columnNamed(file.sniff, col) ?? col)])) as RoleMapping;
}

/** A mapping error as the CLI says it: the day/month question names --date-format. */
export function cliError(e: ClienteleError): ClienteleError {
	return e.code === 'dates.dayMonthUndecided' ? new ClienteleError('dates.cli.dayMonthUndecided', e.params) : e;
}

/**
 * Loads a CSV through the shared pipeline (run/open-file.ts) — encoding detected (GBK, UTF-16 …
 * transcoded in chunks to a temporary UTF-8 file, removed once DuckDB has read it) — and checks
 * the named columns exist. `table`: the text table to load into (default: the transactions' raw table).
 */
export async function openInput(
	db: DbClient,
	input: string,
	columns: Record<string, string | undefined>,
	o: { sheet?: string; ragged?: 'skip' | 'stop'; table?: string; resolveHeaders?: boolean } = {}
): Promise<LoadedFile> {
	const io = { ...filesFor(db), askRagged: cliRaggedPolicy(o.ragged ?? 'skip', input) };
	const named = Object.values(columns).filter((c): c is string => c !== undefined);
	const opened = await openFile(db, input, { sheet: o.sheet, ragged: 'ask', table: o.table, wideOnly: named }, io);
	if (!opened) throw new ClienteleError('import.cancelled');
	const { file } = opened;
	if (file.ragged) process.stderr.write(`warning: ${translate('en', 'ragged.skipped', { file: input, ...raggedParams(file.ragged) })}\n`);
	warnRepaired(opened, input);
	checkColumns(file, columns, opened.sheet === undefined ? input : file.fileName, o.resolveHeaders);
	return file;
}

/** UTF-8 with a few bad bytes was read with them as U+FFFD: the lines are named on stderr. */
function warnRepaired(opened: OpenedFile, input: string): void {
	if (opened.repaired) process.stderr.write(`warning: ${translate('en', 'encoding.cli.repaired', repairParams(input, opened.repaired))}\n`);
}

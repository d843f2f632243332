/**
 * `--emit-sql duckdb|spark` (issue 17): the command runs as usual on DuckDB-WASM while every
 * statement it issues is recorded (db/tap.ts); instead of its CSV it writes one annotated script —
 * the import projection with the mapping and cleaning choices, then the analysis, then the output
 * formatted in SQL exactly as the CLI formats it. Before the script is written it is run here on a
 * fresh engine (same DuckDB) and its CSV compared with the command's, byte for byte: a command whose
 * output is partly computed outside SQL is refused rather than exported wrong.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ClienteleError } from '../core/errors.ts';
import { moneyColumnsOf } from '../core/export/money.ts';
import { csvLinesSql } from '../core/emit-sql/csv-lines.ts';
import { renderDuckdb, type ScriptHeader } from '../core/emit-sql/duckdb.ts';
import { droppedFrom, onlyReads, pipelineSteps, replaceFileNames, type PipelineStep, type RanStatement } from '../core/emit-sql/pipeline.ts';
import { renderSpark, SparkRefusal } from '../core/emit-sql/spark.ts';
import { ident, raw, sql, type Sql } from '../core/sql/sql.ts';
import type { ColumnInfo } from '../db/client.ts';
import { NodeDbClient } from '../db/node.ts';
import { dbTap } from '../db/tap.ts';
import { translate } from '../i18n/translate.ts';
import { checkOutput, outputTap, readSampleBytes } from './io.ts';
import { detectEncoding } from '../core/csv/encoding.ts';

export type Dialect = 'duckdb' | 'spark';
export interface EmitRequest {
	dialect: Dialect;
	/** --emit-sql-data FILE: where the UTF-8 copy of an input DuckDB cannot read goes. */
	data?: string;
	/** The command's own arguments, without the two flags. */
	argv: string[];
}

/** Commands whose whole output is computed in SQL. */
export const EMIT_COMMANDS = ['rfm', 'migrate', 'abc', 'kpi retention', 'lifecycle', 'grade'] as const;
/** Commands that fit a model in TypeScript. */
const MODEL_COMMANDS = ['clv', 'forecast'];

/**
 * While a command is being exported: `active` (grade refuses its model indicators); `transform`, what
 * the command does to its rows in TypeScript, as SQL over the last query (set by emitTransform).
 */
export const emitting: { active: boolean; transform: ((inner: string, columns: string[]) => Sql) | null } = { active: false, transform: null };

/** Tells an export how the command changes its rows before writing them (a no-op when not exporting). */
export function emitTransform(t: (inner: string, columns: string[]) => Sql): void {
	if (emitting.active) emitting.transform = t;
}

/** Indicators a model computes outside SQL (grade's clv and p_alive). */
const MODEL_INDICATORS = ['clv', 'p_alive'];

/** While exporting, a grading standard with model indicators is refused (exit 2 naming them). */
export function refuseModelIndicators(names: readonly string[]): void {
	const models = names.filter((n) => MODEL_INDICATORS.includes(n));
	if (emitting.active && models.length) throw new ClienteleError('emitSql.modelIndicators', { list: models.join(', ') });
}

/** Takes --emit-sql and --emit-sql-data out of `argv`; null when neither is given. */
export function emitRequest(argv: readonly string[]): EmitRequest | null {
	const rest: string[] = [];
	let dialect: string | undefined;
	let data: string | undefined;
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i]!;
		const m = /^--(emit-sql|emit-sql-data)(?:=(.*))?$/s.exec(a);
		if (!m) {
			rest.push(a);
			continue;
		}
		const value = m[2] ?? (argv[i + 1]?.startsWith('--') ? undefined : argv[++i]);
		if (m[1] === 'emit-sql') dialect = value ?? '';
		else data = value ?? '';
	}
	if (dialect === undefined && data === undefined) return null;
	if (dialect === undefined) throw new ClienteleError('emitSql.dataOnly');
	// The recording listens to the built-in engine (db/tap.ts); the native one would run unheard.
	const native = rest.some((a, i) => /^--threads(=|$)/.test(a) || a === '--engine=native' || (a === '--engine' && rest[i + 1] === 'native'));
	if (native) throw new ClienteleError('emitSql.engine');
	if (dialect !== 'duckdb' && dialect !== 'spark') throw new ClienteleError('emitSql.badDialect', { value: dialect });
	if (data === '') throw new ClienteleError('cli.missingOption', { option: 'emit-sql-data' });
	return { dialect, data, argv: rest };
}

/** Refuses a command that cannot be exported (exit 2 naming the flag). */
export function checkEmitCommand(cmd: string, argv: readonly string[]): string {
	const name = cmd === 'kpi' && argv[0] === 'retention' ? 'kpi retention' : cmd;
	if (MODEL_COMMANDS.includes(cmd)) throw new ClienteleError('emitSql.notForCommand', { command: cmd });
	if (!(EMIT_COMMANDS as readonly string[]).includes(name)) throw new ClienteleError('emitSql.notSqlCommand', { command: name });
	return name;
}

const optionValues = (argv: readonly string[], flag: string) =>
	argv.flatMap((a, i) => (a === `--${flag}` && argv[i + 1] !== undefined ? [argv[i + 1]!] : a.startsWith(`--${flag}=`) ? [a.slice(flag.length + 3)] : []));

const shellWord = (s: string) => (/^[\w./:@=,+-]+$/u.test(s) ? s : `'${s.replaceAll("'", "'\\''")}'`);

/** What an input DuckDB cannot read as it is was: a workbook, text in another encoding, UTF-8 with bad bytes. */
function inputKind(file: string): string {
	if (/\.xls[xm]$/i.test(file)) return 'an Excel workbook';
	try {
		const encoding = detectEncoding(readSampleBytes(file)).encoding;
		return encoding === 'utf-8' ? 'UTF-8 with bytes that are not UTF-8' : `text in ${encoding.toUpperCase()}`;
	} catch {
		return 'not UTF-8 text';
	}
}

/** The files the command registered, as the script reads them. */
class FileMap {
	readonly files = new Map<string, string>();
	readonly inputs: ScriptHeader['inputs'] = [];
	/**
	 * `given`: every value on the command line (a file registered by its own path is read there);
	 * `inputs`: the --input values, in order (what a transcoded copy stands for).
	 */
	constructor(
		private readonly given: string[],
		private readonly inputFlags: string[],
		private readonly data: string | undefined
	) {}

	register(name: string, source: { kind: string; path?: string; text?: string }): void {
		const as = source.kind === 'path' ? this.given.find((g) => path.resolve(g) === path.resolve(source.path!)) : undefined;
		if (as !== undefined) {
			this.files.set(name, as);
			this.inputs.push({ given: as, reads: as });
			return;
		}
		const original = this.inputFlags.find((f) => !this.inputs.some((i) => i.given === f)) ?? name;
		const what = inputKind(original);
		if (!this.data) throw new ClienteleError('emitSql.needsData', { file: original, what });
		if ([...this.files.values()].includes(this.data)) throw new ClienteleError('emitSql.dataTwice', { count: 2 });
		checkOutput('emit-sql-data', this.data, this.given);
		if (source.kind === 'path') fs.copyFileSync(source.path!, this.data);
		else fs.writeFileSync(this.data, source.text ?? '');
		this.files.set(name, this.data);
		this.inputs.push({ given: original, reads: this.data, note: `${what}, written as UTF-8 CSV by --emit-sql-data` });
	}
}

/** Runs the command recording its statements; writes the script on standard output instead of its CSV. */
export async function runEmitting(cmd: string, req: EmitRequest, run: (argv: string[]) => Promise<string | null>): Promise<string | null> {
	const name = checkEmitCommand(cmd, req.argv);
	const ran: RanStatement[] = [];
	const files = new FileMap(req.argv.filter((a) => !a.startsWith('--')), optionValues(req.argv, 'input'), req.data);
	let output: { out: string | undefined; text: string } | undefined;
	dbTap.on = (e) => (e.kind === 'sql' ? ran.push({ text: e.text, columns: e.columns }) : files.register(e.name, e.source));
	outputTap.on = (out, text) => void (output = { out, text });
	emitting.active = true;
	try {
		const help = await run(req.argv);
		if (help) return help;
	} finally {
		dbTap.on = null;
		outputTap.on = null;
		emitting.active = false;
	}
	const transform = emitting.transform;
	emitting.transform = null;
	const query = [...ran].reverse().find((s) => onlyReads(s.text));
	if (!output || !query?.columns) throw new ClienteleError('emitSql.noOutput', { command: name });
	const steps = pipelineSteps(ran, files.files);
	const inner = replaceFileNames(query.text.trim(), files.files);
	const rows = transform ? transform(inner, query.columns.map((c) => c.name)).text : inner;
	const { lines, columns } = await verify(name, steps, rows, [...files.files.values()], output.text);
	const header: ScriptHeader = {
		commandLine: [cmd, ...req.argv].map(shellWord).join(' '),
		version: process.env.npm_package_version ?? '0.1.0',
		written: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
		inputs: files.inputs,
		options: optionPairs(req.argv),
		out: output.out ?? `${name.replace(' ', '-')}.csv`
	};
	const money = moneyColumnsOf(columns.map((c) => c.name));
	process.stdout.write(req.dialect === 'duckdb' ? renderDuckdb(header, steps, lines) : spark(header, steps, { rows, columns, money, bom: output.text.startsWith('\ufeff') }));
	if (req.data && !files.inputs.some((i) => i.reads === req.data))
		process.stderr.write(`note: ${translate('en', 'emitSql.dataUnused', { file: req.data })}\n`);
	return null;
}

/** renderSpark, its refusal as the CLI's message (exit 2 naming the flag, the step and what it uses). */
function spark(...a: Parameters<typeof renderSpark>): string {
	try {
		return renderSpark(...a);
	} catch (e) {
		if (e instanceof SparkRefusal) throw new ClienteleError('emitSql.spark', { step: (e as SparkRefusal & { step?: number }).step ?? 'output', what: e.what });
		throw e;
	}
}

/** The flags of a command line as name/value pairs (a switch's value is "on"). */
function optionPairs(argv: readonly string[]): [string, string][] {
	const out: [string, string][] = [];
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i]!;
		if (!a.startsWith('--')) continue;
		const eq = a.indexOf('=');
		if (eq > 0) out.push([a.slice(2, eq), a.slice(eq + 1)]);
		else if (argv[i + 1] !== undefined && !argv[i + 1]!.startsWith('--')) out.push([a.slice(2), argv[++i]!]);
		else out.push([a.slice(2), 'on']);
	}
	return out.filter(([k]) => k !== 'out');
}

/**
 * Runs the script's statements on a fresh engine, builds the output lines from the rows' types and
 * compares the CSV they make with the command's; returns the lines query.
 */
async function verify(command: string, steps: PipelineStep[], rows: string, paths: string[], expected: string): Promise<{ lines: string; columns: ColumnInfo[] }> {
	const db = await NodeDbClient.create();
	try {
		for (const p of new Set(paths)) await db.registerFile(p, { kind: 'path', path: p });
		for (const s of steps) {
			await db.exec(raw(s.sql));
			const t = droppedFrom(s.sql);
			if (t) s.after = (await db.query(sql`SELECT * FROM ${ident(t)} LIMIT 0`)).columns.map((c) => c.name);
		}
		const { columns } = await db.query(raw(`SELECT * FROM (${rows}) AS q LIMIT 0`));
		const lines = csvLinesSql(rows, columns, moneyColumnsOf(columns.map((c) => c.name)), expected.startsWith('\ufeff')).text;
		const r = await db.query(raw(lines));
		const head = r.columns[0]!.name;
		const got = [head, ...r.rows.map((row) => String(row[head]))].map((l) => `${l}\n`).join('');
		if (got === expected) return { lines, columns };
		const a = got.split('\n');
		const b = expected.split('\n');
		const line = a.findIndex((l, i) => l !== b[i]) + 1 || a.length + 1;
		throw new ClienteleError('emitSql.mismatch', { command, line });
	} finally {
		await db.close();
	}
}

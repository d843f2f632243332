/**
 * (b) The reference: native DuckDB through @duckdb/node-api, single-threaded, running the page's own
 * pipeline — loadTyped (sniffer, the file parsed into the typed table on its way in, the checks) and the
 * RFM model's queries (defaultAsOf, runRfm = rfmCustomersSql → ntileScoresSql → segmentSql,
 * segment summary, R×F heatmap), then a rule change and the value matrix (native-value.ts), grading
 * and the action list (native-grade-plan.ts) —
 * through a DbClient adapter, so it is the same SQL, not a copy.
 *
 * @duckdb/node-api, pinned to the DuckDB inside our duckdb-wasm, is installed on demand outside the
 * project (native-install.ts), never into package.json.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { NodeApi, Instance, Connection } from './native-install.ts';
import type { DbClient, FileSource, QueryResult, Row } from '../../src/db/client.ts';
import { mappingFor } from '../../src/core/import/mapping.ts';
import { loadTyped } from '../../src/run/load-file.ts';
import { canLoadTyped } from '../../src/run/stage.ts';
import { inspectSample, SAMPLE_BYTES } from '../../src/core/csv/inspect.ts';
import { guessRoles } from '../../src/core/csv/roles.ts';
import { runRfm } from '../../src/run/rfm.ts';
import { RFM_TABLE } from '../../src/run/tables.ts';
import { defaultAsOf } from '../../src/run/as-of.ts';
import { rfHeatmapSql, segmentSummarySql } from '../../src/core/sql/rfm.ts';
import { R10_DOCS } from '../../src/core/segments/rules.ts';
import { ident, sql, type Sql } from '../../src/core/sql/sql.ts';
import type { StepTime } from './trace.ts';
import {
	nativeResegment,
	nativeValueMatrix,
	type NativeResegment,
	type NativeValue
} from './native-value.ts';
import { nativeGrade, nativePlan, type NativeStep } from './native-grade-plan.ts';

/** Per customer, in customer order: what the pandas comparison checks (scripts/bench/pandas.ts). */
export const CUSTOMER_ROWS = sql`SELECT customer_id, recency_days, frequency, monetary, r_score, f_score, m_score, segment
	FROM ${ident(RFM_TABLE)} ORDER BY customer_id`;

function plain(v: unknown): string | number | boolean | null {
	if (v === null || v === undefined) return null;
	if (typeof v === 'bigint') return Number(v);
	if (v instanceof Date) return v.getTime();
	if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
	return String(v);
}

/**
 * A DbClient on native DuckDB. A registered file becomes a symlink in a scratch folder that is on
 * DuckDB's file_search_path, so read_csv('input_…') finds it exactly as the page's registered handle.
 * Every statement is timed into `steps` (labelled by its first words).
 */
class NativeDbClient implements DbClient {
	steps: StepTime[] = [];
	constructor(
		private readonly inst: Instance,
		private readonly conn: Connection,
		private readonly links: string
	) {}

	static async create(napi: NodeApi): Promise<NativeDbClient> {
		const inst = await napi.DuckDBInstance.create(':memory:', { threads: '1' });
		const conn = await inst.connect();
		const links = fs.mkdtempSync(path.join(os.tmpdir(), 'clientele-bench-links-'));
		await conn.run('SET threads=1');
		await conn.run(`SET file_search_path='${links.replaceAll("'", "''")}'`);
		return new NativeDbClient(inst, conn, links);
	}

	async query<T extends Row = Row>(q: Sql): Promise<QueryResult<T>> {
		const t0 = performance.now();
		const reader = await this.conn.runAndReadAll(q.text);
		const rows = reader
			.getRowObjectsJS()
			.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, plain(v)])) as T);
		this.steps.push({ label: label(q.text), ms: performance.now() - t0 });
		return { rows, columns: reader.columnNames().map((name) => ({ name, type: '' })) };
	}

	async exec(q: Sql): Promise<void> {
		const t0 = performance.now();
		await this.conn.run(q.text);
		this.steps.push({ label: label(q.text), ms: performance.now() - t0 });
	}

	async execCancellable(q: Sql): Promise<boolean> {
		await this.exec(q);
		return true;
	}

	cancel(): Promise<void> {
		return Promise.resolve();
	}

	registerFile(name: string, source: FileSource): Promise<void> {
		if (source.kind === 'path')
			fs.symlinkSync(path.resolve(source.path), path.join(this.links, name));
		else if (source.kind === 'text') fs.writeFileSync(path.join(this.links, name), source.text);
		else return Promise.reject(new Error('native bench client reads files by path or text'));
		return Promise.resolve();
	}

	dropFile(name: string): Promise<void> {
		fs.rmSync(path.join(this.links, name), { force: true });
		return Promise.resolve();
	}

	close(): Promise<void> {
		this.conn.closeSync?.();
		this.inst.closeSync?.();
		fs.rmSync(this.links, { recursive: true, force: true });
		return Promise.resolve();
	}
}

/** A short name for a statement: "CREATE … raw", "SELECT count(*) … tx", … */
export function label(text: string): string {
	const t = text.replace(/\s+/g, ' ').trim();
	const create = /^CREATE (?:OR REPLACE )?(TABLE|VIEW) ("?[\w]+"?)/i.exec(t);
	if (create)
		return `create ${create[2]!.replaceAll('"', '')}${create[1]!.toUpperCase() === 'VIEW' ? ' (view)' : ''}`;
	if (/^SELECT count\(\*\) AS n FROM "?(\w+)"?$/i.test(t))
		return `count ${/FROM "?(\w+)"?/i.exec(t)![1]}`;
	if (/ AS bad, /.test(t)) return 'validate mapping';
	if (/ AS "bad_0"/.test(t)) return 'mapping checks';
	if (/sum\(k\) OVER \(ORDER BY day\)/.test(t)) return 'default as-of';
	if (/ AS with_missing/.test(t)) return 'grade tier summary';
	if (/ AS d0_minus|^SELECT CAST\(count\(\*\) FILTER \(WHERE CASE /.test(t)) return 'grade sensitivity';
	if (/^SELECT floor\(total /.test(t)) return 'grade distribution';
	if (/^SELECT grp FROM/.test(t)) return 'plan group ids';
	if (/ AS control, /.test(t)) return 'plan summary';
	if (/ AS period, /.test(t)) return 'plan workload';
	if (/^SELECT customer_id, "group", service_level/.test(t)) return 'action list rows (all)';
	if (/ AS revenue_share/.test(t)) return 'segment summary';
	if (/ AS mean_monetary/.test(t)) return 'rf heatmap';
	if (/^SET /i.test(t)) return 'settings';
	return t.slice(0, 40);
}

export interface NativeRun {
	load_ms: number;
	rfm_ms: number;
	tx_rows: number;
	raw_rows: number;
	customers: number;
	steps: StepTime[];
	resegment: NativeResegment | null;
	value: NativeValue | null;
	grade: NativeStep | null;
	plan: NativeStep | null;
	/** CUSTOMER_ROWS after RFM (withCustomers only). */
	customerRows: Row[] | null;
}

/**
 * One cold run on a fresh in-memory instance: load (sniff + raw + validate + typed), RFM, then
 * (withValue) a rule change, the value matrix, grading and the action list as the page does them.
 */
export async function runNative(
	napi: NodeApi,
	file: string,
	o: { withValue?: boolean; withCustomers?: boolean } = {}
): Promise<NativeRun> {
	const withValue = o.withValue ?? true;
	const db = await NativeDbClient.create(napi);
	try {
		const t0 = performance.now();
		const fd = fs.openSync(file, 'r');
		const buf = Buffer.alloc(SAMPLE_BYTES);
		const n = fs.readSync(fd, buf, 0, SAMPLE_BYTES, 0);
		fs.closeSync(fd);
		const sample = new TextDecoder('utf-8').decode(buf.subarray(0, n));
		// As the page decides: a transactions file whose roles are all recognised loads typed-first.
		const inspected = inspectSample(sample, path.basename(file));
		const mapping = mappingFor(inspected.sniff, guessRoles(inspected.sniff.columns));
		const tSniff = performance.now();
		if (!canLoadTyped(mapping.roles)) throw new Error('the generated file should map by itself');
		const typed = await loadTyped(db, {
			fileName: path.basename(file),
			source: { kind: 'path', path: file },
			sample,
			inspected,
			mapping
		});
		if (!typed) throw new Error('load cancelled');
		const { file: loaded, result } = typed;
		if (result.errors.length) throw new Error(`mapping failed: ${JSON.stringify(result.errors)}`);
		const t1 = performance.now();
		db.steps.unshift({ label: 'read sample + sniff (JS, incl. register)', ms: tSniff - t0 });
		const d = await defaultAsOf(db, { today: new Date().toISOString().slice(0, 10) });
		if (!d) throw new Error('no as-of date');
		await runRfm(db, {
			asOf: d.asOf,
			frequency: loaded.guess.order ? 'orders' : 'days',
			set: R10_DOCS
		});
		const [summary] = await Promise.all([
			db.query<{ customers: number }>(segmentSummarySql(RFM_TABLE)),
			db.query(rfHeatmapSql(RFM_TABLE))
		]);
		const t2 = performance.now();
		const steps = [...db.steps];
		const customerRows = o.withCustomers ? (await db.query(CUSTOMER_ROWS)).rows : null;
		const reseg = withValue ? await nativeResegment(db, R10_DOCS) : null;
		const value = withValue ? await nativeValueMatrix(db, d.asOf) : null;
		const cost = Boolean(mapping.roles.cost);
		const g0 = db.steps.length;
		const grade = withValue ? await nativeGrade(db, { asOf: d.asOf, cost, clv: true }) : null;
		const p0 = db.steps.length;
		const plan = reseg ? await nativePlan(db, { asOf: d.asOf, set: reseg.set }) : null;
		if (grade) grade.steps = db.steps.slice(g0, p0);
		if (plan) plan.steps = db.steps.slice(p0);
		return {
			load_ms: t1 - t0,
			rfm_ms: t2 - t1,
			tx_rows: result.txRows,
			raw_rows: loaded.rows,
			customers: summary.rows.reduce((a, r) => a + r.customers, 0),
			steps,
			resegment: reseg,
			value,
			grade,
			plan,
			customerRows
		};
	} finally {
		await db.close();
	}
}

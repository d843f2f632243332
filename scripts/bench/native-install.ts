/**
 * The bench's native DuckDB, pinned to the DuckDB inside our duckdb-wasm (issue 17), so page ÷ native
 * measures WASM + browser and not two DuckDB versions: `SELECT version()` on the wasm engine (the
 * project's Node client, src/db/node.ts) gives e.g. v1.4.3; the matching @duckdb/node-api is
 * `1.4.3-r.<n>` (the latest r.<n> when first installed), installed on demand into a folder named by its
 * version (`<root>/node-api-1.4.3-r.3`), outside the project and never into package.json (npm 11 writes
 * a lockfile entry for it that `npm ci` rejects; see /work/shared/DUCKDB-WASM.md). A folder already
 * installed for that DuckDB version is reused (no registry access needed); the installed package's
 * version and the DuckDB version it reports are checked before use.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { NodeDbClient } from '../../src/db/node.ts';
import { sql } from '../../src/core/sql/sql.ts';

export const NATIVE_ROOT = process.env.CLIENTELE_BENCH_NATIVE ?? '/tmp/clientele-bench-native';
const PKG = '@duckdb/node-api';

/** The part of @duckdb/node-api we use (typed here: the package is not a project dependency). */
export interface NodeApi {
	version(): string;
	DuckDBInstance: { create(path?: string, options?: Record<string, string>): Promise<Instance> };
}
export interface Instance {
	connect(): Promise<Connection>;
	closeSync?(): void;
}
export interface Connection {
	run(sql: string): Promise<unknown>;
	runAndReadAll(
		sql: string
	): Promise<{ columnNames(): string[]; getRowObjectsJS(): Record<string, unknown>[] }>;
	closeSync?(): void;
}

export interface NativeEngine {
	api: NodeApi;
	/** DuckDB's own version in each engine, as `SELECT version()` gives it (v1.4.3). */
	native_version: string;
	wasm_version: string;
	/** The npm package installed, e.g. @duckdb/node-api@1.4.3-r.3. */
	native_package: string;
	dir: string;
}

/** `SELECT version()` on DuckDB-WASM through the project's Node client (v1.4.3). */
export async function wasmDuckdbVersion(): Promise<string> {
	const db = await NodeDbClient.create();
	try {
		return String((await db.query<{ v: string }>(sql`SELECT version() AS v`)).rows[0]!.v);
	} finally {
		await db.close();
	}
}

const rNumber = (v: string) => Number(/-r\.(\d+)$/.exec(v)?.[1] ?? -1);
const byR = (a: string, b: string) => rNumber(b) - rNumber(a);
const installed = (dir: string): string | null => {
	try {
		const p = path.join(dir, 'node_modules', PKG, 'package.json');
		return (JSON.parse(fs.readFileSync(p, 'utf8')) as { version: string }).version;
	} catch {
		return null;
	}
};

/** The @duckdb/node-api version for DuckDB `duckdb` (1.4.3): an installed one, else the registry's latest r.<n>. */
function pickVersion(duckdb: string, log: (s: string) => void): string {
	const prefix = `${duckdb}-r.`;
	const local = (fs.existsSync(NATIVE_ROOT) ? fs.readdirSync(NATIVE_ROOT) : [])
		.filter((d) => d.startsWith(`node-api-${prefix}`))
		.map((d) => d.slice('node-api-'.length))
		.filter((v) => installed(path.join(NATIVE_ROOT, `node-api-${v}`)) === v)
		.sort(byR);
	if (local[0]) return local[0];
	log(`looking up ${PKG} versions for DuckDB ${duckdb} (npm view) …`);
	const all = JSON.parse(
		execFileSync('npm', ['view', PKG, 'versions', '--json'], { encoding: 'utf8', timeout: 120_000 })
	) as string[];
	const match = all.filter((v) => v.startsWith(prefix)).sort(byR);
	if (!match[0])
		throw new Error(
			`no ${PKG} release for DuckDB ${duckdb} (the version inside @duckdb/duckdb-wasm)`
		);
	return match[0];
}

/**
 * The native engine matching the wasm one: installs the pinned @duckdb/node-api when missing, imports
 * it, and checks that the package and the DuckDB it reports are the ones asked for.
 */
export async function loadNodeApi(log: (s: string) => void): Promise<NativeEngine> {
	const wasm = await wasmDuckdbVersion();
	const duckdb = wasm.replace(/^v/, '');
	const version = pickVersion(duckdb, log);
	const dir = path.join(NATIVE_ROOT, `node-api-${version}`);
	if (installed(dir) !== version) {
		log(`installing ${PKG}@${version} into ${dir} (outside the project) …`);
		fs.mkdirSync(dir, { recursive: true });
		fs.writeFileSync(path.join(dir, 'package.json'), '{"private":true}\n');
		execFileSync(
			'npm',
			['install', '--prefix', dir, '--no-audit', '--no-fund', '--save-exact', `${PKG}@${version}`],
			{ stdio: 'inherit' }
		);
	}
	const got = installed(dir);
	if (got !== version)
		throw new Error(`${dir}: expected ${PKG}@${version}, found ${got ?? 'nothing'}`);
	const entry = path.join(dir, 'node_modules', PKG, 'lib/index.js');
	const mod = (await import(pathToFileURL(entry).href)) as NodeApi & { default?: NodeApi };
	const api = mod.DuckDBInstance ? mod : mod.default!;
	const native = api.version();
	if (native !== wasm)
		throw new Error(
			`${PKG}@${version} reports DuckDB ${native}, duckdb-wasm ${wasm}: not the same engine`
		);
	log(`native DuckDB ${native} (${PKG}@${version}) = DuckDB-WASM ${wasm}`);
	return {
		api,
		native_version: native,
		wasm_version: wasm,
		native_package: `${PKG}@${version}`,
		dir
	};
}

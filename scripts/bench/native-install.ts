/**
 * The bench's native DuckDB, pinned to the DuckDB inside our duckdb-wasm (issue 17), so page ÷ native
 * measures WASM + browser and not two DuckDB versions: `SELECT version()` on the wasm engine (the
 * project's Node client, src/db/node.ts) gives e.g. v1.4.3; the matching @duckdb/node-api is
 * `1.4.3-r.3` (pinned in src/db/native-install.ts, the installer `--engine native` uses too), installed on
 * demand into a folder named by its version (`<root>/node-api-1.4.3-r.3`), outside the project and never
 * into package.json (npm 11 writes a lockfile entry for it that `npm ci` rejects; see
 * /work/shared/DUCKDB-WASM.md). An installed folder is reused (no registry access needed); the DuckDB
 * version the package reports is checked against the wasm engine's before use.
 */
import { NodeDbClient } from '../../src/db/node.ts';
import { loadNative, nativeCacheDir, nativeDir, NATIVE_SPEC } from '../../src/db/native-install.ts';
import { sql } from '../../src/core/sql/sql.ts';

/** The cache folder of the native engine (CLIENTELE_BENCH_NATIVE, else the CLI's: src/db/native-install.ts). */
export const NATIVE_ROOT = process.env.CLIENTELE_BENCH_NATIVE ?? nativeCacheDir();

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

/**
 * The native engine matching the wasm one, through the project's installer (src/db/native-install.ts:
 * the pinned package, installed once into `<NATIVE_ROOT>/node-api-<version>`), checked against the
 * DuckDB inside duckdb-wasm.
 */
export async function loadNodeApi(log: (s: string) => void): Promise<NativeEngine> {
	const wasm = await wasmDuckdbVersion();
	const dir = nativeDir(NATIVE_ROOT);
	const api = (await loadNative({
		dir,
		log: ({ spec }) => log(`installing ${spec} into ${dir} (outside the project) …`)
	})) as unknown as NodeApi;
	const native = api.version();
	if (native !== wasm)
		throw new Error(`${NATIVE_SPEC} reports DuckDB ${native}, duckdb-wasm ${wasm}: not the same engine`);
	log(`native DuckDB ${native} (${NATIVE_SPEC}) = DuckDB-WASM ${wasm}`);
	return { api, native_version: native, wasm_version: wasm, native_package: NATIVE_SPEC, dir };
}

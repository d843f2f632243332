/**
 * Native DuckDB for `--engine native` (and the bench): @duckdb/node-api pinned to the DuckDB inside our
 * duckdb-wasm (1.32.0 = DuckDB v1.4.3), so both engines run the same DuckDB. It is installed on demand
 * into a cache folder outside the project — never into package.json: npm 11 writes a lockfile entry for
 * it that `npm ci` rejects (/work/shared/DUCKDB-WASM.md) — and loaded from there at run time, typed here.
 *
 * Cache folder: $CLIENTELE_NATIVE_DIR, else $XDG_CACHE_HOME/clientele, else ~/.cache/clientele; the
 * package goes into `<cache>/node-api-<version>`. Without registry access (or when npm fails) the
 * caller gets a `native.install` error giving the exact command to install it by hand.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ClienteleError } from '../core/errors.ts';

export const NATIVE_PACKAGE = '@duckdb/node-api';
/** The pinned package: its DuckDB is the one inside @duckdb/duckdb-wasm 1.32.0. */
export const NATIVE_VERSION = '1.4.3-r.3';
/** `SELECT version()` of both engines. */
export const NATIVE_DUCKDB = 'v1.4.3';
export const NATIVE_SPEC = `${NATIVE_PACKAGE}@${NATIVE_VERSION}`;

/** The part of @duckdb/node-api we use (typed here: the package is not a project dependency). */
export interface NativeApi {
	version(): string;
	DuckDBInstance: { create(path?: string, options?: Record<string, string>): Promise<NativeInstance> };
}
export interface NativeInstance {
	connect(): Promise<NativeConnection>;
	closeSync(): void;
}
export interface NativeReader {
	columnCount: number;
	columnName(i: number): string;
	/** DuckDBTypeId (the package's enum: BIGINT = 5, DATE = 13, DECIMAL = 19 …). */
	columnTypeId(i: number): number;
	/** The column's type as DuckDB writes it (e.g. DECIMAL(18,3)). */
	columnType(i: number): { toString(): string };
	currentRowCount: number;
	value(column: number, row: number): unknown;
}
export interface NativeConnection {
	run(sql: string): Promise<unknown>;
	runAndReadAll(sql: string): Promise<NativeReader>;
	interrupt(): void;
	closeSync(): void;
}

/** The cache folder (see the module comment); `env` for tests. */
export function nativeCacheDir(env: NodeJS.ProcessEnv = process.env): string {
	if (env.CLIENTELE_NATIVE_DIR) return path.resolve(env.CLIENTELE_NATIVE_DIR);
	const base = env.XDG_CACHE_HOME ? env.XDG_CACHE_HOME : path.join(os.homedir(), '.cache');
	return path.join(base, 'clientele');
}

/** The folder the pinned package is (to be) installed in. */
export function nativeDir(cache = nativeCacheDir()): string {
	return path.join(cache, `node-api-${NATIVE_VERSION}`);
}

/** The command that installs it by hand (what the error message gives). */
export function installCommand(dir = nativeDir()): string {
	const q = /^[\w./@:+-]+$/.test(dir) ? dir : `'${dir.replaceAll("'", "'\\''")}'`;
	return `npm install --prefix ${q} --no-save ${NATIVE_SPEC}`;
}

/** The version of the package installed in `dir`, or null. */
export function installedVersion(dir: string): string | null {
	try {
		const p = path.join(dir, 'node_modules', NATIVE_PACKAGE, 'package.json');
		return (JSON.parse(fs.readFileSync(p, 'utf8')) as { version: string }).version;
	} catch {
		return null;
	}
}

/** npm's reason for a failure, in a few words (its error code, e.g. ECONNREFUSED), never its whole log. */
function npmReason(stderr: string, status: number | null, error: Error | undefined): string {
	if (error) return error.message.split('\n')[0]!;
	const code = /npm (?:error|ERR!) code (\S+)/.exec(stderr)?.[1];
	return code ?? `npm exited with status ${status ?? 'unknown'}`;
}

/**
 * Installs the pinned package into `dir`: into a fresh folder beside it first, renamed into place when
 * complete, so an interrupted or concurrent install never leaves a half-installed folder behind.
 */
function install(dir: string, log: InstallLog): void {
	log({ spec: NATIVE_SPEC, dir });
	fs.mkdirSync(path.dirname(dir), { recursive: true });
	const tmp = fs.mkdtempSync(`${dir}.part-`);
	try {
		fs.writeFileSync(path.join(tmp, 'package.json'), '{"private":true}\n');
		const args = ['install', '--prefix', tmp, '--no-save', '--no-audit', '--no-fund', '--no-package-lock', '--loglevel=error', NATIVE_SPEC];
		const r = spawnSync('npm', args, { encoding: 'utf8', timeout: 600_000, stdio: ['ignore', 'pipe', 'pipe'] });
		if (r.status !== 0 || installedVersion(tmp) !== NATIVE_VERSION)
			throw new ClienteleError('native.install', { spec: NATIVE_SPEC, command: installCommand(dir), reason: npmReason(r.stderr ?? '', r.status, r.error) });
		try {
			fs.renameSync(tmp, dir);
		} catch (e) {
			// another process finished first: keep its folder
			if (installedVersion(dir) !== NATIVE_VERSION) throw e;
		}
	} finally {
		fs.rmSync(tmp, { recursive: true, force: true });
	}
}

/** Told once, before a first-time install starts (it takes a few seconds to minutes). */
export type InstallLog = (p: { spec: string; dir: string }) => void;

const loaded = new Map<string, Promise<NativeApi>>();

/**
 * The pinned @duckdb/node-api, installed into the cache folder when missing (`install: false`: fail
 * instead), imported, and checked to be DuckDB v1.4.3. Throws `native.install` (exit 2 in the CLI).
 */
export function loadNative(o: { dir?: string; log?: InstallLog; install?: boolean } = {}): Promise<NativeApi> {
	const dir = o.dir ?? nativeDir();
	let p = loaded.get(dir);
	if (!p) {
		p = importNative(dir, o.log ?? (({ spec }) => process.stderr.write(`installing ${spec} into ${dir} …\n`)), o.install ?? true);
		loaded.set(dir, p);
		p.catch(() => loaded.delete(dir));
	}
	return p;
}

async function importNative(dir: string, log: InstallLog, allowInstall: boolean): Promise<NativeApi> {
	if (installedVersion(dir) !== NATIVE_VERSION) {
		if (!allowInstall) throw new ClienteleError('native.install', { spec: NATIVE_SPEC, command: installCommand(dir), reason: 'not installed' });
		if (fs.existsSync(dir)) fs.rmSync(dir, { recursive: true, force: true }); // another version, or a broken folder
		install(dir, log);
	}
	const entry = path.join(dir, 'node_modules', NATIVE_PACKAGE, 'lib', 'index.js');
	let api: NativeApi;
	try {
		const mod = (await import(pathToFileURL(entry).href)) as NativeApi & { default?: NativeApi };
		api = mod.DuckDBInstance ? mod : mod.default!;
	} catch (e) {
		// e.g. the platform's binary package is missing: installing again by hand is the fix
		const reason = e instanceof Error ? e.message.split('\n')[0]!.replace(/\S*duckdb\S*/gi, 'the package') : 'it could not be loaded';
		throw new ClienteleError('native.install', { spec: NATIVE_SPEC, command: installCommand(dir), reason });
	}
	const version = api.version();
	if (version !== NATIVE_DUCKDB)
		throw new ClienteleError('native.install', { spec: NATIVE_SPEC, command: installCommand(dir), reason: `it reports DuckDB ${version}, not ${NATIVE_DUCKDB}` });
	return api;
}

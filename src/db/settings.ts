import { raw, sql, type Sql } from '../core/sql/sql.ts';

/**
 * Settings applied to every connection. Only core_functions is linked into the wasm build; with the
 * defaults, touching parquet/json/icu makes DuckDB fetch extensions from the network (and offline
 * the instance breaks). These four settings turn that into plain SQL errors, with no request made.
 * `extensionPath` must be a path on our own origin (or a local folder in Node).
 */
export function offlineSettings(extensionPath: string): Sql[] {
	return [
		raw('SET autoinstall_known_extensions = false'),
		raw('SET autoload_known_extensions = false'),
		sql`SET custom_extension_repository = ${extensionPath}`,
		sql`SET autoinstall_extension_repository = ${extensionPath}`,
		// Results are small; keep insertion order so rowid = data-row number - 1 for error messages.
		raw('SET preserve_insertion_order = true')
	];
}

/**
 * Runs an exported DuckDB script on native DuckDB (@duckdb/node-api pinned to the DuckDB inside our
 * duckdb-wasm, installed on demand outside the project by scripts/bench/native-install.ts), one thread.
 */
import fs from 'node:fs';
import { loadNodeApi } from '../../scripts/bench/native-install.ts';

export async function runNativeScript(file: string): Promise<void> {
	const engine = await loadNodeApi(() => undefined);
	const instance = await engine.api.DuckDBInstance.create(':memory:', { threads: '1' });
	const conn = await instance.connect();
	try {
		await conn.run(fs.readFileSync(file, 'utf8'));
	} finally {
		conn.closeSync?.();
		instance.closeSync?.();
	}
}

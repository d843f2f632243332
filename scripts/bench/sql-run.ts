/**
 * Child process of scripts/bench-sql.ts: runs one exported DuckDB script on native DuckDB (the pinned
 * @duckdb/node-api, see native-install.ts) in the current folder, then prints one JSON line with the
 * wall time and this process's peak resident memory (DuckDB's native allocations are in it).
 * DuckDB's memory limit is 40 % of the machine's memory (it spills to `spill/` in the current folder
 * beyond it), so the largest sizes do not push the machine into swapping or the kernel's OOM killer.
 *
 *   node --import tsx scripts/bench/sql-run.ts SCRIPT THREADS
 */
import fs from 'node:fs';
import os from 'node:os';
import { loadNodeApi } from './native-install.ts';

const [script, threads] = process.argv.slice(2);
if (!script || !threads) throw new Error('usage: sql-run.ts SCRIPT THREADS');
const engine = await loadNodeApi(() => undefined);
const text = fs.readFileSync(script, 'utf8');
const memoryLimit = `${Math.floor((os.totalmem() * 0.4) / 2 ** 30)}GB`;
const instance = await engine.api.DuckDBInstance.create(':memory:', { threads, memory_limit: memoryLimit, temp_directory: 'spill' });
const conn = await instance.connect();
const t0 = performance.now();
await conn.run(text);
const ms = Math.round(performance.now() - t0);
conn.closeSync?.();
instance.closeSync?.();
// maxRSS is in kilobytes.
process.stdout.write(JSON.stringify({ ms, peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024), memory_limit: memoryLimit }) + '\n');

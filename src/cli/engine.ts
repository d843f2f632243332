/**
 * `--engine wasm|native` and `--threads N`, taken by every command (options.ts parseOptions adds them):
 * the engine the command's SQL runs on. wasm (the default) is DuckDB-WASM's Node bundle, the page's own
 * engine; native is the same DuckDB (v1.4.3) built natively, multi-threaded, installed on first use
 * into a cache folder (db/native-install.ts). With --threads 1 its outputs are byte-identical to the
 * wasm engine's; with more threads, identical after each column's documented rounding.
 */
import { ClienteleError } from '../core/errors.ts';
import type { DbClient } from '../db/client.ts';
import { NativeDbClient } from '../db/native.ts';
import { NodeDbClient } from '../db/node.ts';
import { translate } from '../i18n/translate.ts';
import type { OptionSpec, Values } from './options.ts';

export const ENGINES = ['wasm', 'native'] as const;
export type Engine = (typeof ENGINES)[number];
export const MAX_THREADS = 256;

export const ENGINE_OPTIONS: OptionSpec = {
	engine: { type: 'string' },
	threads: { type: 'string' }
};

export const ENGINE_HELP = `
engine (every command):
  --engine wasm|native  the engine the SQL runs on: wasm (default; the page's DuckDB-WASM, one thread)
                        or native (the same DuckDB v1.4.3 built natively, multi-threaded; installed on
                        first use into ~/.cache/clientele, or $CLIENTELE_NATIVE_DIR, from the npm registry)
  --threads N           threads of the native engine (default: this machine's cores); with --threads 1
                        the output is byte-identical to the wasm engine's
`;

export interface EngineChoice {
	engine: Engine;
	/** Threads of the native engine; undefined: the machine's cores. */
	threads?: number;
}

/** The engine flags as given, checked: an unknown engine or a bad thread count names its flag (exit 2). */
export function engineChoice(v: Values): EngineChoice {
	const e = typeof v.engine === 'string' && v.engine !== '' ? v.engine : 'wasm';
	if (!(ENGINES as readonly string[]).includes(e)) throw new ClienteleError('cli.badChoice', { option: 'engine', value: e, list: ENGINES.join(', ') });
	const t = typeof v.threads === 'string' && v.threads !== '' ? v.threads : undefined;
	if (t === undefined) return { engine: e as Engine };
	const threads = Number(t);
	if (!/^\d+$/.test(t) || threads < 1 || threads > MAX_THREADS) throw new ClienteleError('cli.badNumber', { option: 'threads', value: t, min: 1, max: MAX_THREADS });
	if (e !== 'native') throw new ClienteleError('cli.needsOption', { option: 'threads', needs: 'engine native' });
	return { engine: 'native', threads };
}

/** A fresh engine for a command, as its flags choose. Close it when done. */
export function createDb(v: Values): Promise<DbClient> {
	const c = engineChoice(v);
	if (c.engine === 'wasm') return NodeDbClient.create();
	const log = (p: { spec: string; dir: string }) => process.stderr.write(`note: ${translate('en', 'native.installing', p)}\n`);
	return NativeDbClient.create({ threads: c.threads, log });
}

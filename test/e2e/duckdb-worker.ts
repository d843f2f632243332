import type { Page, Worker } from 'playwright-core';

/** The page's DuckDB worker: started from a Blob wrapper (db/engine-worker.ts), found by the global its script defines. */
export async function duckdbWorker(p: Page): Promise<Worker> {
	for (const w of p.workers()) if ((await w.evaluate(() => typeof (globalThis as { duckdb?: unknown }).duckdb).catch(() => '')) === 'object') return w;
	throw new Error(`no DuckDB worker among ${p.workers().map((w) => w.url()).join(', ')}`);
}

/**
 * Runs DuckDB out of memory in its Web Worker (found among the page's workers by its script's global), through
 * the worker's own message protocol (CONNECT, RUN_QUERY, START_PENDING_QUERY as @duckdb/duckdb-wasm's
 * AsyncDuckDB sends them), from outside the page's code: its memory limit is lowered to what it holds
 * now (the smallest limit it accepts, found by halving) and 4 MiB, a statement then fails with DuckDB's own
 * out-of-memory error; the limit is set back, and that error is the answer to the page's next long
 * statement (a file's load): what the page receives when a load runs out of memory. The answers to the
 * test's own requests are kept from the page. Returns DuckDB's message.
 */
export async function outOfMemory(p: Page): Promise<string> {
	const worker = await duckdbWorker(p);
	return worker.evaluate(async () => {
		type Msg = { messageId?: number; requestId?: number; type: string; data?: unknown };
		const g = globalThis as unknown as { onmessage: (e: { data: Msg }) => Promise<void>; postMessage: (m: Msg, t?: Transferable[]) => void };
		const post = g.postMessage.bind(g);
		const waiting = new Map<number, (m: Msg) => void>();
		g.postMessage = (m, t) => {
			const answer = m.requestId === undefined ? undefined : waiting.get(m.requestId);
			if (answer) answer(m);
			else post(m, t);
		};
		let id = 2_000_000_000;
		const ask = (type: string, data?: unknown) =>
			new Promise<Msg>((resolve) => {
				const messageId = id++;
				waiting.set(messageId, resolve);
				void g.onmessage({ data: { messageId, type, data } });
			});
		try {
			const conn = await ask('CONNECT');
			// The limit it has now, to give back (an Arrow answer: its one string, found in the bytes).
			const now = await ask('RUN_QUERY', [conn.data, "SELECT current_setting('memory_limit') AS v"]);
			const before = /\d+(\.\d+)? [KMGT]?i?B/.exec(new TextDecoder('latin1').decode(now.data as Uint8Array))?.[0];
			if (!before) return `memory_limit not read (${now.type})`;
			const limit = async (bytes: number) => (await ask('RUN_QUERY', [conn.data, `SET memory_limit = '${bytes}B'`])).type;
			let lo = 0;
			let hi = 256 * 1024 * 1024;
			while (hi - lo > 4096) {
				const mid = Math.floor((lo + hi) / 2);
				if ((await limit(mid)) === 'ERROR') lo = mid;
				else hi = mid;
			}
			// 4 MiB to spare, for the small allocations of the statements that follow; the table needs 80 MB.
			await limit(hi + 4 * 1024 * 1024);
			const oom = await ask('RUN_QUERY', [conn.data, 'CREATE TEMP TABLE clientele_oom AS SELECT range AS r FROM range(10000000)']);
			// The limit back (RESET does not restore it in the worker): the page's queries before its load run as before.
			if ((await ask('RUN_QUERY', [conn.data, `SET memory_limit = '${before}'`])).type !== 'QUERY_RESULT') return 'memory_limit not restored';
			await ask('DISCONNECT', conn.data);
			const handler = g.onmessage;
			g.onmessage = async (e) => {
				if (e.data.type !== 'START_PENDING_QUERY') return handler(e);
				g.onmessage = handler;
				post({ messageId: id++, requestId: e.data.messageId, type: 'ERROR', data: oom.data });
			};
			return oom.type === 'ERROR' ? (oom.data as { message: string }).message : oom.type;
		} finally {
			g.postMessage = post;
		}
	});
}

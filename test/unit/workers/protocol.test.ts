/**
 * The worker protocol in Node: the worker side (handleRequest) and the page side (WorkerChannel,
 * startJob) joined by a port that structured-clones every message both ways, as postMessage does.
 * A class instance does not survive that clone, so what arrives typed arrived as data.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ClienteleError } from '../../../src/core/errors.ts';
import { fitHandler } from '../../../src/workers/clv-compute.ts';
import type { ClvFitInput, ClvProgress } from '../../../src/core/clv/fit-types.ts';
import type { ClvWorker } from '../../../src/workers/clv-protocol.ts';
import { inspectOffThread } from '../../../src/workers/inspect-client.ts';
import {
	fromWorkerError,
	handleRequest,
	startJob,
	toWorkerError,
	WorkerChannel,
	type ServeOptions,
	type WorkerHandler,
	type WorkerPort,
	type WorkerRequest,
	type WorkerResponse,
	type WorkerSpec
} from '../../../src/workers/protocol.ts';
import { startXlsxRead, XlsxCancelled } from '../../../src/workers/xlsx-client.ts';


type Echo = WorkerSpec<{ n: number }, { doubled: number }, number>;

/** A worker in the same thread: every message is cloned on the way, like postMessage. */
function clonePort<S extends WorkerSpec<unknown, unknown, unknown>>(handler: WorkerHandler<S>, options?: ServeOptions<S>) {
	const port: WorkerPort & { terminated: boolean; crash(message: string): void } = {
		onmessage: null,
		onerror: null,
		terminated: false,
		postMessage(message) {
			const post = (msg: WorkerResponse<S>) => {
				const data = structuredClone(msg);
				if (!port.terminated) port.onmessage?.({ data } as MessageEvent);
			};
			void handleRequest(structuredClone(message) as WorkerRequest<S>, handler, post, options);
		},
		terminate() {
			port.terminated = true;
		},
		crash(message) {
			port.onerror?.({ message } as ErrorEvent);
		}
	};
	return port;
}

const crashed = (message: string) => new Error(`crashed: ${message}`);

describe('worker side: handleRequest', () => {
	it('posts the progress, then exactly one result', async () => {
		const posted: WorkerResponse<Echo>[] = [];
		await handleRequest<Echo>({ type: 'request', id: 7, input: { n: 21 } }, (i, progress) => {
			progress(0.5);
			progress(1);
			return { doubled: i.n * 2 };
		}, (m) => posted.push(m));
		expect(posted).toEqual([
			{ type: 'progress', id: 7, progress: 0.5 },
			{ type: 'progress', id: 7, progress: 1 },
			{ type: 'result', id: 7, result: { doubled: 42 } }
		]);
	});

	it('sends a ClienteleError as its code and params, anything else as its name and message', async () => {
		const posted: WorkerResponse<Echo>[] = [];
		const post = (m: WorkerResponse<Echo>) => posted.push(m);
		await handleRequest<Echo>({ type: 'request', id: 1, input: { n: 0 } }, () => {
			throw new ClienteleError('import.empty', { file: 'a.csv' });
		}, post);
		await handleRequest<Echo>({ type: 'request', id: 2, input: { n: 0 } }, async () => {
			throw new RangeError('no customers to fit');
		}, post);
		expect(posted).toEqual([
			{ type: 'error', id: 1, error: { kind: 'clientele', code: 'import.empty', params: { file: 'a.csv' } } },
			{ type: 'error', id: 2, error: { kind: 'other', name: 'RangeError', message: 'no customers to fit' } }
		]);
	});

	it('maps what the handler threw with mapError (a library error → a translated one)', async () => {
		const posted: WorkerResponse<Echo>[] = [];
		const mapError = (_e: unknown, input: { n: number }) => new ClienteleError('xlsx.corrupt', { file: `n${input.n}` });
		await handleRequest<Echo>({ type: 'request', id: 3, input: { n: 5 } }, () => {
			throw new Error('zip broken');
		}, (m) => posted.push(m), { mapError });
		expect(posted).toEqual([{ type: 'error', id: 3, error: { kind: 'clientele', code: 'xlsx.corrupt', params: { file: 'n5' } } }]);
	});

	it('ignores what is not a request', async () => {
		const posted: unknown[] = [];
		await handleRequest<Echo>({ type: 'fit', id: 1, input: { n: 1 } } as unknown as WorkerRequest<Echo>, () => ({ doubled: 2 }), (m) => posted.push(m));
		expect(posted).toEqual([]);
	});
});

describe('page side: WorkerChannel and startJob', () => {
	it('resolves the result and routes progress to its own request', async () => {
		const channel = new WorkerChannel<Echo>(clonePort<Echo>((i, p) => (p(i.n), { doubled: i.n * 2 })), crashed);
		const a: number[] = [];
		const b: number[] = [];
		const [ra, rb] = await Promise.all([channel.request({ n: 1 }, { onProgress: (p) => a.push(p) }), channel.request({ n: 2 }, { onProgress: (p) => b.push(p) })]);
		expect([ra, rb, a, b]).toEqual([{ doubled: 2 }, { doubled: 4 }, [1], [2]]);
	});

	it('a ClienteleError thrown in the worker arrives as the same ClienteleError (code and params)', async () => {
		const thrown = new ClienteleError('clv.fitFailed', { detail: 'no convergence', n: 3 });
		const fail: WorkerHandler<ClvWorker> = () => {
			throw thrown;
		};
		const job = startJob<ClvWorker>(clonePort<ClvWorker>(fail), {} as ClvFitInput, { crashed, cancelled: () => new Error('cancelled') });
		const e = await job.result.catch((x: unknown) => x);
		expect(e).toBeInstanceOf(ClienteleError);
		expect(e).not.toBe(thrown);
		expect({ code: (e as ClienteleError).code, params: (e as ClienteleError).params }).toEqual({ code: thrown.code, params: thrown.params });
		expect((e as Error).message).toBe(thrown.message);
	});

	it('other errors keep their name and message', () => {
		const e = fromWorkerError(toWorkerError(new TypeError('bad input')));
		expect([e.name, e.message, e instanceof ClienteleError]).toEqual(['TypeError', 'bad input', false]);
		expect(fromWorkerError(toWorkerError('a string')).message).toBe('a string');
	});

	it('a crashed worker rejects what waits and closes; the job terminates its worker when done', async () => {
		const port = clonePort<Echo>(() => new Promise<never>(() => undefined));
		const channel = new WorkerChannel<Echo>(port, crashed);
		const waiting = [channel.request({ n: 1 }), channel.request({ n: 2 })];
		port.crash('out of memory');
		await expect(Promise.all(waiting)).rejects.toThrow('crashed: out of memory');
		expect([channel.closed, port.terminated]).toEqual([true, true]);
		await expect(channel.request({ n: 3 })).rejects.toThrow(/crashed/);

		const donePort = clonePort<Echo>((i) => ({ doubled: i.n * 2 }));
		const job = startJob<Echo>(donePort, { n: 4 }, { crashed, cancelled: () => new Error('cancelled') });
		await expect(job.result).resolves.toEqual({ doubled: 8 });
		expect(donePort.terminated).toBe(true);
	});

	it('cancel() terminates the worker and rejects with the cancel error; a late answer is dropped', async () => {
		let finish: (r: { doubled: number }) => void = () => undefined;
		const port = clonePort<Echo>(() => new Promise((resolve) => (finish = resolve)));
		const job = startJob<Echo>(port, { n: 1 }, { crashed, cancelled: () => new XlsxCancelled() });
		job.cancel();
		finish({ doubled: 2 });
		await expect(job.result).rejects.toBeInstanceOf(XlsxCancelled);
		expect(port.terminated).toBe(true);
	});
});

describe('our three workers over the protocol', () => {
	const cols = (xs: number[]) => ({
		x: Float64Array.from(xs),
		tx: Float64Array.from(xs, (x) => x * 5),
		T: Float64Array.from(xs, () => 40),
		zbar: Float64Array.from(xs, (x) => (x > 0 ? 20 + x : 0)),
		holdout: Float64Array.from(xs, () => 0)
	});
	const input = (xs: number[]): ClvFitInput => ({ calibration: cols(xs), unit: 'week', holdoutLength: 0, horizonMonths: 12, monthlyDiscountRate: 0.01 });

	it('CLV: the fit crosses as data (typed arrays included), progress by stage', async () => {
		const stages: ClvProgress['stage'][] = [];
		const job = startJob<ClvWorker>(clonePort<ClvWorker>(fitHandler), input([0, 1, 2, 3, 1, 0, 4, 2]), {
			onProgress: (p) => stages.push(p.stage),
			crashed,
			cancelled: () => new Error('cancelled')
		});
		const r = await job.result;
		expect(r.scores.clv).toBeInstanceOf(Float64Array);
		expect(r.scores.pAlive).toHaveLength(8);
		expect([...new Set(stages)]).toEqual(['bgnbd', 'gammagamma', 'scoring', 'checks']);
	});

	it('CLV: an error of the fit keeps its name and message', async () => {
		const job = startJob<ClvWorker>(clonePort<ClvWorker>(fitHandler), input([]), { crashed, cancelled: () => new Error('cancelled') });
		await expect(job.result).rejects.toMatchObject({ name: 'RangeError', message: 'no customers to fit' });
	});

	it('inspection (in place, the same protocol): an empty sample is the translated import.empty', async () => {
		const e = await inspectOffThread('', 'empty.csv').catch((x: unknown) => x);
		expect(e).toBeInstanceOf(ClienteleError);
		expect((e as ClienteleError).code).toBe('import.empty');
		expect((e as ClienteleError).params).toEqual({ file: 'empty.csv' });
		const ok = await inspectOffThread('id,amount\n1,2\n', 'ok.csv');
		expect(ok.sniff.delimiter).toBe(',');
	});

	it('xlsx (in place, the same protocol): a corrupt workbook is the translated xlsx.corrupt', async () => {
		const bytes = readFileSync(new URL('../../fixtures/xlsx/corrupt.xlsx', import.meta.url));
		const job = startXlsxRead({ workbook: new Blob([bytes]), file: 'corrupt.xlsx' });
		const e = await job.result.catch((x: unknown) => x);
		expect(e).toBeInstanceOf(ClienteleError);
		expect((e as ClienteleError).code).toBe('xlsx.corrupt');
		expect((e as ClienteleError).params).toEqual({ file: 'corrupt.xlsx' });
	});
});

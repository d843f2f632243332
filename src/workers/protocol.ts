/**
 * The one message protocol of our workers (CLV fit, xlsx conversion, sample inspection).
 *
 *   page → worker   { type: 'request', id, input }
 *   worker → page   { type: 'progress', id, progress } …, then { type: 'result', id, result }
 *                   or { type: 'error', id, error }
 *
 * Errors cross as data: a ClienteleError as its code and params, rebuilt on the page as the same
 * ClienteleError (so the UI translates it); anything else as its name and message. A worker's
 * types are declared once as a WorkerSpec (in its `*-protocol.ts`), and both sides are typed by it.
 * The worker side is a plain function (handleRequest), so Node tests run it without a Worker.
 */
import { errorData, errorFromData, isClienteleError } from '../core/errors.ts';

/** What one worker takes, answers and reports on the way. */
export interface WorkerSpec<I = unknown, R = unknown, P = never> {
	input: I;
	result: R;
	progress: P;
}

/** Any worker's spec (the bound of the generic helpers below). */
type Spec = WorkerSpec<unknown, unknown, unknown>;

export interface WorkerRequest<S extends Spec> {
	type: 'request';
	id: number;
	input: S['input'];
}

/** An error as plain data (what postMessage can carry without losing its type). */
export type WorkerError =
	| ({ kind: 'clientele' } & ReturnType<typeof errorData>)
	| { kind: 'other'; name: string; message: string };

export type WorkerResponse<S extends Spec> =
	| { type: 'progress'; id: number; progress: S['progress'] }
	| { type: 'result'; id: number; result: S['result'] }
	| { type: 'error'; id: number; error: WorkerError };

export function toWorkerError(e: unknown): WorkerError {
	if (isClienteleError(e)) return { kind: 'clientele', ...errorData(e) };
	if (e instanceof Error) return { kind: 'other', name: e.name, message: e.message };
	return { kind: 'other', name: 'Error', message: String(e) };
}

/** The error the page throws for error data: the same ClienteleError, or an Error of that name. */
export function fromWorkerError(d: WorkerError): Error {
	if (d.kind === 'clientele') return errorFromData(d);
	const e = new Error(d.message);
	e.name = d.name;
	return e;
}

// ---------------------------------------------------------------- worker side

/** A worker's job: input and a progress callback in, the result out (or a throw). */
export type WorkerHandler<S extends Spec> = (
	input: S['input'],
	progress: (p: S['progress']) => void
) => S['result'] | Promise<S['result']>;

export interface ServeOptions<S extends Spec> {
	/** Turns what the handler threw into the error to send (e.g. a library error into a ClienteleError). */
	mapError?: (e: unknown, input: S['input']) => unknown;
}

type Post<S extends Spec> = (msg: WorkerResponse<S>) => void;

/**
 * Runs one request: posts its progress, then exactly one result or error. Never throws (a result
 * that cannot be posted is answered with an error instead); messages that are not requests are ignored.
 */
export async function handleRequest<S extends Spec>(
	req: WorkerRequest<S>,
	handler: WorkerHandler<S>,
	post: Post<S>,
	options: ServeOptions<S> = {}
): Promise<void> {
	if (req?.type !== 'request') return;
	const { id, input } = req;
	let msg: WorkerResponse<S>;
	try {
		const result = await handler(input, (progress) => post({ type: 'progress', id, progress }));
		msg = { type: 'result', id, result };
	} catch (e) {
		msg = { type: 'error', id, error: toWorkerError(options.mapError ? options.mapError(e, input) : e) };
	}
	try {
		post(msg);
	} catch (e) {
		post({ type: 'error', id, error: toWorkerError(e) });
	}
}

/** Inside a worker module: answers every request with `handler`. */
export function serveWorker<S extends Spec>(handler: WorkerHandler<S>, options: ServeOptions<S> = {}): void {
	const scope = self as unknown as DedicatedWorkerGlobalScope;
	scope.onmessage = (e: MessageEvent<WorkerRequest<S>>) => {
		void handleRequest(e.data, handler, (msg) => scope.postMessage(msg), options);
	};
}

// ---------------------------------------------------------------- page side

/** What the page needs of a worker (a Worker, or localPort() where there are none). */
export interface WorkerPort {
	postMessage(message: unknown, transfer: Transferable[]): void;
	terminate(): void;
	onmessage: ((e: MessageEvent) => void) | null;
	onerror: ((e: ErrorEvent) => void) | null;
}

export interface RequestOptions<S extends Spec> {
	onProgress?: (p: S['progress']) => void;
	/** Buffers handed over to the worker (no copy; unusable here afterwards). */
	transfer?: Transferable[];
}

interface Pending<S extends Spec> {
	resolve: (r: S['result']) => void;
	reject: (e: Error) => void;
	onProgress?: (p: S['progress']) => void;
}

/**
 * The page side of one worker: requests by id, progress routed to the request's callback, the
 * result resolved, error data rejected as the rebuilt error. A worker that fails (fails to start or
 * crashes) rejects what waits with `crashed(message)` and closes the channel.
 */
export class WorkerChannel<S extends Spec> {
	private nextId = 1;
	private readonly pending = new Map<number, Pending<S>>();
	#closed = false;

	constructor(
		private readonly port: WorkerPort,
		private readonly crashed: (message: string) => Error
	) {
		port.onmessage = (e: MessageEvent<WorkerResponse<S>>) => this.receive(e.data);
		port.onerror = (e: ErrorEvent) => this.close(this.crashed(e.message));
	}

	get closed(): boolean {
		return this.#closed;
	}

	request(input: S['input'], o: RequestOptions<S> = {}): Promise<S['result']> {
		if (this.#closed) return Promise.reject(this.crashed('worker closed'));
		const id = this.nextId++;
		return new Promise((resolve, reject) => {
			this.pending.set(id, { resolve, reject, onProgress: o.onProgress });
			const req: WorkerRequest<S> = { type: 'request', id, input };
			this.port.postMessage(req, o.transfer ?? []);
		});
	}

	/** Terminates the worker; whatever waits is rejected with `reason`. */
	close(reason?: Error): void {
		if (this.#closed) return;
		this.#closed = true;
		this.port.terminate();
		const waiting = [...this.pending.values()];
		this.pending.clear();
		for (const p of waiting) p.reject(reason ?? this.crashed('worker closed'));
	}

	private receive(m: WorkerResponse<S>): void {
		const p = this.pending.get(m.id);
		if (!p) return;
		if (m.type === 'progress') {
			p.onProgress?.(m.progress);
			return;
		}
		this.pending.delete(m.id);
		if (m.type === 'result') p.resolve(m.result);
		else p.reject(fromWorkerError(m.error));
	}
}

/** One request on a worker of its own: cancel() terminates it (the only way to stop a synchronous loop at once). */
export interface WorkerJob<R> {
	result: Promise<R>;
	cancel: () => void;
}

export function startJob<S extends Spec>(
	port: WorkerPort,
	input: S['input'],
	o: RequestOptions<S> & { crashed: (message: string) => Error; cancelled: () => Error }
): WorkerJob<S['result']> {
	const channel = new WorkerChannel<S>(port, o.crashed);
	const result = channel.request(input, o);
	// Done either way: the worker goes (a settled request leaves nothing to reject).
	void result.then(
		() => channel.close(),
		() => channel.close()
	);
	return { result, cancel: () => channel.close(o.cancelled()) };
}

/**
 * The same protocol without a thread, where there are no Web Workers (Node tests, the CLI): the
 * handler runs in place and answers through the same messages. terminate() only stops listening.
 */
export function localPort<S extends Spec>(handler: WorkerHandler<S>, options: ServeOptions<S> = {}): WorkerPort {
	let live = true;
	const port: WorkerPort = {
		onmessage: null,
		onerror: null,
		postMessage(message) {
			const post = (msg: WorkerResponse<S>) => {
				if (live) port.onmessage?.({ data: msg } as MessageEvent<WorkerResponse<S>>);
			};
			void handleRequest(message as WorkerRequest<S>, handler, post, options);
		},
		terminate() {
			live = false;
		}
	};
	return port;
}

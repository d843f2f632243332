/**
 * Figure drawing, one figure per task: a page of charts drawn in one go blocks the main thread for
 * the sum of all of them (hundreds of ms for the RFM plot set on large data). Jobs run in separate
 * macrotasks, figures on screen first, so input and paint get in between.
 */
interface Job {
	node: Element;
	run: () => void;
	label: string;
}

const jobs: Job[] = [];
let scheduled = false;
const channel = typeof MessageChannel === 'function' ? new MessageChannel() : null;
if (channel) channel.port1.onmessage = () => pump();

function schedule(): void {
	if (scheduled) return;
	scheduled = true;
	if (channel) channel.port2.postMessage(null);
	else setTimeout(pump, 0);
}

/**
 * Figures on screen, as an IntersectionObserver reports them after each layout. Asking the node
 * itself (getBoundingClientRect) forced a layout of whatever Svelte had just changed inside the
 * figure's task: 52–123 ms of a 155 ms task when the RFM view first appeared.
 */
const onScreenNodes = new WeakSet<Element>();
const observer =
	typeof IntersectionObserver === 'function'
		? new IntersectionObserver((entries) => {
				for (const e of entries) {
					if (e.isIntersecting) onScreenNodes.add(e.target);
					else onScreenNodes.delete(e.target);
				}
			})
		: null;

function forget(node: Element): void {
	if (!jobs.some((j) => j.node === node)) observer?.unobserve(node);
}

function pump(): void {
	scheduled = false;
	const i = Math.max(
		0,
		jobs.findIndex((j) => onScreenNodes.has(j.node))
	);
	const [job] = jobs.splice(i, 1);
	if (jobs.length) schedule();
	if (!job) return;
	forget(job.node);
	const t0 = performance.now();
	job.run();
	// Seen by the bench (scripts/bench): which figure took how long to draw.
	performance.measure(`clientele:figure ${job.label}`, { start: t0, end: performance.now() });
}

/** Runs `run` in a task of its own (figures on screen first); the returned function cancels it. */
export function enqueueRender(node: Element, run: () => void, label = 'figure'): () => void {
	const job: Job = { node, run, label };
	jobs.push(job);
	observer?.observe(node);
	schedule();
	return () => {
		const i = jobs.indexOf(job);
		if (i >= 0) jobs.splice(i, 1);
		forget(node);
	};
}

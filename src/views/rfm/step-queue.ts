/** Which step a change needs: rebuild the per-customer table, re-score it, or re-segment only. */
export type RfmStep = 'run' | 'rescore' | 'resegment';

const STRENGTH: Record<RfmStep, number> = { resegment: 0, rescore: 1, run: 2 };
/** Of two pending changes, the step that covers both. */
const stronger = (a: RfmStep | null, b: RfmStep): RfmStep =>
	a && STRENGTH[a] > STRENGTH[b] ? a : b;

/**
 * Changes run one after another: two runs interleaving their statements on the shared tables
 * could leave the scores of an older setting under the summary of a newer one. Rapid edits
 * coalesce: a change still waiting when a newer one arrives is skipped, and the newer one runs
 * the step that covers both (a re-score also re-segments, a run also re-scores).
 */
export class StepQueue {
	private queue: Promise<void> = Promise.resolve();
	/** Changes asked for and not started yet: only the latest runs, with the step covering them all. */
	private requests = 0;
	private pending: RfmStep | null = null;

	constructor(private readonly runStep: (step: RfmStep) => Promise<void>) {}

	/** Settles when the change has run, or was covered by a later one (then at once, skipped). */
	request(step: RfmStep): Promise<void> {
		this.pending = stronger(this.pending, step);
		const ticket = ++this.requests;
		const next = this.queue.then(() => {
			const s = this.pending;
			if (ticket !== this.requests || !s) return;
			this.pending = null;
			return this.runStep(s);
		});
		this.queue = next.catch(() => undefined);
		return next;
	}
}

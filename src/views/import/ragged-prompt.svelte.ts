import type { RaggedChoice, RaggedReport } from '../../core/csv/ragged.ts';

/**
 * The page's answer to ragged rows: loadFile pauses (the file already read, the previous data still
 * in place) until the user chooses to skip them or stop. No re-read either way.
 */
export class RaggedQuestion {
	/** The rows waiting for a decision (null: nothing asked). */
	pending = $state.raw<RaggedReport | null>(null);
	private resolve: ((c: RaggedChoice) => void) | null = null;
	private waited = 0;

	/** The policy handed to loadFile: shows the panel, resolves on the user's choice. */
	readonly ask = (report: RaggedReport): Promise<RaggedChoice> => {
		const t0 = performance.now();
		this.pending = report;
		return new Promise((resolve) => {
			this.resolve = (c) => {
				this.waited += performance.now() - t0;
				this.pending = null;
				this.resolve = null;
				resolve(c);
			};
		});
	};

	choose(c: RaggedChoice): void {
		this.resolve?.(c);
	}

	/** Milliseconds spent waiting for the user since the last call (kept out of the load rate). */
	takeWaited(): number {
		const w = this.waited;
		this.waited = 0;
		return w;
	}
}

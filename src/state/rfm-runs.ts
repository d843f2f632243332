/**
 * Readiness of the RFM run as a promise: the run started for a data version (session.txVersion)
 * settles the promise of that version, whoever asks for it first — the owner that starts the run
 * (App.svelte) or what waits for it (the sample touchpoints and surveys load after it, so their
 * reads do not queue behind it on the one engine connection). No polling, no timed retries.
 */

interface Run {
	version: number;
	settled: Promise<void>;
	/** Present until the run of this version has started. */
	start?: (run: Promise<unknown>) => void;
}

let current: Run = { version: -1, settled: Promise.resolve() };

function runFor(version: number): Run {
	if (version !== current.version) {
		// A version that never got its run (a newer one came first) is over too.
		current.start?.(Promise.resolve());
		let start: (run: Promise<unknown>) => void = () => undefined;
		const settled = new Promise<void>((resolve) => {
			start = (run) => void run.then(() => resolve(), () => resolve());
		});
		current = { version, settled, start };
	}
	return current;
}

export const rfmRuns = {
	/** The RFM run of data version `version` has started; its end (ready or failed) settles settled(version). */
	started(version: number, run: Promise<unknown>): void {
		if (version < current.version) return;
		const r = runFor(version);
		const start = r.start;
		delete r.start;
		start?.(run);
	},

	/**
	 * Resolves once the RFM run of data version `version` has finished, ready or failed; at once for
	 * an older version (a newer run has replaced it). Only ask for a version that gets a run.
	 */
	settled(version: number): Promise<void> {
		if (version < current.version) return Promise.resolve();
		return runFor(version).settled;
	}
};

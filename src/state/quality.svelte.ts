import type { QualityFixes, QualityReport } from '../core/csv/quality.ts';

/**
 * The data-quality settings of the current analysis, readable by every view (e.g. the RFM method
 * notes list the fixes in effect). `applied` is what the typed transaction table was built with;
 * the quality view writes it, the import flow resets it when a new file is loaded.
 */
class QualityState {
	/** Fix policies in effect in the analysis table (a missing kind means 'keep'). */
	applied = $state.raw<QualityFixes>({});
	/** The latest report (null until one has run for the current data). */
	report = $state.raw<QualityReport | null>(null);
	/** session.txVersion the report was computed for (stale when it differs). */
	reportVersion = $state(-1);

	/** The kinds with a policy other than 'keep', in a stable order. */
	get activeFixes(): { kind: string; policy: string }[] {
		return Object.entries(this.applied)
			.filter(([, p]) => p !== undefined && p !== 'keep')
			.map(([kind, policy]) => ({ kind, policy: policy! }))
			.sort((a, b) => a.kind.localeCompare(b.kind));
	}

	reset(): void {
		this.applied = {};
		this.report = null;
		this.reportVersion = -1;
	}
}

export const quality = new QualityState();

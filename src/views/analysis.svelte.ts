import type { RfmModel } from './rfm/rfm-model.svelte.ts';
import type { ImportModel } from './import/import-model.svelte.ts';

/**
 * App-wide analysis state shared between views: the import flow and the RFM run of the current
 * transactions (other views join its segments). App.svelte creates a fresh RfmModel whenever the
 * typed transaction table is rebuilt. It holds view models, so it lives beside the views (state/
 * never imports views/); what waits for the RFM run asks state/rfm-runs.ts.
 */
class Analysis {
	rfm = $state.raw<RfmModel | null>(null);
	importModel = $state.raw<ImportModel | null>(null);
	/** The view the app shows; a view may switch it (e.g. import → RFM after mapping). */
	view = $state('import');
}

export const analysis = new Analysis();

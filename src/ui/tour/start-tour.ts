/**
 * Starting the tour. It runs on the sample data: with nothing loaded the sample is loaded first; with
 * the user's own data loaded the page asks (load the sample, which replaces it in the page, or tour
 * the user's data) — the user's data is never replaced without that answer.
 */
import { tourPlan, type TourStep } from '../../core/tour/steps.ts';
import { i18n } from '../../i18n/i18n.svelte.ts';
import { analysis } from '../../state/analysis.svelte.ts';
import { session } from '../../state/session.svelte.ts';
import { tour } from '../../state/tour.svelte.ts';

/** A tab as the tour and presenter view see it (views/view-def.ts's ViewDef has these). */
export interface TourTab {
	readonly id: string;
	readonly enabled: () => boolean;
}

export function planFor(tabs: readonly TourTab[]): TourStep[] {
	return tourPlan(tabs.map((t) => ({ id: t.id, enabled: t.enabled() })));
}

/** The Tour button. */
export function startTour(tabs: readonly TourTab[]): void {
	if (tour.open && tour.phase === 'loading') return;
	if (analysis.importFlow?.busy) return tour.show('busy');
	const loaded = session.file !== null || session.customersReady;
	if (session.isSample) return tour.begin(planFor(tabs));
	if (loaded) return tour.show('ask');
	void tourSample(tabs);
}

/** Loads the sample in the page's language, then starts (unless the tour was closed meanwhile). */
export async function tourSample(tabs: readonly TourTab[]): Promise<void> {
	const flow = analysis.importFlow;
	if (!flow) return tour.show('failed');
	tour.show('loading');
	await flow.loadSample(i18n.lang);
	if (!tour.open) return;
	if (!session.isSample) return tour.show('failed');
	tour.begin(planFor(tabs));
}

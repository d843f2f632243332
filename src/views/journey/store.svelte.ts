import { datasets } from '../../state/datasets.svelte.ts';
import { session } from '../../state/session.svelte.ts';
import { quadrantTableFresh } from '../kpis/matrix-fresh.ts';
import { JourneyModel } from './journey-model.svelte.ts';

/** One journey model for the page's life: choices survive tab switches. */
export const journeyModel = new JourneyModel(() => datasets.touchpoints.db ?? session.db, datasets.touchpoints, quadrantTableFresh);

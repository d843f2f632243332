import { customerTables } from '../../state/customer-tables.svelte.ts';
import { datasets } from '../../state/datasets.svelte.ts';
import { session } from '../../state/session.svelte.ts';
import { JourneyModel } from './journey-model.svelte.ts';

/** One journey model for the page's life: choices survive tab switches. */
export const journeyModel = new JourneyModel({ db: () => datasets.touchpoints.db ?? session.db, touchpoints: datasets.touchpoints, tables: customerTables });

import { createContext } from 'svelte';
import { customerTables } from '../../state/customer-tables.svelte.ts';
import { datasets } from '../../state/datasets.svelte.ts';
import { session } from '../../state/session.svelte.ts';
import { JourneyModel } from './journey-model.svelte.ts';

/** A journey model over the page's datasets; App.svelte, the owner, makes one for the page's life. */
export function createJourneyModel(): JourneyModel {
	return new JourneyModel({ db: () => datasets.touchpoints.db ?? session.db, touchpoints: datasets.touchpoints, tables: customerTables });
}

/** The page's journey model, provided by App.svelte: choices survive tab switches. */
export const [getJourneyModel, provideJourneyModel] = createContext<JourneyModel>();

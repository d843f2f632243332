import { createContext } from 'svelte';
import { customerTables } from '../../state/customer-tables.svelte.ts';
import { datasets } from '../../state/datasets.svelte.ts';
import { session } from '../../state/session.svelte.ts';
import { KpiModel } from './kpi-model.svelte.ts';

/** A KPI model over the page's datasets; App.svelte, the owner, makes one for the page's life. */
export function createKpiModel(): KpiModel {
	return new KpiModel({
		db: () => session.db ?? datasets.surveys.db,
		surveys: datasets.surveys,
		tx: () => ({ ready: session.ready, version: session.txVersion }),
		tables: customerTables
	});
}

/** The page's KPI model, provided by App.svelte: choices survive tab switches. */
export const [getKpiModel, provideKpiModel] = createContext<KpiModel>();

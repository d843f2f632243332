import { customerTables } from '../../state/customer-tables.svelte.ts';
import { datasets } from '../../state/datasets.svelte.ts';
import { session } from '../../state/session.svelte.ts';
import { KpiModel } from './kpi-model.svelte.ts';

/** One KPI model for the page's life: targets and choices survive tab switches. */
export const kpiModel = new KpiModel({
	db: () => session.db ?? datasets.surveys.db,
	surveys: datasets.surveys,
	tx: () => ({ ready: session.ready, version: session.txVersion }),
	tables: customerTables
});

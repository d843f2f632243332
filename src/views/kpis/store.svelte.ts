import { datasets } from '../../state/datasets.svelte.ts';
import { session } from '../../state/session.svelte.ts';
import { KpiModel } from './kpi-model.svelte.ts';
import { quadrantTableFresh } from './matrix-fresh.ts';

/** One KPI model for the page's life: targets and choices survive tab switches. */
export const kpiModel = new KpiModel(
	() => session.db ?? datasets.surveys.db,
	datasets.surveys,
	() => session.ready,
	quadrantTableFresh
);

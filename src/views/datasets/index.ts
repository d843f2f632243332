import type { ViewDef } from '../view-def.ts';
import DatasetsPage from './DatasetsPage.svelte';

/** Touchpoint events and survey answers: open, map, apply (the journey and KPI views read them). */
export const view: ViewDef = { id: 'datasets', titleKey: 'nav.datasets', order: 55, enabled: () => true, component: DatasetsPage };

import type { ViewDef } from '../view-def.ts';
import ForecastPage from './ForecastPage.svelte';

/** Demand forecasting (需求预测). Always open: its empty state says what to load. */
export const view: ViewDef = { id: 'forecast', titleKey: 'nav.forecast', order: 75, enabled: () => true, component: ForecastPage };

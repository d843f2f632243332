import type { ViewDef } from '../view-def.ts';
import KpisPage from './KpisPage.svelte';

/** Satisfaction, loyalty and retention KPIs against targets. Always open: its empty state says what to load. */
export const view: ViewDef = { id: 'kpis', titleKey: 'nav.kpis', order: 60, enabled: () => true, component: KpisPage };

import { analysis } from '../../state/analysis.svelte.ts';
import type { ViewDef } from '../view-def.ts';
import LifecyclePage from './LifecyclePage.svelte';

/** Lifecycle stages (needs transactions: a customer table has no purchase days). */
export const view: ViewDef = { id: 'lifecycle', titleKey: 'nav.lifecycle', order: 37, enabled: () => analysis.rfm !== null && analysis.rfm.customerTable === null, component: LifecyclePage };

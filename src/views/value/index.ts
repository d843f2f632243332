import { analysis } from '../analysis.svelte.ts';
import type { ViewDef } from '../view-def.ts';
import ValuePage from './ValuePage.svelte';

export const view: ViewDef = { id: 'value', titleKey: 'nav.value', order: 40, enabled: () => analysis.rfm !== null && analysis.rfm.customerTable === null, component: ValuePage };

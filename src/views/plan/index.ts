import { analysis } from '../../state/analysis.svelte.ts';
import type { ViewDef } from '../view-def.ts';
import PlanPage from './PlanPage.svelte';

export const view: ViewDef = { id: 'plan', titleKey: 'nav.plan', order: 75, enabled: () => analysis.rfm !== null && analysis.rfm.customerTable === null, component: PlanPage };

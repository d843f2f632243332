import { analysis } from '../../state/analysis.svelte.ts';
import type { ViewDef } from '../view-def.ts';
import MigratePage from './MigratePage.svelte';

export const view: ViewDef = { id: 'migration', titleKey: 'nav.migration', order: 35, enabled: () => analysis.rfm !== null && analysis.rfm.customerTable === null, component: MigratePage };

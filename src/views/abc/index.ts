import { analysis } from '../../state/analysis.svelte.ts';
import type { ViewDef } from '../view-def.ts';
import AbcPage from './AbcPage.svelte';

export const view: ViewDef = { id: 'abc', titleKey: 'nav.abc', order: 45, enabled: () => analysis.rfm !== null && analysis.rfm.customerTable === null, component: AbcPage };

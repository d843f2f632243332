import { analysis } from '../../state/analysis.svelte.ts';
import type { ViewDef } from '../view-def.ts';
import RfmPage from './RfmPage.svelte';

export const view: ViewDef = { id: 'rfm', titleKey: 'nav.rfm', order: 30, enabled: () => analysis.rfm !== null, component: RfmPage };

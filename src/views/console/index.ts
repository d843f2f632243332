import { session } from '../../state/session.svelte.ts';
import type { ViewDef } from '../view-def.ts';
import ConsolePage from './ConsolePage.svelte';

/** The SQL console (issue 16): one checked statement per run over the loaded tables and results. */
export const view: ViewDef = { id: 'console', titleKey: 'nav.console', order: 95, enabled: () => session.db !== null, component: ConsolePage };

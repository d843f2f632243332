import { analysis } from '../../state/analysis.svelte.ts';
import type { ViewDef } from '../view-def.ts';
import PersonaPage from './PersonaPage.svelte';

/** Personas and behaviour classes (needs transactions: a customer table has no orders to classify). */
export const view: ViewDef = { id: 'persona', titleKey: 'nav.persona', order: 49, enabled: () => analysis.rfm !== null && analysis.rfm.customerTable === null, component: PersonaPage };

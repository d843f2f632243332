import type { ViewDef } from '../view-def.ts';
import JourneyPage from './JourneyPage.svelte';

/** Customer journey and touchpoints. Always open: its empty state says which file to load. */
export const view: ViewDef = { id: 'journey', titleKey: 'nav.journey', order: 70, enabled: () => true, component: JourneyPage };

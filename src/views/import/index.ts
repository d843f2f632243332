import type { ViewDef } from '../view-def.ts';
import ImportPage from './ImportPage.svelte';

export const view: ViewDef = { id: 'import', titleKey: 'nav.import', order: 10, enabled: () => true, component: ImportPage };

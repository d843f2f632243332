import { session } from '../../state/session.svelte.ts';
import type { ViewDef } from '../view-def.ts';
import PivotPage from './PivotPage.svelte';

/** The pivot table (透视表) over any loaded table: it needs a loaded file. */
export const view: ViewDef = { id: 'pivot', titleKey: 'nav.pivot', order: 22, enabled: () => session.file !== null, component: PivotPage };

import { session } from '../../state/session.svelte.ts';
import type { ViewDef } from '../view-def.ts';
import DataView from './DataView.svelte';

export const view: ViewDef = { id: 'data', titleKey: 'nav.data', order: 20, enabled: () => session.file !== null, component: DataView };

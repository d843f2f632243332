import { session } from '../../state/session.svelte.ts';
import type { ViewDef } from '../view-def.ts';
import QualityView from './QualityView.svelte';

export const view: ViewDef = { id: 'quality', titleKey: 'nav.quality', order: 25, enabled: () => session.file !== null && session.kind === 'transactions', component: QualityView };

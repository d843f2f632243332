import type { SettingsSpec } from '../../core/project/settings-spec.ts';

/** The persona view's basis, class columns and night-owl rule (project files); groups compared are a selection. */
export const PERSONA_SETTINGS: SettingsSpec = {
	key: 'persona',
	files: ['views/persona/persona-model.svelte.ts'],
	fields: ['basis', 'column', 'columns', 'minOrders', 'nightShare'],
	transient: ['status', 'error', 'result', 'names', 'textColumns', 'available', 'compare']
};

import type { SettingsSpec } from '../../core/project/settings-spec.ts';

/** ABC's class limits (project files); its dates are the analysis window's. */
export const ABC_SETTINGS: SettingsSpec = {
	key: 'abc',
	files: ['views/abc/abc-model.svelte.ts'],
	fields: ['aPct', 'bPct'],
	transient: ['fromDraft', 'toDraft', 'status', 'error', 'applied', 'classes', 'curve', 'stats', 'range', 'selected', 'version']
};

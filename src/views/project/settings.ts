import type { SettingsSpec } from '../../core/project/settings-spec.ts';

/** The project dialog itself: no setting (a passphrase is never saved). */
export const PROJECT_DIALOG: SettingsSpec = {
	key: 'projectDialog',
	files: ['views/project/project-model.svelte.ts'],
	fields: [],
	transient: ['dialog', 'includeData', 'encrypt', 'passphrase', 'sizes', 'busy', 'error', 'notes', 'report', 'waiting', 'locked', 'link']
};

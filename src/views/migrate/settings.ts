import type { SettingsSpec } from '../../core/project/settings-spec.ts';

/** The migration's two dates (project files). */
export const MIGRATE_SETTINGS: SettingsSpec = {
	key: 'migrate',
	files: ['views/migrate/migrate-model.svelte.ts'],
	fields: ['from', 'to'],
	transient: ['status', 'error', 'matrix', 'fallen', 'done']
};

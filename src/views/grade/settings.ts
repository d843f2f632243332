import type { SettingsSpec } from '../../core/project/settings-spec.ts';

/** The grading standard being edited (project files). */
export const GRADE_SETTINGS: SettingsSpec = {
	key: 'grade',
	files: ['views/grade/grade-model.svelte.ts', 'views/grade/sources.svelte.ts'],
	fields: ['standard'],
	transient: ['status', 'error', 'result', 'applied', 'available', 'version']
};

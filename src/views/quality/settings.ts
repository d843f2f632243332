import type { SettingsSpec } from '../../core/project/settings-spec.ts';

/** The quality view's run state: no setting (the fixes in effect are state/quality's, QUALITY_SETTINGS). */
export const QUALITY_VIEW_SETTINGS: SettingsSpec = {
	key: 'qualityView',
	files: ['views/quality/quality-model.svelte.ts'],
	fields: [],
	transient: ['status', 'error']
};

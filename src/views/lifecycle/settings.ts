import type { SettingsSpec } from '../../core/project/settings-spec.ts';

/** The lifecycle thresholds and dates ('' = the data's default; project files). */
export const LIFECYCLE_SETTINGS: SettingsSpec = {
	key: 'lifecycle',
	files: ['views/lifecycle/lifecycle-model.svelte.ts'],
	fields: ['asOf', 'newDays', 'activeDays', 'churnDays', 'flowFrom', 'flowTo'],
	transient: ['status', 'error', 'summary', 'bySegment', 'unpaidBuyers', 'done', 'suggestion', 'flowStatus', 'flowError', 'flow', 'flowDone']
};

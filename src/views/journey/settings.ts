import type { SettingsSpec } from '../../core/project/settings-spec.ts';

/** The journey's choices (project files); the filter, funnel steps and channel map name touchpoint values. */
export const JOURNEY_SETTINGS: SettingsSpec = {
	key: 'journey',
	files: ['views/journey/journey-model.svelte.ts'],
	fields: ['filter', 'pathSteps', 'topN', 'collapseRepeats', 'funnelField', 'funnelSteps', 'windowDays', 'funnelSplit', 'useChannelColumn', 'channels'],
	transient: [],
	fromData: ['filter', 'funnelSteps', 'channels']
};

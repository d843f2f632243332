import type { SettingsSpec } from '../../core/project/settings-spec.ts';

/** The service plans (edited strategies) and the schedule (project files). */
export const PLAN_SETTINGS: SettingsSpec = {
	key: 'plan',
	files: ['views/plan/plan-model.svelte.ts'],
	fields: ['basis', 'start', 'horizonDays', 'workdays', 'seed', 'plans', 'period', 'exportColumns'],
	transient: ['status', 'error', 'groups', 'workload', 'preview'],
	// The start defaults to the data's as-of day: never in a link.
	fromData: ['start']
};

export const EVALUATE_SETTINGS: SettingsSpec = {
	key: 'evaluate',
	files: ['views/plan/evaluate-model.svelte.ts'],
	fields: ['source', 'start', 'days', 'migrationBasis'],
	transient: ['fileName', 'fileRows', 'status', 'error', 'result', 'migration', 'migrationError', 'groupsAsOf', 'ranWith']
};

import type { SettingsSpec } from '../../core/project/settings-spec.ts';

/**
 * The forecast's series, period, horizon, model, groups, calendars, edited holiday table and staffing
 * rate (project files). The touchpoint value is one of the data's values: never in a link.
 */
export const FORECAST_SETTINGS: SettingsSpec = {
	key: 'forecast',
	files: ['views/forecast/forecast-model.svelte.ts'],
	fields: ['metric', 'freq', 'horizon', 'model', 'groupBy', 'groupColumn', 'touchpoint', 'calendars', 'holidays', 'holidaysEdited', 'perAgentDay'],
	transient: ['selected', 'status', 'error', 'load', 'results', 'touchpoints', 'fitMs', 'choices', 'names'],
	fromData: ['touchpoint', 'groupColumn']
};

import type { SettingsSpec } from '../core/project/settings-spec.ts';

/** The analysis window: a day left at the data's default is saved as "default" (state/project-settings.ts). */
export const WINDOW_SETTINGS: SettingsSpec = {
	key: 'window',
	files: ['state/window.svelte.ts'],
	fields: ['start', 'asOf'],
	transient: ['defaultStart', 'defaultAsOf', 'version']
};

/** The data-quality fixes in effect. */
export const QUALITY_SETTINGS: SettingsSpec = {
	key: 'quality',
	files: ['state/quality.svelte.ts'],
	fields: ['applied'],
	transient: ['report', 'reportVersion']
};

const DATASET_MOMENT = ['status', 'fileName', 'file', 'error', 'warnings', 'version', 'applied', 'match', 'sampleLoading'];

/** The touchpoint file's column roles (column names). */
export const TOUCHPOINTS_SETTINGS: SettingsSpec = {
	key: 'touchpoints',
	files: ['state/datasets.svelte.ts'],
	fields: ['roles'],
	transient: DATASET_MOMENT
};

/** The survey file's column roles and answer scales. */
export const SURVEYS_SETTINGS: SettingsSpec = {
	key: 'surveys',
	files: ['state/datasets.svelte.ts'],
	fields: ['roles', 'choices'],
	transient: DATASET_MOMENT
};

/** The profile table's id column. */
export const PROFILES_SETTINGS: SettingsSpec = {
	key: 'profiles',
	files: ['state/profiles.svelte.ts'],
	fields: ['id'],
	transient: ['status', 'fileName', 'file', 'info', 'match', 'matchVersion', 'error', 'version']
};

/** What is loaded and shown now (the session, the tab, query caches): no setting. */
export const APP_MOMENT: SettingsSpec = {
	key: 'app',
	files: ['state/session.svelte.ts', 'state/analysis.svelte.ts', 'state/query.svelte.ts'],
	fields: [],
	transient: ['db', 'file', 'mapping', 'result', 'txVersion', 'kind', 'customerTable', 'rfm', 'importFlow', 'quality', 'matrix', 'view', 'data', 'version', '#answered', '#failed']
};

/** The data grids' filters, searches and computed columns by grid, and the saved customer lists (filter values are the data's). */
export const GRID_SETTINGS: SettingsSpec = {
	key: 'grids',
	files: ['state/grid-views.svelte.ts'],
	fields: ['views', 'lists', 'layouts'],
	transient: [],
	fromData: ['views', 'lists', 'layouts']
};

/** Trainer mode (the guided tour, presenter view): how the page is shown now, no setting of the work. */
export const TOUR_MOMENT: SettingsSpec = {
	key: 'tour',
	files: ['state/tour.svelte.ts'],
	fields: [],
	transient: ['open', 'phase', 'plan', 'index', 'missing', 'dir', 'presenting', 'saved']
};

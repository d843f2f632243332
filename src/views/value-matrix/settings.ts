import type { SettingsSpec } from '../../core/project/settings-spec.ts';

/** The value matrix's axes, split and strategies (project files). */
export const MATRIX_SETTINGS: SettingsSpec = {
	key: 'matrix',
	files: ['views/value-matrix/matrix-model.svelte.ts'],
	fields: ['currentKind', 'potentialKey', 'cost', 'splitKind', 'splitCurrent', 'splitPotential', 'logChoice', 'strategies'],
	transient: ['status', 'error', 'columns', 'selected', 'summary', 'points', 'version']
};

export const CLV_SETTINGS: SettingsSpec = {
	key: 'clv',
	files: ['views/value-matrix/clv-model.svelte.ts'],
	fields: ['calibrationEnd', 'observationEnd', 'unit', 'horizonMonths', 'monthlyDiscountRate', 'windowStart'],
	transient: ['status', 'error', 'stage', 'fraction', 'firstDay', 'result', 'version'],
	// Days taken from the data (its last days) unless the user typed them: never in a link.
	fromData: ['calibrationEnd', 'observationEnd', 'windowStart']
};

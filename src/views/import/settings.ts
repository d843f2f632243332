import type { SettingsSpec } from '../../core/project/settings-spec.ts';

/** The import's mapping and cleaning choices (project files: core/project/settings-spec.ts). */
export const IMPORT_SETTINGS: SettingsSpec = {
	key: 'import',
	files: ['views/import/import-model.svelte.ts'],
	fields: ['roles', 'dateFormat', 'timeZone', 'fileRole'],
	transient: ['status', 'error', 'notice', 'detection', 'repaired']
};

/** Order statuses left out and the refund choice; the statuses are values of the data (never in a link). */
export const ORDERS_SETTINGS: SettingsSpec = {
	key: 'orders',
	files: ['views/import/order-rules.svelte.ts'],
	fields: ['exclude', 'refundPer'],
	transient: [],
	fromData: ['exclude']
};

export const CUSTOMERS_SETTINGS: SettingsSpec = {
	key: 'customerTable',
	files: ['views/import/customer-mapping.svelte.ts'],
	fields: ['roles', 'dateFormat'],
	transient: ['errors', 'done']
};

/** The load under way, the ragged-rows and file-size questions and the open workbook: the moment's state, no setting. */
export const IMPORT_MOMENT: SettingsSpec = {
	key: 'importMoment',
	files: ['views/import/load-progress.svelte.ts', 'views/import/ragged-prompt.svelte.ts', 'views/import/size-question.svelte.ts', 'views/import/xlsx-source.svelte.ts'],
	fields: [],
	transient: ['fileName', 'fileSize', 'startedAt', 'now', 'bytesDone', 'readShare', 'step', 'lastLoad', 'inflatedSize', 'pending', 'book', 'sheets', 'sheet', 'converting']
};

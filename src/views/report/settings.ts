import type { SettingsSpec } from '../../core/project/settings-spec.ts';

/** The report's choices (project files and links); the client's name and the commentary are the user's text: never in a link. */
export const REPORT_SETTINGS: SettingsSpec = {
	key: 'report',
	files: ['views/report/report-model.svelte.ts'],
	fields: ['sections', 'lang', 'suppressK', 'clientName', 'commentary', 'preparedBy'],
	transient: [],
	fromData: ['clientName', 'commentary', 'preparedBy']
};

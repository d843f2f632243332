import type { SettingsSpec } from '../../core/project/settings-spec.ts';

/**
 * The console saves nothing with a project: its statements are the user's scratch work (they may
 * hold customer ids), its history lives in this tab's sessionStorage only, and the write switch
 * starts off on every visit.
 */
export const CONSOLE_SETTINGS: SettingsSpec = {
	key: 'console',
	files: ['views/console/console-model.svelte.ts'],
	fields: [],
	transient: ['text', 'scratch', 'running', 'outcome', 'error', 'schema', 'history', 'runId']
};

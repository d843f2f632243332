import type { SettingsSpec } from '../../core/project/settings-spec.ts';

/**
 * Offline use and this computer: no project setting. "Remember my work" belongs to this computer
 * (localStorage), not to a project: a project opened elsewhere must not switch it on.
 */
export const OFFLINE_PANEL: SettingsSpec = {
	key: 'offlinePanel',
	files: ['views/offline/local-model.svelte.ts', 'state/offline.svelte.ts'],
	fields: [],
	transient: ['open', 'remember', 'includeData', 'recent', 'where', 'stored', 'usage', 'busy', 'confirming', 'notes', 'status', 'updateReady', 'canInstall', 'autosavedAt']
};

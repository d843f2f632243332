import type { Component } from 'svelte';
import type { MessageKey } from '../i18n/translate.ts';

/**
 * A top-level view. Each folder under src/views that is a view has an index.ts exporting `view`;
 * App.svelte finds them at build time (import.meta.glob), sorts by `order`, and shows a tab for
 * each. Views take no props: they read the session and analysis state.
 */
export interface ViewDef {
	id: string;
	/** i18n key of the tab label. */
	titleKey: MessageKey;
	order: number;
	/** Whether the tab can be opened now (e.g. only once transactions are mapped). */
	enabled: () => boolean;
	component: Component;
}

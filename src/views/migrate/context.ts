import { createContext } from 'svelte';
import type { MigrationModel } from './migrate-model.svelte.ts';

/**
 * The migration model of the current RFM run, provided by App.svelte (its owner), made on first ask
 * (its default dates come from the finished run): it survives tab switches, not a new dataset version.
 */
export const [getMigrationModel, provideMigrationModel] = createContext<() => MigrationModel | null>();

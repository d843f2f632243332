import { createContext } from 'svelte';
import type { AbcModel } from './abc-model.svelte.ts';

/**
 * The ABC model of the current transaction table (null before one is mapped), provided by
 * App.svelte, its owner: thresholds and window survive tab switches, not a new file.
 */
export const [getAbcModel, provideAbcModel] = createContext<() => AbcModel | null>();

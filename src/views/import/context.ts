import { createContext } from 'svelte';
import type { ImportModel } from './import-model.svelte.ts';

/** The import flow's model for the page's life, provided by App.svelte (its owner). */
export const [getImportModel, provideImportModel] = createContext<ImportModel>();

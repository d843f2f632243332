import { createContext } from 'svelte';
import type { GradeModel } from './grade-model.svelte.ts';

/**
 * The grade model of the current transaction table (null before one is mapped), provided by
 * App.svelte, its owner: the standard being edited survives tab switches, not a new file.
 */
export const [getGradeModel, provideGradeModel] = createContext<() => GradeModel | null>();

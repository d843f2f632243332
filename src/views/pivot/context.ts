import { createContext } from 'svelte';
import type { PivotModel } from './pivot-model.svelte.ts';

/** The page's pivot model, made by App.svelte for the page's life: the spec survives tab switches. */
export const [getPivotModel, providePivotModel] = createContext<PivotModel>();

import { createContext } from 'svelte';
import type { QualityModel } from './quality-model.svelte.ts';

/** The data-quality model for the page's life, provided by App.svelte (its owner). */
export const [getQualityModel, provideQualityModel] = createContext<QualityModel>();

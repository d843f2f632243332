import { createContext } from 'svelte';
import type { RfmModel } from './rfm-model.svelte.ts';

/** The RFM model of the current dataset version, provided by App.svelte (its owner) to the RFM view. */
export const [getRfmModel, provideRfmModel] = createContext<() => RfmModel | null>();

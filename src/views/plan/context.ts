import { createContext } from 'svelte';
import type { PlanModel } from './plan-model.svelte.ts';

/**
 * The service-plan model of the current RFM run, provided by App.svelte (its owner), made on first
 * ask: edited plans survive tab switches, a new dataset version starts from the defaults.
 */
export const [getPlanModel, providePlanModel] = createContext<() => PlanModel | null>();

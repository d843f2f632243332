import { createContext } from 'svelte';
import type { ClvModel } from './clv-model.svelte.ts';
import type { MatrixModel } from './matrix-model.svelte.ts';

export interface ValueModels {
	clv: ClvModel;
	matrix: MatrixModel;
}

/**
 * The CLV and matrix models of the current RFM run, provided by App.svelte (their owner), made on
 * first ask: they survive tab switches, a new dataset version starts afresh.
 */
export const [getValueModels, provideValueModels] = createContext<() => ValueModels | null>();

/**
 * The value-matrix view (tab id 'value'): current × potential value quadrants. The CLV panel lives
 * here too, as the matrix's first step: it fits the models (run/clv.ts) whose scores the matrix
 * (run/value-matrix.ts) reads as potential value.
 */
import { analysis } from '../../state/analysis.svelte.ts';
import type { ViewDef } from '../view-def.ts';
import ValuePage from './ValuePage.svelte';

export const view: ViewDef = { id: 'value', titleKey: 'nav.value', order: 40, enabled: () => analysis.rfm !== null && analysis.rfm.customerTable === null, component: ValuePage };

/**
 * The grade view (tab id 'grade'): grading standards (分级标准) — an editor with live tier counts,
 * the distribution of totals with the cut-offs, the tiers' sizes, revenue and profile, and how
 * sensitive the tiers are to the weights. Runs run/grade.ts over the RFM run's per-customer table.
 */
import { analysis } from '../../state/analysis.svelte.ts';
import type { ViewDef } from '../view-def.ts';
import GradePage from './GradePage.svelte';

export const view: ViewDef = { id: 'grade', titleKey: 'nav.grade', order: 47, enabled: () => analysis.rfm !== null && analysis.rfm.customerTable === null, component: GradePage };

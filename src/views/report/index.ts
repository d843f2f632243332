import type { ViewDef } from '../view-def.ts';
import ReportPage from './ReportPage.svelte';

/** The printable report (报告): always open; sections without results say why. */
export const view: ViewDef = { id: 'report', titleKey: 'nav.report', order: 90, enabled: () => true, component: ReportPage };

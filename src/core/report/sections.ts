/**
 * The printable report's sections (pure): which exist, in which order, and whether each can be
 * printed now. A section whose analysis has not run is never dropped silently: it is listed with
 * the reason and what to do (report.reason.<reason> in the catalogues).
 */

/** The sections, in the order they are printed. */
export const REPORT_SECTIONS = ['summary', 'segments', 'charts', 'matrix', 'kpis', 'journey', 'plans'] as const;
export type SectionId = (typeof REPORT_SECTIONS)[number];

/** Why a section cannot be printed now (each has a message saying what to do). */
export type SectionReason =
	| 'noData'
	| 'rfmRunning'
	| 'customerTable'
	| 'matrixNotRun'
	| 'noKpis'
	| 'noJourney'
	| 'planNotRun';

export type Availability = { available: true } | { available: false; reason: SectionReason };

/** What the report knows of the analyses now (read from the view models' state, never recomputed). */
export interface ReportFacts {
	/** The RFM summary: 'none' before any data, 'running' before the first result. */
	rfm: 'none' | 'running' | 'ready';
	/** RFM runs from a customer table (no transactions: no value matrix, no action list). */
	customerTable: boolean;
	matrixReady: boolean;
	/** At least one KPI has a value (survey KPIs or retention). */
	kpisReady: boolean;
	/** The journey has pain points (touchpoints with scores). */
	journeyReady: boolean;
	planReady: boolean;
}

const OK: Availability = { available: true };
const no = (reason: SectionReason): Availability => ({ available: false, reason });

function rfmBased(f: ReportFacts): Availability {
	if (f.rfm === 'none') return no('noData');
	return f.rfm === 'running' ? no('rfmRunning') : OK;
}

function needsTransactions(f: ReportFacts, ready: boolean, reason: SectionReason): Availability {
	const base = rfmBased(f);
	if (!base.available) return base;
	if (f.customerTable) return no('customerTable');
	return ready ? OK : no(reason);
}

/** Each section's availability, from the facts. */
export function sectionAvailability(f: ReportFacts): Record<SectionId, Availability> {
	return {
		summary: rfmBased(f),
		segments: rfmBased(f),
		charts: rfmBased(f),
		matrix: needsTransactions(f, f.matrixReady, 'matrixNotRun'),
		kpis: f.kpisReady ? OK : no('noKpis'),
		journey: f.journeyReady ? OK : no('noJourney'),
		plans: needsTransactions(f, f.planReady, 'planNotRun')
	};
}

/** The chosen sections split into those printed and those that cannot be (in print order). */
export function planReport(chosen: readonly string[], availability: Record<SectionId, Availability>): { printed: SectionId[]; missing: { id: SectionId; reason: SectionReason }[] } {
	const printed: SectionId[] = [];
	const missing: { id: SectionId; reason: SectionReason }[] = [];
	for (const id of REPORT_SECTIONS) {
		if (!chosen.includes(id)) continue;
		const a = availability[id];
		if (a.available) printed.push(id);
		else missing.push({ id, reason: a.reason });
	}
	return { printed, missing };
}

/** Only known section ids, each once, in print order (a project from another version may carry others). */
export function normaliseSections(ids: readonly unknown[]): SectionId[] {
	return REPORT_SECTIONS.filter((id) => ids.includes(id));
}

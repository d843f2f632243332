/**
 * The trainer's guided tour (导览): the methods of the customer-management training material, in the
 * order a workshop teaches them. Each step names the view (tab id) it opens and the element it points
 * at (`data-tour="<target>"` in that view). Which steps run depends on what the page has: a step whose
 * view is missing or turned off (a customer table turns the transaction views off) is skipped, and the
 * page skips a step whose element does not appear. Pure: the page's state comes in as arguments.
 */

export const TOUR_STEP_IDS = ['why', 'abc', 'rfm', 'value', 'lifecycle', 'grade', 'plan', 'kpis', 'journey', 'evaluate'] as const;
export type TourStepId = (typeof TOUR_STEP_IDS)[number];

export interface TourStep {
	readonly id: TourStepId;
	/** The tab the step opens (views/<v>/index.ts's id). */
	readonly view: string;
	/** The `data-tour` attribute of the element the step points at. */
	readonly target: string;
}

export const TOUR_STEPS: readonly TourStep[] = [
	{ id: 'why', view: 'rfm', target: 'why-classify' },
	{ id: 'abc', view: 'abc', target: 'abc-method' },
	{ id: 'rfm', view: 'rfm', target: 'rfm-method' },
	{ id: 'value', view: 'value', target: 'value-axes' },
	{ id: 'lifecycle', view: 'lifecycle', target: 'lifecycle-stages' },
	{ id: 'grade', view: 'grade', target: 'grade-standard' },
	{ id: 'plan', view: 'plan', target: 'plan-actions' },
	{ id: 'kpis', view: 'kpis', target: 'kpi-targets' },
	{ id: 'journey', view: 'journey', target: 'journey-pain' },
	{ id: 'evaluate', view: 'plan', target: 'plan-evaluate' }
];

/** A tab as the tour sees it: whether it exists and can be opened now. */
export interface TourView {
	readonly id: string;
	readonly enabled: boolean;
}

/** The steps that can run, in the tour's order: those whose view exists and is enabled. */
export function tourPlan(views: readonly TourView[], steps: readonly TourStep[] = TOUR_STEPS): TourStep[] {
	const open = new Set(views.filter((v) => v.enabled).map((v) => v.id));
	return steps.filter((s) => open.has(s.view));
}

/**
 * Where a tour left earlier resumes: at the remembered step if it is in the plan; if that step is no
 * longer available, at the first planned step that came after it in the full order; else at the start.
 */
export function resumeIndex(plan: readonly TourStep[], saved: string | null, steps: readonly TourStep[] = TOUR_STEPS): number {
	if (saved === null) return 0;
	const at = plan.findIndex((s) => s.id === saved);
	if (at >= 0) return at;
	const order = steps.findIndex((s) => s.id === saved);
	if (order < 0) return 0;
	const later = plan.findIndex((s) => steps.findIndex((t) => t.id === s.id) > order);
	return later >= 0 ? later : 0;
}

/**
 * The next step to show from `from` going `dir`, skipping steps `missing` names (their element did
 * not appear); null past either end.
 */
export function stepFrom(plan: readonly TourStep[], from: number, dir: 1 | -1, missing: ReadonlySet<string> = new Set()): number | null {
	for (let i = from + dir; i >= 0 && i < plan.length; i += dir) if (!missing.has(plan[i]!.id)) return i;
	return null;
}

/** The step's position as the trainer reads it ("3 / 9"), counting only steps not found missing. */
export function stepCounter(plan: readonly TourStep[], index: number, missing: ReadonlySet<string> = new Set()): { at: number; of: number } {
	const shown = plan.filter((s) => !missing.has(s.id));
	const at = shown.findIndex((s) => s.id === plan[index]?.id);
	return { at: at + 1, of: shown.length };
}

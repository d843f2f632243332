/**
 * Trainer mode's state (issue 15 §5): the guided tour — open or not, which step, what it is doing —
 * and presenter view. UI state, not a project setting (state/settings-specs.ts: TOUR_MOMENT). The
 * step a tour was left at and the presenter switch live in sessionStorage: a reload of the tab keeps
 * them, another tab or a new visit starts fresh. The steps and their order are core/tour/steps.ts.
 */
import { resumeIndex, stepFrom, type TourStep } from '../core/tour/steps.ts';
import { analysis } from './analysis.svelte.ts';

const STEP_KEY = 'clientele.tour.step';
const PRESENTER_KEY = 'clientele.presenter';

function read(key: string): string | null {
	try {
		return sessionStorage.getItem(key);
	} catch {
		return null;
	}
}
function write(key: string, value: string | null): void {
	try {
		if (value === null) sessionStorage.removeItem(key);
		else sessionStorage.setItem(key, value);
	} catch {
		// Storage refused (private mode, quota): the tour still runs, it just is not remembered.
	}
}

/**
 * ask: own data is loaded, the user chooses; loading: the sample loads; finding: the step's view is
 * open and its element awaited; showing: the step is shown beside its element; busy / failed / none:
 * the tour cannot start (a load under way, the sample failed, no view of the tour can open).
 */
export type TourPhase = 'ask' | 'loading' | 'finding' | 'showing' | 'busy' | 'failed' | 'none';

class Tour {
	open = $state(false);
	phase = $state<TourPhase>('finding');
	plan = $state.raw<readonly TourStep[]>([]);
	index = $state(0);
	/** Steps whose element did not appear (skipped; not counted). */
	missing = $state.raw<ReadonlySet<string>>(new Set());
	/** The direction of the last move: a step found missing is skipped this way. */
	dir = $state<1 | -1>(1);
	presenting = $state(read(PRESENTER_KEY) === 'on');
	/** The step a tour was left at (null: none, or it was finished); mirrored in sessionStorage. */
	saved = $state<string | null>(read(STEP_KEY));

	get step(): TourStep | null {
		return this.open ? (this.plan[this.index] ?? null) : null;
	}

	/** Shows a message instead of a step (ask, loading, busy, failed, none). */
	show(phase: Exclude<TourPhase, 'finding' | 'showing'>): void {
		this.phase = phase;
		this.open = true;
	}

	/** Starts on `plan`, at the step it was left at (if any). */
	begin(plan: readonly TourStep[]): void {
		this.plan = plan;
		this.missing = new Set();
		if (plan.length === 0) return this.show('none');
		this.open = true;
		this.go(resumeIndex(plan, this.saved), 1);
	}

	/** Opens step `i`'s view; the page then looks for its element (found → showing, else skipped). */
	go(i: number, dir: 1 | -1): void {
		const step = this.plan[i];
		if (!step) return;
		this.index = i;
		this.dir = dir;
		this.phase = 'finding';
		this.remember(step.id);
		analysis.view = step.view;
	}

	next(): void {
		const i = stepFrom(this.plan, this.index, 1, this.missing);
		if (i === null) this.finish();
		else this.go(i, 1);
	}

	back(): void {
		const i = stepFrom(this.plan, this.index, -1, this.missing);
		if (i !== null) this.go(i, -1);
	}

	restart(): void {
		this.missing = new Set();
		const first = stepFrom(this.plan, -1, 1);
		if (first !== null) this.go(first, 1);
	}

	/** The step's element did not appear: skip it the way the tour was going (or back, at an end). */
	skip(id: string): void {
		this.missing = new Set([...this.missing, id]);
		const i = stepFrom(this.plan, this.index, this.dir, this.missing) ?? stepFrom(this.plan, this.index, this.dir === 1 ? -1 : 1, this.missing);
		if (i === null) this.show('none');
		else this.go(i, i > this.index ? 1 : -1);
	}

	/** Closes the tour; the step stays remembered, so the Tour button resumes there. */
	close(): void {
		this.open = false;
	}

	/** The last step's Finish: the next tour starts from the beginning. */
	finish(): void {
		this.remember(null);
		this.open = false;
	}

	private remember(id: string | null): void {
		this.saved = id;
		write(STEP_KEY, id);
	}

	setPresenting(on: boolean): void {
		this.presenting = on;
		write(PRESENTER_KEY, on ? 'on' : null);
	}
}

export const tour = new Tour();

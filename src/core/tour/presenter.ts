/**
 * Presenter view (演示模式) keys: PageDown / PageUp move to the next / previous open tab, and so do
 * → / ← unless the focus is where those keys already mean something (the data grid, a text field, a
 * select, a text area). PageDown / PageUp are left to the grid (it pages its rows there) and to text
 * areas. A key with a modifier is never taken. Pure: the page passes what has the focus.
 */
import type { TourView } from './steps.ts';

/** What has the keyboard focus, as far as the keys are concerned. */
export type FocusKind = 'page' | 'grid' | 'field' | 'textarea';

export interface KeyPress {
	readonly key: string;
	readonly alt?: boolean;
	readonly ctrl?: boolean;
	readonly meta?: boolean;
	readonly shift?: boolean;
}

/** +1 (next tab), -1 (previous tab) or null (the key is not the presenter's here). */
export function presenterMove(press: KeyPress, focus: FocusKind): 1 | -1 | null {
	if (press.alt || press.ctrl || press.meta || press.shift) return null;
	const dir = press.key === 'PageDown' || press.key === 'ArrowRight' ? 1 : press.key === 'PageUp' || press.key === 'ArrowLeft' ? -1 : null;
	if (dir === null) return null;
	const paging = press.key.startsWith('Page');
	if (focus === 'grid' || focus === 'textarea') return null;
	if (focus === 'field' && !paging) return null;
	return dir;
}

/** The open tab next to `current` going `dir` (disabled tabs skipped); null at either end. */
export function adjacentView(views: readonly TourView[], current: string, dir: 1 | -1): string | null {
	const at = views.findIndex((v) => v.id === current);
	for (let i = at + dir; i >= 0 && i < views.length; i += dir) if (views[i]!.enabled) return views[i]!.id;
	return null;
}

/**
 * The console's history: the last 50 statements, newest first, in this tab's sessionStorage. Not
 * localStorage nor the project: a statement can name customers, and the page keeps nothing on this
 * computer unless its "remember my work" switch is on; sessionStorage survives a reload of the tab
 * and is gone when it closes.
 */
const KEY = 'clientele.console.history';
export const HISTORY_SIZE = 50;

export function loadHistory(): string[] {
	try {
		const v: unknown = JSON.parse(sessionStorage.getItem(KEY) ?? '[]');
		return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string').slice(0, HISTORY_SIZE) : [];
	} catch {
		return [];
	}
}

/** The history with `text` on top (an earlier copy moves up), saved. */
export function remember(history: readonly string[], text: string): string[] {
	const next = [text, ...history.filter((h) => h !== text)].slice(0, HISTORY_SIZE);
	saveHistory(next);
	return next;
}

export function saveHistory(history: readonly string[]): void {
	try {
		if (history.length === 0) sessionStorage.removeItem(KEY);
		else sessionStorage.setItem(KEY, JSON.stringify(history));
	} catch {
		// storage blocked or full: the history lives on in memory
	}
}

import { ACTION_LIST_COLUMNS } from '../sql/plan.ts';

/**
 * The action list's export header with profile columns (客户档案: name, phone …) riding along after
 * its own columns. A profile column named like one of them (say `owner`) is written as
 * `profile_<name>`, so the contract's columns keep their meaning.
 */
export function actionListHeader(profileColumns: readonly string[]): string[] {
	const own = new Set<string>(ACTION_LIST_COLUMNS.map((c) => c.toLowerCase()));
	return [...ACTION_LIST_COLUMNS, ...profileColumns.map((c) => (own.has(c.toLowerCase()) ? `profile_${c}` : c))];
}

/** `--profile-columns "a,b"`: the names, trimmed, empty ones dropped, each once (the first place it is named). */
export function parseColumnList(text: string): string[] {
	return [...new Set(text.split(',').map((s) => s.trim()).filter((s) => s !== ''))];
}

/**
 * The list of projects remembered on this computer (pure): newest first, one entry per name (saving a
 * project under the same name replaces it), at most RECENT_MAX (the oldest are dropped, bytes and all).
 */

export interface StoredProject {
	/** The key of its bytes in the store. */
	id: string;
	/** The project file's name (e.g. 示例-transactions-2026-12-05.clientele). */
	name: string;
	/** ISO time of the save. */
	savedAt: string;
	/** Size of the stored project file in bytes. */
	size: number;
	/** Whether the data is in it (else only the settings). */
	withData: boolean;
}

export const RECENT_MAX = 12;

/** The list after saving `item`, and the ids whose bytes are no longer listed (to delete). */
export function addRecent(list: readonly StoredProject[], item: StoredProject, max = RECENT_MAX): { list: StoredProject[]; drop: string[] } {
	const replaced = list.filter((p) => p.name === item.name || p.id === item.id);
	const rest = list.filter((p) => !replaced.includes(p));
	const sorted = [item, ...rest].sort((a, b) => b.savedAt.localeCompare(a.savedAt));
	const kept = sorted.slice(0, max);
	const drop = [...replaced.filter((p) => p.id !== item.id), ...sorted.slice(max)].map((p) => p.id);
	return { list: kept, drop };
}

export function removeRecent(list: readonly StoredProject[], id: string): StoredProject[] {
	return list.filter((p) => p.id !== id);
}

/** A list read back from storage: only well-formed entries (a damaged index never breaks the page). */
export function parseRecent(value: unknown): StoredProject[] {
	if (!Array.isArray(value)) return [];
	return value.filter(
		(p): p is StoredProject =>
			typeof p === 'object' && p !== null && typeof p.id === 'string' && /^[\w-]+$/.test(p.id) && typeof p.name === 'string' && typeof p.savedAt === 'string' && typeof p.size === 'number' && typeof p.withData === 'boolean'
	);
}

/** Keys of the page's own localStorage entries (the language, the remember switch, …). */
export const STORAGE_KEY_PREFIX = 'clientele.';

/** IndexedDB databases of ours start with this. */
export const IDB_PREFIX = 'clientele';

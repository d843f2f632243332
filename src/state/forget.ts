/**
 * What Clientele keeps on this computer, and "forget everything": the OPFS folder, the IndexedDB
 * database(s), the offline copy's caches and service worker, and the page's localStorage keys. After
 * clearing, everything is listed again, so the page shows what (if anything) is left.
 */
import { CACHE_PREFIX } from '../core/offline/precache.ts';
import { IDB_PREFIX, STORAGE_KEY_PREFIX } from '../core/offline/recent.ts';
import { IDB_NAME } from './local-store.ts';
import { offline } from './offline.svelte.ts';

export interface Inventory {
	/** Entries at the root of this site's private file system (OPFS). */
	opfs: string[];
	/** IndexedDB databases of ours. */
	databases: string[];
	/** Cache Storage caches of ours (the offline copy of the app). */
	caches: string[];
	/** localStorage keys of ours. */
	keys: string[];
}

async function opfsRoot(): Promise<FileSystemDirectoryHandle | null> {
	try {
		return await navigator.storage.getDirectory();
	} catch {
		return null;
	}
}

async function opfsEntries(root: FileSystemDirectoryHandle | null): Promise<string[]> {
	if (!root) return [];
	const names: string[] = [];
	for await (const name of (root as unknown as { keys(): AsyncIterable<string> }).keys()) names.push(name);
	return names;
}

async function ourDatabases(): Promise<string[]> {
	if (typeof indexedDB === 'undefined' || !('databases' in indexedDB)) return [];
	const all = await indexedDB.databases();
	return all.flatMap((d) => (d.name?.startsWith(IDB_PREFIX) ? [d.name] : []));
}

const ourCaches = async () => (typeof caches === 'undefined' ? [] : (await caches.keys()).filter((k) => k.startsWith(CACHE_PREFIX)));

function ourKeys(): string[] {
	try {
		return Object.keys(localStorage).filter((k) => k.startsWith(STORAGE_KEY_PREFIX));
	} catch {
		return [];
	}
}

export async function inventory(): Promise<Inventory> {
	const [opfs, databases, cacheKeys] = await Promise.all([opfsRoot().then(opfsEntries), ourDatabases(), ourCaches()]);
	return { opfs, databases, caches: cacheKeys, keys: ourKeys() };
}

function deleteDatabase(name: string): Promise<void> {
	return new Promise((ok, fail) => {
		const r = indexedDB.deleteDatabase(name);
		r.onsuccess = () => ok();
		r.onerror = () => fail(r.error);
		// Blocked by a connection of another tab: it closes on versionchange (state/local-store.ts).
		r.onblocked = () => undefined;
	});
}

/** Clears everything of ours on this computer; returns what is left (all lists empty on success). */
export async function forgetEverything(): Promise<Inventory> {
	const root = await opfsRoot();
	for (const name of await opfsEntries(root)) await root?.removeEntry(name, { recursive: true });
	const names = new Set(await ourDatabases());
	names.add(IDB_NAME);
	for (const name of names) await deleteDatabase(name);
	await offline.unregister();
	for (const k of await ourCaches()) await caches.delete(k);
	for (const k of ourKeys()) localStorage.removeItem(k);
	return inventory();
}

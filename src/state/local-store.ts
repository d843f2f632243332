/**
 * Projects kept on this computer ("remember my work"): the project files' bytes and the list of them,
 * in the Origin Private File System (a folder only this site can read, inside the browser's profile),
 * or in IndexedDB where OPFS cannot be written from the page (older Safari, some private windows).
 */
import { parseRecent, type StoredProject } from '../core/offline/recent.ts';

export interface LocalBackend {
	readonly kind: 'opfs' | 'indexeddb';
	list(): Promise<StoredProject[]>;
	saveList(list: readonly StoredProject[]): Promise<void>;
	read(id: string): Promise<Uint8Array>;
	write(id: string, bytes: Uint8Array): Promise<void>;
	remove(id: string): Promise<void>;
}

const DIR = 'clientele-projects';
const INDEX = 'recent.json';

class OpfsBackend implements LocalBackend {
	readonly kind = 'opfs';
	constructor(private readonly dir: FileSystemDirectoryHandle) {}

	async list(): Promise<StoredProject[]> {
		try {
			const file = await (await this.dir.getFileHandle(INDEX)).getFile();
			return parseRecent(JSON.parse(await file.text()));
		} catch {
			return [];
		}
	}
	saveList(list: readonly StoredProject[]): Promise<void> {
		return this.put(INDEX, new TextEncoder().encode(JSON.stringify(list)));
	}
	async read(id: string): Promise<Uint8Array> {
		const file = await (await this.dir.getFileHandle(`${id}.clientele`)).getFile();
		return new Uint8Array(await file.arrayBuffer());
	}
	write(id: string, bytes: Uint8Array): Promise<void> {
		return this.put(`${id}.clientele`, bytes);
	}
	async remove(id: string): Promise<void> {
		await this.dir.removeEntry(`${id}.clientele`).catch(() => undefined);
	}
	private async put(name: string, bytes: Uint8Array): Promise<void> {
		const w = await (await this.dir.getFileHandle(name, { create: true })).createWritable();
		await w.write(bytes as Uint8Array<ArrayBuffer>);
		await w.close();
	}
}

export const IDB_NAME = 'clientele-local';
const STORE = 'files';

function request<T>(r: IDBRequest<T>): Promise<T> {
	return new Promise((ok, fail) => {
		r.onsuccess = () => ok(r.result);
		r.onerror = () => fail(r.error);
	});
}

class IdbBackend implements LocalBackend {
	readonly kind = 'indexeddb';
	private db: Promise<IDBDatabase> | null = null;

	private open(): Promise<IDBDatabase> {
		this.db ??= new Promise((ok, fail) => {
			const r = indexedDB.open(IDB_NAME, 1);
			r.onupgradeneeded = () => r.result.createObjectStore(STORE);
			r.onsuccess = () => {
				// "Forget everything" deletes the database: let it go.
				r.result.onversionchange = () => {
					r.result.close();
					this.db = null;
				};
				ok(r.result);
			};
			r.onerror = () => fail(r.error);
		});
		return this.db;
	}
	private async tx<T>(mode: IDBTransactionMode, fn: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
		const db = await this.open();
		return request(fn(db.transaction(STORE, mode).objectStore(STORE)));
	}
	async list(): Promise<StoredProject[]> {
		return parseRecent(await this.tx('readonly', (s) => s.get(INDEX)));
	}
	async saveList(list: readonly StoredProject[]): Promise<void> {
		await this.tx('readwrite', (s) => s.put([...list], INDEX));
	}
	async read(id: string): Promise<Uint8Array> {
		const v: unknown = await this.tx('readonly', (s) => s.get(id));
		if (!(v instanceof Uint8Array)) throw new Error(`no stored project ${id}`);
		return v;
	}
	async write(id: string, bytes: Uint8Array): Promise<void> {
		await this.tx('readwrite', (s) => s.put(bytes, id));
	}
	async remove(id: string): Promise<void> {
		await this.tx('readwrite', (s) => s.delete(id));
	}
}

/** OPFS when the page can write files there, else IndexedDB, else null (nothing can be kept). */
export async function openLocalBackend(): Promise<LocalBackend | null> {
	try {
		const root = await navigator.storage.getDirectory();
		const dir = await root.getDirectoryHandle(DIR, { create: true });
		// Safari before 26 has OPFS without createWritable on the page.
		if ('createWritable' in FileSystemFileHandle.prototype) return new OpfsBackend(dir);
	} catch {
		/* no OPFS here: try IndexedDB */
	}
	return typeof indexedDB === 'undefined' ? null : new IdbBackend();
}

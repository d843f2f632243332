/**
 * "Offline and this computer": remembering projects here (opt-in, off by default), reopening them,
 * and forgetting everything. The bytes are the project files of views/project (through the
 * state/project-files.ts interface); where they go is state/local-store.ts.
 */
import { addRecent, removeRecent, STORAGE_KEY_PREFIX, type StoredProject } from '../../core/offline/recent.ts';
import type { MessageKey } from '../../i18n/translate.ts';
import { today } from '../../state/clock.ts';
import { forgetEverything, inventory, type Inventory } from '../../state/forget.ts';
import { openLocalBackend, type LocalBackend } from '../../state/local-store.ts';
import type { ProjectFiles } from '../../state/project-files.ts';

const REMEMBER = `${STORAGE_KEY_PREFIX}remember`;
/** The one autosave slot among the recent projects (replaced at each autosave). */
export const AUTOSAVE_ID = 'autosave';
/** How often the settings are compared with the last autosave (a save happens only when they changed). */
const AUTOSAVE_MS = 5000;

function readRemember(): boolean {
	try {
		return localStorage.getItem(REMEMBER) === '1';
	} catch {
		return false;
	}
}

export type LocalNote = { key: MessageKey; params?: Record<string, string | number> };

export class LocalModel {
	open = $state(false);
	remember = $state(readRemember());
	includeData = $state(false);
	recent = $state.raw<StoredProject[]>([]);
	/** Where projects are kept here (null: not looked yet, or nowhere to keep them). */
	where = $state<LocalBackend['kind'] | null>(null);
	stored = $state.raw<Inventory | null>(null);
	usage = $state.raw<{ usage: number; quota: number } | null>(null);
	busy = $state(false);
	confirming = $state(false);
	notes = $state.raw<LocalNote[]>([]);
	/** When the settings were last saved by themselves (ISO), this page. */
	autosavedAt = $state<string | null>(null);
	private backend: LocalBackend | null = null;
	/** Storage steps one after another: an autosave and a save never interleave their list updates. */
	private queue: Promise<unknown> = Promise.resolve();
	private lastKey: string | null = null;
	/** After "forget everything" the browser's usage figure lags behind: it is not shown until the next save. */
	private forgot = false;

	constructor(private readonly projects: ProjectFiles) {}

	get dataName(): string | null {
		return this.projects.dataName;
	}

	show(): void {
		[this.open, this.notes, this.confirming] = [true, [], false];
		void this.refresh();
	}

	/** Re-reads what is stored (never creates anything while "remember" is off). */
	async refresh(): Promise<void> {
		if (this.remember) {
			this.backend ??= await openLocalBackend();
			this.where = this.backend?.kind ?? null;
			this.recent = (await this.backend?.list()) ?? [];
		} else this.recent = [];
		this.stored = await inventory();
		const e = this.forgot ? null : await navigator.storage?.estimate?.().catch(() => null);
		this.usage = e ? { usage: e.usage ?? 0, quota: e.quota ?? 0 } : null;
	}

	async setRemember(on: boolean): Promise<void> {
		this.remember = on;
		try {
			if (on) localStorage.setItem(REMEMBER, '1');
			else localStorage.removeItem(REMEMBER);
		} catch {
			/* storage blocked: the switch lasts for this page */
		}
		this.notes = [];
		await this.refresh();
	}

	async save(): Promise<void> {
		await this.step(async () => {
			const withData = this.includeData && Boolean(this.dataName);
			const name = await this.keep(crypto.randomUUID(), withData, (n) => n);
			this.notes = [name ? { key: 'offline.savedHere', params: { name } } : { key: 'offline.noStorage' }];
		});
	}

	/**
	 * With "remember" on and data loaded, the settings (never the data) are saved by themselves into one
	 * slot whenever they changed since the last look; returns the stop function (for an $effect).
	 */
	autosave(): () => void {
		const timer = setInterval(() => void this.autosaveNow(), AUTOSAVE_MS);
		return () => clearInterval(timer);
	}

	/** One autosave look (the timer's; tests call it too). */
	async autosaveNow(): Promise<void> {
		if (!this.remember || !this.dataName || this.busy) return;
		const key = this.projects.settingsKey();
		if (key === this.lastKey) return;
		try {
			const name = await this.keep(AUTOSAVE_ID, false, (n) => n.replace(/\.clientele$/, '-autosave.clientele'));
			if (!name) return;
			this.lastKey = key;
			this.autosavedAt = today().toISOString();
			if (this.open) await this.refresh();
			else this.recent = (await this.backend?.list()) ?? this.recent;
		} catch {
			/* full or blocked storage: the next look tries again; a save by hand says why */
		}
	}

	/** Writes the current project under `id` and lists it; the stored name, or null without storage. */
	private keep(id: string, withData: boolean, rename: (name: string) => string): Promise<string | null> {
		const run = async (): Promise<string | null> => {
			if (!this.remember) return null;
			this.backend ??= await openLocalBackend();
			if (!this.backend) return null;
			const built = await this.projects.buildFile({ includeData: withData });
			const name = rename(built.name);
			const item: StoredProject = { id, name, savedAt: today().toISOString(), size: built.bytes.length, withData };
			await this.backend.write(item.id, built.bytes);
			this.forgot = false;
			const { list, drop } = addRecent(await this.backend.list(), item);
			await this.backend.saveList(list);
			for (const d of drop) await this.backend.remove(d);
			return name;
		};
		const next = this.queue.then(run, run);
		this.queue = next.catch(() => undefined);
		return next;
	}

	async reopen(p: StoredProject): Promise<void> {
		await this.step(async () => {
			if (!this.backend) return;
			const file = new File([(await this.backend.read(p.id)) as Uint8Array<ArrayBuffer>], p.name);
			this.open = false;
			await this.projects.openStored(file);
		});
	}

	async remove(p: StoredProject): Promise<void> {
		await this.step(async () => {
			if (!this.backend) return;
			await this.backend.remove(p.id);
			await this.backend.saveList(removeRecent(await this.backend.list(), p.id));
		});
	}

	async forget(): Promise<void> {
		await this.step(async () => {
			// Off first, after any storage step under way: no autosave can write again afterwards.
			this.remember = false;
			await this.queue;
			const left = await forgetEverything();
			this.forgot = true;
			[this.backend, this.where, this.remember, this.confirming] = [null, null, false, false];
			const rest = [...left.opfs, ...left.databases, ...left.caches, ...left.keys];
			this.notes = [rest.length ? { key: 'offline.forgotPartly', params: { list: rest.join(', ') } } : { key: 'offline.forgotAll' }];
		});
	}

	/** One storage step: busy while it runs, the list and usage re-read after, a failure said plainly. */
	private async step(fn: () => Promise<void>): Promise<void> {
		this.busy = true;
		try {
			await fn();
		} catch (e) {
			this.notes = [{ key: e instanceof DOMException && e.name === 'QuotaExceededError' ? 'offline.full' : 'offline.failed' }];
		} finally {
			this.busy = false;
		}
		await this.refresh();
	}
}

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
	private backend: LocalBackend | null = null;
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
			this.backend ??= await openLocalBackend();
			if (!this.backend) return void (this.notes = [{ key: 'offline.noStorage' }]);
			const { bytes, name } = await this.projects.buildFile({ includeData: this.includeData && Boolean(this.dataName) });
			const item: StoredProject = { id: crypto.randomUUID(), name, savedAt: today().toISOString(), size: bytes.length, withData: this.includeData && Boolean(this.dataName) };
			await this.backend.write(item.id, bytes);
			this.forgot = false;
			const { list, drop } = addRecent(await this.backend.list(), item);
			await this.backend.saveList(list);
			for (const id of drop) await this.backend.remove(id);
			this.notes = [{ key: 'offline.savedHere', params: { name } }];
		});
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

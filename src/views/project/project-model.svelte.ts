/**
 * Save project / Open project / Copy link in the page header: the dialog's state and the steps.
 * The file format is core/project (pure); what is saved is the settings registry's snapshot
 * (state/project-settings.ts); applying a project to data is state/project-flow.ts.
 */
import { ClienteleError, isClienteleError } from '../../core/errors.ts';
import { newProject } from '../../core/project/format.ts';
import { decodeLink, encodeLink } from '../../core/project/link.ts';
import { sameMapping, type MappingReport } from '../../core/project/mapping-check.ts';
import { packedSize, projectNeedsPassphrase, readProjectFile, writeProjectFile, type DataFile } from '../../core/project/project-file.ts';
import { linkSettings, type ProjectSettings, type SettingsSpec } from '../../core/project/settings-spec.ts';
import type { MessageKey } from '../../i18n/translate.ts';
import { today } from '../../state/clock.ts';
import { applyProject, DATASET_ROLES, datasetSources, type DatasetRole, type ProjectImport } from '../../state/project-flow.ts';
import type { ProjectFiles } from '../../state/project-files.ts';
import { currentSettings } from '../../state/project-settings.ts';
import { session } from '../../state/session.svelte.ts';
import { downloadBlob, formatBytes } from '../../ui/download.ts';

export interface ProjectSpecs {
	specs: readonly SettingsSpec[];
	order: readonly string[];
	mappingKeys: readonly string[];
}

/** Settings read from a project or a link, waiting for the data file to apply them to. */
export interface Waiting {
	settings: ProjectSettings;
	columns: string[];
	name: string;
	fromLink?: boolean;
}

export type Note = { key: MessageKey; params?: Record<string, string | number> };

export class ProjectModel implements ProjectFiles {
	dialog = $state<'none' | 'save' | 'open'>('none');
	includeData = $state(false);
	encrypt = $state(false);
	passphrase = $state('');
	/** The data's size in the project (compressed) and as loaded; null while measuring or without data. */
	sizes = $state.raw<{ packed: number; raw: number } | null>(null);
	busy = $state(false);
	error = $state.raw<ClienteleError | null>(null);
	notes = $state.raw<Note[]>([]);
	report = $state.raw<MappingReport | null>(null);
	waiting = $state.raw<Waiting | null>(null);
	/** An encrypted project read, waiting for its passphrase. */
	locked = $state.raw<{ bytes: Uint8Array; name: string } | null>(null);
	/** The link, shown when the clipboard refused it. */
	link = $state('');

	constructor(
		private readonly imp: ProjectImport,
		private readonly o: ProjectSpecs
	) {}

	get dataName(): string | null {
		return this.imp.lastFile && session.file ? this.imp.lastFile.map((f) => f.name).join(', ') : null;
	}

	private reset(): void {
		[this.error, this.notes, this.report, this.link] = [null, [], null, ''];
	}

	openSave(): void {
		this.reset();
		this.dialog = 'save';
		void this.measure();
	}

	openOpen(): void {
		this.reset();
		this.dialog = 'open';
	}

	close(): void {
		this.dialog = 'none';
		this.locked = null;
		this.passphrase = '';
	}

	/** The loaded files: the transactions, then the touchpoints, surveys and profiles beside them. */
	private async dataFiles(): Promise<DataFile[]> {
		const tx = this.imp.lastFile && session.file ? this.imp.lastFile.map((file) => ({ role: 'transactions', file })) : [];
		const all = [...tx, ...datasetSources()];
		return Promise.all(all.map(async ({ role, file }) => ({ role, name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })));
	}

	/** How big the data will be, said before saving. */
	async measure(): Promise<void> {
		this.sizes = null;
		const files = await this.dataFiles();
		if (files.length === 0) return;
		const packed = await packedSize(files);
		this.sizes = { packed, raw: files.reduce((n, f) => n + f.bytes.length, 0) };
	}

	async save(): Promise<void> {
		this.busy = true;
		this.error = null;
		try {
			const { bytes, name } = await this.buildFile({ includeData: this.includeData, passphrase: this.encrypt ? this.passphrase : undefined });
			downloadBlob(name, new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/zip' }));
			this.notes = [{ key: 'projectFile.saved', params: { file: name, size: formatBytes(bytes.length) } }];
			this.passphrase = '';
		} catch (e) {
			this.fail(e, '');
		} finally {
			this.busy = false;
		}
	}

	/** The current project as a .clientele file (for a download, or this computer's storage: state/project-files.ts). */
	async buildFile(o: { includeData: boolean; passphrase?: string }): Promise<{ bytes: Uint8Array; name: string }> {
		const columns = session.file?.sniff.columns.map((c) => c.name) ?? [];
		const project = newProject(currentSettings(), columns, today().toISOString());
		const files = o.includeData ? await this.dataFiles() : [];
		const bytes = await writeProjectFile(project, { files, passphrase: o.passphrase });
		const base = (this.dataName ?? 'clientele').replace(/\.[^.]*$/, '').replace(/[\\/:*?"<>|,\s]+/g, '_');
		return { bytes, name: `${base}-${today().toISOString().slice(0, 10)}.clientele` };
	}

	settingsKey(): string {
		return JSON.stringify(currentSettings());
	}

	/** A project kept on this computer, opened as "Open project" opens a file. */
	async openStored(file: File): Promise<void> {
		this.openOpen();
		await this.openFile(file);
	}

	/** A project file chosen: asks the passphrase when its data is encrypted, else opens it. */
	async openFile(file: File): Promise<void> {
		this.reset();
		const bytes = new Uint8Array(await file.arrayBuffer());
		try {
			if (await projectNeedsPassphrase(bytes, file.name)) {
				this.locked = { bytes, name: file.name };
				return;
			}
			await this.openBytes(bytes, file.name);
		} catch (e) {
			this.fail(e, file.name);
		}
	}

	async unlock(): Promise<void> {
		if (!this.locked) return;
		this.error = null;
		try {
			await this.openBytes(this.locked.bytes, this.locked.name, this.passphrase);
			[this.locked, this.passphrase] = [null, ''];
		} catch (e) {
			this.fail(e, this.locked?.name ?? '');
		}
	}

	private async openBytes(bytes: Uint8Array, name: string, passphrase?: string): Promise<void> {
		this.busy = true;
		try {
			const { project, files } = await readProjectFile(bytes, name, passphrase);
			const waiting = { settings: project.settings, columns: project.columns, name };
			if (files.length > 0) {
				const toFile = (f: DataFile) => new File([f.bytes as Uint8Array<ArrayBuffer>], f.name);
				const extra = files.flatMap((f) => (DATASET_ROLES as readonly string[]).includes(f.role) ? [{ role: f.role as DatasetRole, file: toFile(f) }] : []);
				await this.apply(waiting, files.filter((f) => f.role === 'transactions').map(toFile), extra);
			} else this.waiting = waiting;
		} finally {
			this.busy = false;
		}
	}

	/** Applies waiting settings to a chosen file, or (files null) to the loaded data. */
	async apply(w: Waiting | null = this.waiting, files: readonly File[] | null = null, extra: { role: DatasetRole; file: File }[] = []): Promise<void> {
		if (!w) return;
		this.busy = true;
		try {
			this.report = await applyProject(w.settings, this.imp, files, { ...this.o, columns: w.columns }, extra);
			this.waiting = null;
			const window = w.settings.window;
			const notes: Note[] = [w.fromLink ? { key: 'projectFile.linkApplied' } : { key: 'projectFile.opened', params: { file: w.name } }];
			if (this.report && w.columns.length > 0 && sameMapping(this.report)) notes.push({ key: 'projectFile.sameColumns' });
			if (window?.start === 'default' && window.asOf === 'default') notes.push({ key: 'projectFile.defaultWindow' });
			this.notes = notes;
			if (this.imp.error) this.dialog = 'none';
		} catch (e) {
			this.fail(e, w.name);
		} finally {
			this.busy = false;
		}
	}

	/** The settings as a link (never data: linkSettings leaves out what comes from it). */
	async linkNow(): Promise<string> {
		const base = `${location.origin}${location.pathname}${location.search}`;
		return `${base}#${await encodeLink(linkSettings(currentSettings(), this.o.specs))}`;
	}

	async copyLink(): Promise<void> {
		this.reset();
		const link = await this.linkNow();
		try {
			await navigator.clipboard.writeText(link);
			this.notes = [{ key: 'projectFile.linkCopied' }];
		} catch {
			this.link = link;
		}
		this.dialog = 'open';
	}

	/** A link opened: its settings wait for the data file. */
	async fromLocation(): Promise<void> {
		try {
			const settings = await decodeLink(location.hash);
			if (!settings) return;
			this.waiting = { settings, columns: [], name: 'link', fromLink: true };
			this.notes = [{ key: 'projectFile.linkOpened' }];
			this.dialog = 'open';
		} catch (e) {
			this.fail(e, 'link');
			this.dialog = 'open';
		}
	}

	private fail(e: unknown, file: string): void {
		this.error = isClienteleError(e) ? e : new ClienteleError('projectFile.notProject', { file });
	}
}

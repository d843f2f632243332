/**
 * The customer-profile file (客户档案) beside the transactions: opened through the one pipeline
 * (run/open-file.ts) into its own text table, its id column chosen (guessed first), and loaded by
 * run/profiles.ts into the profiles table (customer_id + one typed column per attribute). Views read
 * `ready`, `info` and `version`; the lifecycle view counts its ids without a purchase as potential.
 */
import { ClienteleError, isClienteleError } from '../core/errors.ts';
import type { ColumnProfile } from '../core/csv/sniff.ts';
import { guessProfileId } from '../core/import/profile-roles.ts';
import type { ProfileMatchRow } from '../core/sql/profiles.ts';
import { localTimeZone } from '../core/csv/time-zones.ts';
import type { LoadedFile } from '../run/loaded-file.ts';
import type { Lang } from '../i18n/translate.ts';
import { openFile } from '../run/open-file.ts';
import { repairParams } from '../core/csv/utf8-repair.ts';
import { loadProfiles, profileMatch, type ProfilesInfo } from '../run/profiles.ts';
import { RAW_PROFILES } from '../run/tables.ts';
import { getDb } from './engine.ts';
import { fileInput } from './file-input.ts';
import { companionLang, fetchSample, type SampleFile } from './sample.ts';
import { session } from './session.svelte.ts';

export type ProfilesStatus = 'idle' | 'loading' | 'mapping' | 'applying' | 'ready';

export const SAMPLE_PROFILES: SampleFile = 'customers.csv';

class Profiles {
	status = $state<ProfilesStatus>('idle');
	fileName = $state('');
	file = $state.raw<LoadedFile | null>(null);
	/** The id column chosen. */
	id = $state('');
	info = $state.raw<ProfilesInfo | null>(null);
	/** How the ids match the transaction customers (null: no transactions yet). */
	match = $state.raw<ProfileMatchRow | null>(null);
	/** The transactions' version the match was counted on. */
	matchVersion = $state(-1);
	error = $state.raw<ClienteleError | null>(null);
	/** The open file's lines whose bad bytes became U+FFFD (null: none). */
	private repaired: ClienteleError | null = null;
	/** The file opened last (a project file may carry it). */
	source: File | null = null;
	/** Bumped after each successful load: analyses recompute. */
	version = $state(0);

	get ready(): boolean {
		return this.status === 'ready' && this.info !== null;
	}

	get busy(): boolean {
		return this.status === 'loading' || this.status === 'applying';
	}

	get columns(): readonly ColumnProfile[] {
		return this.file?.sniff.columns ?? [];
	}

	async open(file: File): Promise<void> {
		this.status = 'loading';
		this.fileName = file.name;
		this.error = null;
		try {
			const db = await getDb();
			const opened = await openFile(db, file, { table: RAW_PROFILES }, fileInput());
			if (!opened) {
				this.status = this.info ? 'ready' : this.file ? 'mapping' : 'idle';
				return;
			}
			this.file = opened.file;
			this.source = file;
			this.repaired = opened.repaired ? new ClienteleError('encoding.repaired', repairParams(file.name, opened.repaired)) : null;
			this.info = null;
			this.id = guessProfileId(opened.file.sniff.columns) ?? '';
			await this.apply();
		} catch (e) {
			this.fail(e);
			this.status = this.file ? 'mapping' : 'idle';
		}
	}

	/** Loads the profile table with the chosen id column. */
	async apply(): Promise<void> {
		const file = this.file;
		if (!file) return;
		this.status = 'applying';
		this.error = null;
		try {
			const db = await getDb();
			this.info = await loadProfiles(db, {
				fileName: file.fileName,
				columns: file.sniff.columns,
				id: this.id || undefined,
				timeZone: session.mapping?.timeZone ?? localTimeZone()
			});
			// Bytes that were not UTF-8 became U+FFFD: said first among the file's warnings.
			if (this.repaired) this.info = { ...this.info, warnings: [this.repaired, ...this.info.warnings] };
			this.id = this.info.id;
			this.version++;
			this.status = 'ready';
			await this.refreshMatch();
		} catch (e) {
			this.info = null;
			this.fail(e);
			this.status = 'mapping';
		}
	}

	/** Counts the match again when the transactions changed. */
	async refreshMatch(): Promise<void> {
		const v = session.txVersion;
		if (!this.ready || !session.ready || !session.db) {
			this.match = null;
			return;
		}
		if (v === this.matchVersion) return;
		this.matchVersion = v;
		try {
			this.match = await profileMatch(session.db);
		} catch {
			this.match = null;
		}
	}

	/** The sample profiles in the language of the loaded sample transactions, else the page's. */
	async loadSample(pageLang: Lang): Promise<void> {
		try {
			await this.open(await fetchSample(SAMPLE_PROFILES, companionLang(session.file?.fileName, pageLang)));
		} catch (e) {
			this.fail(e);
		}
	}

	private fail(e: unknown): void {
		this.error = isClienteleError(e)
			? e
			: new ClienteleError('profiles.failed', { detail: e instanceof Error ? e.message : String(e) });
	}
}

export const profiles = new Profiles();

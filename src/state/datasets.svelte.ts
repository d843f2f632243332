/**
 * The two extra datasets beside the transactions: touchpoint events (→ typed table `tp`) and survey
 * answers (checked in place in `raw_survey`). Each is opened through the transactions' pipeline
 * (run/open-file.ts: encoding, a workbook's first sheet, sniffing, its own text table), mapped with
 * its own roles and applied; views read `ready` and `version`.
 */
import { raggedParams } from '../core/csv/ragged.ts';
import { ClienteleError, isClienteleError } from '../core/errors.ts';
import type { DateFormat } from '../core/csv/dates.ts';
import { dateFormatFor } from '../core/csv/date-choice.ts';
import { localTimeZone, withTimeZone } from '../core/csv/time-zones.ts';
import { DEFAULT_DATE_FORMAT } from '../core/import/mapping.ts';
import { session } from './session.svelte.ts';
import type { ColumnProfile } from '../core/csv/sniff.ts';
import type { TouchpointMapping } from '../core/sql/journey.ts';
import type { DbClient } from '../db/client.ts';
import type { Lang } from '../i18n/translate.ts';
import type { LoadedFile } from '../run/loaded-file.ts';
import { openFile } from '../run/open-file.ts';
import { dropGridCopy } from '../run/grid-source.ts';
import { repairParams } from '../core/csv/utf8-repair.ts';
import { RAW_SURVEYS, RAW_SURVEYS_NEXT, RAW_TOUCHPOINTS, TOUCHPOINT_TABLE } from '../run/tables.ts';
import { idMatch, type IdMatch } from '../run/survey-scale.ts';
import { buildTouchpoints } from '../run/journey.ts';
import { AUTO_SCALES, checkSurveyAnswers, type AppliedSurveys, type ScaleChoices } from './surveys.svelte.ts';
import {
	guessDatasetRoles,
	missingRoles,
	type DatasetKind,
	type DatasetRole,
	type DatasetRoles
} from '../core/import/dataset-roles.ts';
import { getDb } from './engine.ts';
import { fileInput } from './file-input.ts';
import { rfmRuns } from './rfm-runs.ts';
import { SAMPLE_PROFILES, profiles } from './profiles.svelte.ts';
import { companionLang, fetchSample, sampleLangOf, type SampleFile } from './sample.ts';

export type DatasetStatus = 'idle' | 'loading' | 'mapping' | 'applying' | 'ready';

/** The text table each dataset is loaded into. */
const TEXT_TABLES: Record<DatasetKind, string> = {
	touchpoints: RAW_TOUCHPOINTS,
	surveys: RAW_SURVEYS
};
export const SAMPLE_FILES: Record<DatasetKind, SampleFile> = {
	touchpoints: 'touchpoints.csv',
	surveys: 'surveys.csv'
};

export class DatasetState {
	status = $state<DatasetStatus>('idle');
	fileName = $state('');
	file = $state.raw<LoadedFile | null>(null);
	roles = $state<DatasetRoles>({});
	error = $state.raw<ClienteleError | null>(null);
	warnings = $state.raw<ClienteleError[]>([]);
	/** The open file's lines whose bad bytes became U+FFFD (null: none). */
	private repaired: ClienteleError | null = null;
	/** The file opened last (a project file may carry it). */
	source: File | null = null;
	/** Bumped after each successful apply: analyses recompute. */
	version = $state(0);
	db: DbClient | null = null;

	constructor(readonly kind: DatasetKind) {}

	/** Surveys: the last import that passed (a failed one keeps it). Touchpoints: the mapped file. */
	get ready(): boolean {
		if (this.kind === 'surveys') return this.applied !== null && this.version > 0;
		return this.status === 'ready' && this.version > 0;
	}

	/** Surveys: the import the KPIs read (state/surveys.svelte.ts), kept when a later one fails. */
	applied = $state.raw<AppliedSurveys | null>(null);
	/** Surveys: the answer scale per column and the CES direction, chosen or 'auto' (detected at import). */
	choices = $state<ScaleChoices>({ ...AUTO_SCALES });

	/** How many of the dataset's customer ids are customers of the transactions (null: not known). */
	match = $state.raw<IdMatch | null>(null);
	private matchKey = '';

	/** Counts the ids matching the transactions' customers, once per dataset and transaction version. */
	async refreshMatch(txVersion: number): Promise<void> {
		const db = this.db;
		const col = this.kind === 'surveys' ? this.applied?.roles.customer : 'customer_id';
		const source = this.kind === 'surveys' ? this.applied?.table : TOUCHPOINT_TABLE;
		const key = `${this.version}|${txVersion}`;
		if (!db || !this.ready || !col || !source || !session.ready || key === this.matchKey) return;
		this.matchKey = key;
		this.match = await idMatch(db, { source, column: col, typed: this.kind === 'touchpoints' });
	}

	/** Surveys: a new file loads beside the applied one, so a failed import leaves the applied one whole. */
	private get loadTable(): string {
		if (this.kind !== 'surveys') return this.table;
		return this.applied?.table === RAW_SURVEYS ? RAW_SURVEYS_NEXT : RAW_SURVEYS;
	}

	/** Surveys: a scale or direction chosen for a column; the current file is checked again with it. */
	async choose(patch: Partial<ScaleChoices>): Promise<void> {
		this.choices = { ...this.choices, ...patch };
		if (this.file) await this.apply();
	}

	get busy(): boolean {
		return this.status === 'loading' || this.status === 'applying';
	}

	get columns(): readonly ColumnProfile[] {
		return this.file?.sniff.columns ?? [];
	}

	get table(): string {
		return TEXT_TABLES[this.kind];
	}

	column(role: DatasetRole): ColumnProfile | undefined {
		const name = this.roles[role];
		return name ? this.columns.find((c) => c.name === name) : undefined;
	}

	/** As for transactions: text dates as sniffed, Unix times and Excel serials, instants in the zone chosen for them. */
	dateFormat(): DateFormat {
		const f = dateFormatFor(this.column('date')) ?? DEFAULT_DATE_FORMAT;
		return withTimeZone(f, session.mapping?.timeZone ?? localTimeZone());
	}

	setRole(role: DatasetRole, column: string): void {
		this.roles = { ...this.roles, [role]: column === '' ? undefined : column };
	}

	/** Opens a file through the one pipeline (run/open-file.ts) into this dataset's text table, then applies the guessed roles. */
	async open(file: File): Promise<void> {
		this.status = 'loading';
		this.fileName = file.name;
		this.error = null;
		this.warnings = [];
		try {
			const db = await getDb();
			const opened = await openFile(db, file, { table: this.loadTable }, fileInput());
			if (!opened) {
				this.status = this.file ? 'mapping' : 'idle';
				return;
			}
			this.db = db;
			this.file = opened.file;
			this.source = file;
			this.repaired = opened.repaired ? new ClienteleError('encoding.repaired', repairParams(file.name, opened.repaired)) : null;
			this.roles = guessDatasetRoles(this.kind, opened.file.sniff.columns);
			await this.apply();
		} catch (e) {
			this.fail(e);
			this.status = this.file ? 'mapping' : 'idle';
			this.sayKept();
		}
	}

	async apply(): Promise<void> {
		const db = this.db;
		const file = this.file;
		if (!db || !file) return;
		this.error = null;
		this.warnings = [];
		const missing = missingRoles(this.kind, this.roles);
		if (missing.length) {
			this.error = new ClienteleError(
				this.kind === 'touchpoints' ? 'datasets.needTouchpointRoles' : 'datasets.needScore',
				{ file: file.fileName }
			);
			this.status = 'mapping';
			this.sayKept();
			return;
		}
		this.status = 'applying';
		try {
			if (this.kind === 'touchpoints') await this.applyTouchpoints(db, file);
			else await this.applySurveys(db, file);
			// Rows left out for a wrong number of fields are said, with their lines.
			if (file.ragged)
				this.warnings = [
					new ClienteleError('ragged.skipped', {
						file: file.fileName,
						...raggedParams(file.ragged)
					}),
					...this.warnings
				];
			// Bytes that were not UTF-8 became U+FFFD: said with the lines, as on the import view.
			if (this.repaired) this.warnings = [this.repaired, ...this.warnings];
			this.version++;
			this.status = 'ready';
		} catch (e) {
			this.fail(e);
			this.status = 'mapping';
			this.sayKept();
		}
	}

	/** Surveys: after a failed import the answers of the last good one stay in use; say so beside the error. */
	private sayKept(): void {
		const kept = this.kind === 'surveys' ? this.applied : null;
		if (kept) this.warnings = [new ClienteleError('survey.keptPrevious', { file: kept.file.fileName })];
	}

	private async applySurveys(db: DbClient, file: LoadedFile): Promise<void> {
		const roles = { ...this.roles };
		const scales = await checkSurveyAnswers(db, { file, roles, choices: this.choices, column: (r) => this.column(r) });
		const before = this.applied;
		this.applied = { file, table: file.table, roles, scales, dateFormat: this.dateFormat() };
		// The replaced file's grid copy (made if the pivot read it) is no longer read by anything.
		if (before && before.table !== file.table) await dropGridCopy(db, before.table);
	}

	private async applyTouchpoints(db: DbClient, file: LoadedFile): Promise<void> {
		const r = this.roles;
		const mapping: TouchpointMapping = {
			customer: r.customer!,
			date: r.date!,
			dateFormat: this.dateFormat(),
			touchpoint: r.touchpoint!,
			channel: r.channel,
			stage: r.stage,
			score: r.score,
			scoreFormat: this.column('score')?.number?.format,
			outcome: r.outcome,
			segment: r.segment
		};
		const res = await buildTouchpoints(db, { file: file.fileName, mapping, source: this.table });
		this.warnings = res.warnings;
	}

	private fail(e: unknown): void {
		this.error = isClienteleError(e)
			? e
			: new ClienteleError('import.readFailed', {
					file: this.fileName,
					detail: e instanceof Error ? e.message : String(e)
				});
	}
}

class Datasets {
	touchpoints = new DatasetState('touchpoints');
	surveys = new DatasetState('surveys');
	/** True while the sample touchpoints and surveys load. */
	sampleLoading = $state(false);

	of(kind: DatasetKind): DatasetState {
		return kind === 'touchpoints' ? this.touchpoints : this.surveys;
	}
}

export const datasets = new Datasets();

/**
 * Fetches a sample file (public/sample, or its English twin: state/sample.ts) in the language of the
 * loaded sample transactions, else the page's, and opens it as a dataset. Errors stay in the dataset's state.
 */
export async function loadSampleDataset(kind: DatasetKind, pageLang: Lang): Promise<void> {
	const state = datasets.of(kind);
	try {
		await state.open(await fetchSample(SAMPLE_FILES[kind], companionLang(session.file?.fileName, pageLang)));
	} catch (e) {
		state.error = isClienteleError(e)
			? e
			: new ClienteleError('import.readFailed', {
					file: SAMPLE_FILES[kind],
					detail: e instanceof Error ? e.message : String(e)
				});
	}
}

/**
 * The sample touchpoints and surveys of a language (called after the sample transactions of that
 * language are loaded). They load
 * once the RFM run the new transactions started has finished: one engine connection, and the
 * first analysis goes first. Sample profiles loaded before from the other language's twin are
 * loaded again in this one, so the loaded sample never mixes languages.
 */
export async function loadSampleDatasets(lang: Lang): Promise<void> {
	datasets.sampleLoading = true;
	try {
		if (session.ready || session.customersReady) await rfmRuns.settled(session.txVersion);
		await loadSampleDataset('touchpoints', lang);
		await loadSampleDataset('surveys', lang);
		const profilesLang = sampleLangOf(profiles.fileName, SAMPLE_PROFILES);
		if (profilesLang !== null && profilesLang !== lang) await profiles.loadSample(lang);
	} finally {
		datasets.sampleLoading = false;
	}
}

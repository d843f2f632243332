/**
 * The two extra datasets beside the transactions: touchpoint events (→ typed table `tp`) and survey
 * answers (checked in place in `raw_survey`). Each is opened through the transactions' pipeline
 * (run/open-file.ts: encoding, a workbook's first sheet, sniffing, its own text table), mapped with
 * its own roles and applied; views read `ready` and `version`.
 */
import { raggedParams } from '../core/csv/ragged.ts';
import { ClienteleError, isClienteleError } from '../core/errors.ts';
import { NPS_MAX, NPS_MIN } from '../core/kpi/nps.ts';
import type { CsatScale } from '../core/kpi/csat.ts';
import type { DateFormat } from '../core/csv/dates.ts';
import { dateFormatFor } from '../core/csv/date-choice.ts';
import { localTimeZone, withTimeZone } from '../core/csv/time-zones.ts';
import { DEFAULT_DATE_FORMAT } from '../core/import/mapping.ts';
import { session } from './session.svelte.ts';
import type { ColumnProfile } from '../core/csv/sniff.ts';
import type { TouchpointMapping } from '../core/sql/journey.ts';
import type { DbClient } from '../db/client.ts';
import type { LoadedFile } from '../run/loaded-file.ts';
import { openFile } from '../run/open-file.ts';
import { RAW_SURVEYS, RAW_TOUCHPOINTS } from '../run/tables.ts';
import { buildTouchpoints } from '../run/journey.ts';
import { checkScores } from '../run/kpi.ts';
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

export type DatasetStatus = 'idle' | 'loading' | 'mapping' | 'applying' | 'ready';

/** The text table each dataset is loaded into. */
const TEXT_TABLES: Record<DatasetKind, string> = {
	touchpoints: RAW_TOUCHPOINTS,
	surveys: RAW_SURVEYS
};
export const SAMPLE_FILES: Record<DatasetKind, string> = {
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
	/** Bumped after each successful apply: analyses recompute. */
	version = $state(0);
	db: DbClient | null = null;

	constructor(readonly kind: DatasetKind) {}

	get ready(): boolean {
		return this.status === 'ready' && this.version > 0;
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
			const opened = await openFile(db, file, { table: this.table }, fileInput());
			if (!opened) {
				this.status = this.file ? 'mapping' : 'idle';
				return;
			}
			this.db = db;
			this.file = opened.file;
			this.roles = guessDatasetRoles(this.kind, opened.file.sniff.columns);
			await this.apply();
		} catch (e) {
			this.fail(e);
			this.status = this.file ? 'mapping' : 'idle';
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
			this.version++;
			this.status = 'ready';
		} catch (e) {
			this.fail(e);
			this.status = 'mapping';
		}
	}

	/** Answers must fit their scales; CSAT's scale comes from the KPI view (default 5). */
	csatScale = $state<CsatScale>(5);
	cesMax = $state(7);

	private async applySurveys(db: DbClient, file: LoadedFile): Promise<void> {
		const r = this.roles;
		const fmt = (role: DatasetRole) => this.column(role)?.number?.format;
		const base = { file: file.fileName, source: this.table };
		if (r.nps)
			await checkScores(db, {
				...base,
				score: r.nps,
				format: fmt('nps'),
				min: NPS_MIN,
				max: NPS_MAX
			});
		if (r.csat)
			await checkScores(db, {
				...base,
				score: r.csat,
				format: fmt('csat'),
				min: 1,
				max: this.csatScale
			});
		if (r.ces)
			await checkScores(db, {
				...base,
				score: r.ces,
				format: fmt('ces'),
				min: 1,
				max: this.cesMax
			});
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

/** Fetches a sample file from public/sample and opens it as a dataset. Errors stay in the dataset's state. */
export async function loadSampleDataset(kind: DatasetKind): Promise<void> {
	const state = datasets.of(kind);
	try {
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a one-off address, not state
		const res = await fetch(new URL(`./sample/${SAMPLE_FILES[kind]}`, document.baseURI));
		if (!res.ok)
			throw new ClienteleError('import.readFailed', {
				file: SAMPLE_FILES[kind],
				detail: `HTTP ${res.status}`
			});
		const blob = await res.blob();
		await state.open(new File([blob], `示例-${SAMPLE_FILES[kind]}`, { type: 'text/csv' }));
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
 * The sample touchpoints and surveys (called after the sample transactions are loaded). They load
 * once the RFM run the new transactions started has finished: one engine connection, and the
 * first analysis goes first.
 */
export async function loadSampleDatasets(): Promise<void> {
	datasets.sampleLoading = true;
	try {
		if (session.ready || session.customersReady) await rfmRuns.settled(session.txVersion);
		await loadSampleDataset('touchpoints');
		await loadSampleDataset('surveys');
	} finally {
		datasets.sampleLoading = false;
	}
}

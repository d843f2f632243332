/**
 * The two extra datasets beside the transactions: touchpoint events (→ typed table `tp`) and survey
 * answers (checked in place in `raw_survey`). Each is opened like the transactions (encoding,
 * sniffing, raw text table), mapped with its own roles and applied; views read `ready` and `version`.
 */
import { raggedParams } from '../core/csv/ragged.ts';
import { inspectOffThread } from '../workers/inspect-client.ts';
import { ClienteleError, isClienteleError } from '../core/errors.ts';
import { NPS_MAX, NPS_MIN } from '../core/kpi/nps.ts';
import type { CsatScale } from '../core/kpi/csat.ts';
import type { DateFormat } from '../core/csv/dates.ts';
import { dateFormatFor } from '../core/csv/date-choice.ts';
import { localTimeZone, withTimeZone } from '../core/csv/time-zones.ts';
import { session } from './session.svelte.ts';
import type { ColumnProfile } from '../core/csv/sniff.ts';
import type { TouchpointMapping } from '../core/sql/journey.ts';
import type { DbClient } from '../db/client.ts';
import { loadFile, type LoadedFile } from '../db/ingest.ts';
import { buildTouchpoints } from '../run/journey.ts';
import { checkScores } from '../run/kpi.ts';
import {
	guessDatasetRoles,
	missingRoles,
	type DatasetKind,
	type DatasetRole,
	type DatasetRoles
} from '../views/datasets/roles.ts';
import { prepareFile } from '../views/import/read-sample.ts';
import { analysis } from './analysis.svelte.ts';
import { getDb } from './engine.ts';

export type DatasetStatus = 'idle' | 'loading' | 'mapping' | 'applying' | 'ready';

export const RAW_TABLES: Record<DatasetKind, 'raw_tp' | 'raw_survey'> = {
	touchpoints: 'raw_tp',
	surveys: 'raw_survey'
};
export const SAMPLE_FILES: Record<DatasetKind, string> = {
	touchpoints: 'touchpoints.csv',
	surveys: 'surveys.csv'
};
const FALLBACK_DATE: DateFormat = { strptime: ['%Y-%m-%d'], label: 'YYYY-MM-DD', dateOnly: true };

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

	get table(): 'raw_tp' | 'raw_survey' {
		return RAW_TABLES[this.kind];
	}

	column(role: DatasetRole): ColumnProfile | undefined {
		const name = this.roles[role];
		return name ? this.columns.find((c) => c.name === name) : undefined;
	}

	/** As for transactions: text dates as sniffed, Unix times and Excel serials, instants in the zone chosen for them. */
	dateFormat(): DateFormat {
		const f = dateFormatFor(this.column('date')) ?? FALLBACK_DATE;
		return withTimeZone(f, session.mapping?.timeZone ?? localTimeZone());
	}

	setRole(role: DatasetRole, column: string): void {
		this.roles = { ...this.roles, [role]: column === '' ? undefined : column };
	}

	async open(file: File, displayName = file.name): Promise<void> {
		this.status = 'loading';
		this.fileName = displayName;
		this.error = null;
		this.warnings = [];
		try {
			const db = await getDb();
			const prepared = await prepareFile(file);
			const inspected = await inspectOffThread(prepared.sample, displayName);
			const o = {
				fileName: displayName,
				source: { kind: 'file' as const, file: prepared.file },
				sample: prepared.sample,
				inspected,
				table: this.table
			};
			// The page shares one DuckDB connection: a streamed load can fail when another view queries
			// at the same moment (e.g. the RFM run after the sample transactions); one retry covers it.
			const loaded = await loadFile(db, o).catch(async (e: unknown) => {
				if (!isClienteleError(e) || e.code !== 'import.readFailed') throw e;
				await new Promise((r) => setTimeout(r, 300));
				return loadFile(db, o);
			});
			if (!loaded) {
				this.status = this.file ? 'mapping' : 'idle';
				return;
			}
			this.db = db;
			this.file = loaded;
			this.roles = guessDatasetRoles(this.kind, loaded.sniff.columns);
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
		await state.open(
			new File([blob], SAMPLE_FILES[kind], { type: 'text/csv' }),
			`示例-${SAMPLE_FILES[kind]}`
		);
	} catch (e) {
		state.error = isClienteleError(e)
			? e
			: new ClienteleError('import.readFailed', {
					file: SAMPLE_FILES[kind],
					detail: e instanceof Error ? e.message : String(e)
				});
	}
}

/** The sample touchpoints and surveys (called after the sample transactions are loaded). */
export async function loadSampleDatasets(): Promise<void> {
	datasets.sampleLoading = true;
	try {
		await settled();
		await loadSampleDataset('touchpoints');
		await loadSampleDataset('surveys');
	} finally {
		datasets.sampleLoading = false;
	}
}

/** Waits (briefly, polling) for the RFM run the new transactions start, so the loads don't overlap it. */
async function settled(): Promise<void> {
	for (let i = 0; i < 600; i++) {
		await new Promise((r) => setTimeout(r, 100));
		const st = analysis.rfm?.status;
		if (i >= 2 && (st === 'ready' || st === 'error' || (st === undefined && i >= 10))) return;
	}
}

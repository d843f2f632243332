import { ClienteleError, isClienteleError } from '../../core/errors.ts';
import { toCsv } from '../../core/export/csv.ts';
import { DEFAULT_BEHAVIOUR, type BehaviourColumns } from '../../core/persona/defaults.ts';
import { guessClassColumns } from '../../core/persona/guess.ts';
import { PERSONA_COLUMNS, personaOutputRow } from '../../core/persona/output.ts';
import { columnsSql } from '../../core/sql/catalog.ts';
import type { DbClient } from '../../db/client.ts';
import type { Lang, Translate } from '../../i18n/translate.ts';
import { ensureText, type LoadedFile } from '../../run/loaded-file.ts';
import { runPersona, type PersonaBasis, type PersonaResult } from '../../run/persona.ts';
import { tableExists } from '../../run/table-ops.ts';
import type { PersonaSurveys } from '../../run/persona-survey.ts';
import { GRADE_TABLE, RAW_TABLE, TOUCHPOINT_TABLE, VALUE_MATRIX_TABLE } from '../../run/tables.ts';
import { scaleBounds } from '../../core/kpi/scales.ts';
import { datasets } from '../../state/datasets.svelte.ts';
import { appliedColumn } from '../../state/surveys.svelte.ts';
import type { RfmRun } from '../../state/analysis.svelte.ts';
import { pageBasisInput, type PageBasis } from '../../state/basis.ts';
import { profiles } from '../../state/profiles.svelte.ts';
import { attachSettings } from '../../state/project-settings.ts';
import { PERSONA_SETTINGS } from './settings.ts';

export type PersonaPageBasis = PageBasis | 'column';

/**
 * Personas in the page: the basis (only those that exist: segments and stages always, quadrants once
 * the value matrix ran, tiers once the grading tab graded, a profile column with profiles loaded), the
 * class columns (guessed from the headers, editable), the night-owl rule in; groups and rows out.
 */
export class PersonaModel {
	basis = $state<PersonaPageBasis>('segment');
	/** The column of the 'column' basis: a profile column (loaded profiles) or a transactions column. */
	column = $state('');
	columns = $state<BehaviourColumns>({});
	minOrders = $state<number>(DEFAULT_BEHAVIOUR.nightOwl.minOrders);
	nightShare = $state<number>(DEFAULT_BEHAVIOUR.nightOwl.share);
	status = $state<'idle' | 'running' | 'ready' | 'error'>('idle');
	error = $state.raw<ClienteleError | null>(null);
	result = $state.raw<PersonaResult | null>(null);
	/** Group id → name in the language of the run. */
	names = $state.raw<Record<string, string>>({});
	/** The transaction file's columns (for the class column pickers). */
	textColumns = $state.raw<string[]>([]);
	available = $state.raw<PersonaPageBasis[]>(['segment', 'stage']);
	compare = $state<[string, string]>(['', '']);
	private runs = 0;
	private prepared = false;

	constructor(
		private readonly db: DbClient,
		readonly rfm: RfmRun,
		private readonly hasOrder: boolean,
		private readonly mapped: readonly string[],
		/** The transaction file: its text table holds the class columns (read on first need). */
		private readonly file: LoadedFile | null
	) {}

	/** The profile columns a group can be made of (loaded profiles). */
	get profileColumns(): string[] {
		return profiles.ready ? (profiles.info?.attributes.map((a) => a.name) ?? []) : [];
	}

	/** The transactions' columns a group can be made of (every column of the file but those mapped to roles). */
	get txColumns(): string[] {
		return this.textColumns.filter((c) => !this.mapped.includes(c) && !this.profileColumns.includes(c));
	}

	/** Every setting the rows depend on (a change re-runs), and the surveys and touchpoints joined. */
	key(lang: Lang): string {
		const joined = [datasets.surveys.ready ? datasets.surveys.version : 0, datasets.touchpoints.ready ? datasets.touchpoints.version : 0];
		return JSON.stringify([this.basis, this.column, this.columns, this.minOrders, this.nightShare, lang, this.rfm.version, profiles.version, joined]);
	}

	/** The applied survey answers with a customer column and an NPS or CSAT column (undefined: none). */
	private surveys(): PersonaSurveys | undefined {
		const a = datasets.surveys.ready ? datasets.surveys.applied : null;
		const r = a?.roles;
		if (!a || !r?.customer || (!r.nps && !(r.csat && a.scales.csat))) return undefined;
		const csat = r.csat && a.scales.csat ? scaleBounds(a.scales.csat) : null;
		return {
			table: a.table,
			customer: r.customer,
			nps: r.nps ? { score: r.nps, format: appliedColumn(a, 'nps')?.number?.format } : undefined,
			csat: r.csat && csat ? { score: r.csat, format: appliedColumn(a, 'csat')?.number?.format, scale: csat.max, min: csat.min } : undefined
		};
	}

	private async prepare(): Promise<void> {
		if (this.file) await ensureText(this.file);
		const [matrix, grade, raw] = await Promise.all([tableExists(this.db, VALUE_MATRIX_TABLE), tableExists(this.db, GRADE_TABLE), tableExists(this.db, RAW_TABLE)]);
		this.available = [...(['segment'] as const), ...(matrix ? (['quadrant'] as const) : []), ...(grade ? (['tier'] as const) : []), 'stage', ...(this.profileColumns.length || raw ? (['column'] as const) : [])];
		if (!raw) return;
		const cols = (await this.db.query<{ name: string }>(columnsSql(RAW_TABLE))).rows.map((r) => r.name);
		this.textColumns = cols;
		if (!this.prepared) this.columns = guessClassColumns(cols, this.mapped);
		this.prepared = true;
	}

	private async basisInput(lang: Lang, t: Translate): Promise<PersonaBasis> {
		if (this.basis === 'column') {
			const all = [...this.profileColumns, ...this.txColumns];
			if (!all.includes(this.column)) this.column = all[0] ?? '';
			return { basis: 'column', column: this.column };
		}
		return pageBasisInput(this.db, this.basis, { rfm: this.rfm, hasOrder: this.hasOrder, profiles: profiles.ready, lang, t });
	}

	async run(lang: Lang, t: Translate): Promise<void> {
		const run = ++this.runs;
		const t0 = performance.now();
		if (!(Number.isInteger(this.minOrders) && this.minOrders >= 1 && this.nightShare >= 0 && this.nightShare <= 1)) {
			this.error = new ClienteleError('persona.badNightOwl');
			return;
		}
		this.status = 'running';
		try {
			await this.prepare();
			if (!this.available.includes(this.basis)) this.basis = 'segment';
			const basis = await this.basisInput(lang, t);
			const res = await runPersona(this.db, {
				asOf: this.rfm.asOf,
				returns: this.rfm.returns,
				cancelledPattern: this.rfm.cancelledPattern,
				settings: { ...DEFAULT_BEHAVIOUR, nightOwl: { ...DEFAULT_BEHAVIOUR.nightOwl, minOrders: this.minOrders, share: this.nightShare } },
				columns: this.textColumns.length ? $state.snapshot(this.columns) : {},
				text: this.textColumns.length ? { table: RAW_TABLE, columns: this.textColumns } : undefined,
				basis,
				profiles: profiles.ready ? (profiles.info?.attributes ?? []) : [],
				touchpoints: datasets.touchpoints.ready ? TOUCHPOINT_TABLE : undefined,
				surveys: this.surveys()
			});
			if (run !== this.runs) return;
			this.names = basis.basis === 'column' ? {} : basis.names;
			this.result = res;
			const ids = res.groups.map((g) => g.id);
			if (!ids.includes(this.compare[0]) || !ids.includes(this.compare[1])) this.compare = [ids[0] ?? '', ids[1] ?? ids[0] ?? ''];
			this.error = null;
			this.status = 'ready';
			performance.measure('clientele:persona-run', { start: t0 });
		} catch (e) {
			if (run !== this.runs) return;
			this.error = isClienteleError(e) ? e : new ClienteleError('persona.failed', { detail: e instanceof Error ? e.message : String(e) });
			this.status = 'error';
		}
	}

	/** A group's name (the basis' name in the page's language; a column's value as it is). */
	groupName(id: string): string {
		return this.names[id] ?? id;
	}

	/** Every row as the CLI writes them, group names in the page's language; BOM for Excel, formula-safe. */
	csv(): string {
		const rows = this.result?.rows ?? [];
		return toCsv(PERSONA_COLUMNS, rows.map((r) => personaOutputRow(r, (id) => this.groupName(id))), { bom: true });
	}
}

const models = new WeakMap<RfmRun, PersonaModel>();

/** One persona model per RFM run (settings survive tab switches; a new dataset version starts afresh). */
export function personaFor(db: DbClient, rfm: RfmRun, hasOrder: boolean, mapped: readonly string[], file: LoadedFile | null): PersonaModel {
	let m = models.get(rfm);
	if (!m) {
		m = attachSettings(PERSONA_SETTINGS, new PersonaModel(db, rfm, hasOrder, mapped, file));
		models.set(rfm, m);
	}
	return m;
}

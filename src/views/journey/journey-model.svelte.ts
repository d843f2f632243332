/**
 * Journey view model: the journey map (volume by stage × touchpoint, the score curve, pain points,
 * drop-offs between stages), paths and time between steps, a funnel with a conversion window and
 * the online/offline split. Everything reads the typed touchpoint table, optionally narrowed to the
 * customers of one RFM segment or one value-matrix quadrant; the funnel can be split by either.
 * Choices in $state; each report's request — a step of run/journey.ts — is derived from the choices
 * it uses (state/query.svelte.ts), so changing "top N" asks again only for the paths.
 */
import { ClienteleError } from '../../core/errors.ts';
import { DEFAULT_PATH_STEPS, DEFAULT_TOP_PATHS, PAGE_FUNNEL_WINDOW_DAYS, PAGE_PAIN_LIMIT } from '../../core/kpi/defaults.ts';
import { byQuadrantOrder, presentQuadrants } from '../../core/kpi/quadrants.ts';
import { parseFilter } from '../../core/sql/journey-filter.ts';
import { DEFAULT_CHANNELS } from '../../core/sql/journey.ts';
import type { FunnelStep } from '../../core/sql/journey-paths.ts';
import type { DbClient } from '../../db/client.ts';
import * as journey from '../../run/journey.ts';
import { groupSourcesStep, type GroupSources } from '../../run/quadrant-source.ts';
import { constantStep, type Step } from '../../run/step.ts';
import { RFM_TABLE, TOUCHPOINT_TABLE } from '../../run/tables.ts';
import type { CustomerTables } from '../../state/customer-tables.svelte.ts';
import type { DatasetState } from '../../state/datasets.svelte.ts';
import { firstError, Query, type QueryRequest } from '../../state/query.svelte.ts';

export type { ChannelResultRow, FunnelField, FunnelResultRow, LinkRow, PainRow, PathRow, StageRow, TimeRow, VolumeRow } from '../../run/journey.ts';
export { orderedStages } from '../../run/journey.ts';

export type LoadState = 'idle' | 'loading' | 'ready' | 'error' | 'empty';
export type FunnelSplit = 'none' | 'segment' | 'quadrant';

/** What the journey model reads from the rest of the app (every getter reactive). */
export interface JourneyInputs {
	db: () => DbClient | null;
	touchpoints: DatasetState;
	/** The RFM and quadrant tables to narrow or split by (state/customer-tables.ts). */
	tables: () => CustomerTables;
}

/** A table the reports read and the version of its contents. */
type Source = { table: string; version: number };
type Values = Record<journey.FunnelField, string[]>;

const NO_SOURCES: GroupSources = { hasRfm: false, quadrant: null };
const NO_VALUES: Values = { touchpoint: [], stage: [], outcome: [] };

export class JourneyModel {
	/** Customers shown: '' (all), 'segment:<id>' or 'quadrant:<id>' (see core/sql/journey-filter.ts). */
	filter = $state('');
	pathSteps = $state(DEFAULT_PATH_STEPS);
	topN = $state(DEFAULT_TOP_PATHS);
	collapseRepeats = $state(false);
	funnelField = $state<journey.FunnelField>('touchpoint');
	/** The steps the user chose ([] at first: `steps` is then the default funnel). */
	funnelSteps = $state<string[]>([]);
	windowDays = $state(PAGE_FUNNEL_WINDOW_DAYS);
	funnelSplit = $state<FunnelSplit>('none');
	useChannelColumn = $state(true);
	channels = $state<Record<string, string>>({ ...DEFAULT_CHANNELS });

	// The customer tables and the groups in them, the narrowed events, then the reports.
	private readonly sources: Query<GroupSources>;
	private readonly segmentList: Query<string[]>;
	private readonly quadrantList: Query<string[]>;
	private readonly selection: Query<string>;
	private readonly allTouchpoints: Query<string[]>;
	private readonly noChannel: Query<string>;
	private readonly valueLists: Query<Values>;
	private readonly volumeRows: Query<journey.VolumeRow[]>;
	private readonly stageRows: Query<journey.StageRow[]>;
	private readonly painRows: Query<journey.PainRow[]>;
	private readonly pathRows: Query<journey.PathRow[]>;
	private readonly linkRows: Query<journey.LinkRow[]>;
	private readonly timeRows: Query<journey.TimeRow[]>;
	private readonly dropRows: Query<journey.FunnelResultRow[]>;
	private readonly channelRowsQ: Query<journey.ChannelResultRow[]>;
	private readonly funnelRows: Query<{ rows: journey.FunnelResultRow[]; of: FunnelSplit }>;

	constructor(private readonly inputs: JourneyInputs) {
		const q = <T>(request: () => QueryRequest<T> | null) => new Query<T>(() => inputs.db(), request);
		const tp = inputs.touchpoints;
		/** A step over a table, with the table's version (null: the table is not there yet). */
		const over = <T>(s: Source | null, step: (table: string) => Step<T>) => s && { ...step(s.table), data: [s.version] };
		const report = <R extends journey.JourneyReport>(r: () => R) => q(() => over(this.source, (t) => journey.reportStep(r(), t)));
		/** The values of a customer table's column, once the customer tables are known. */
		const list = (of: () => { table: string; column: string } | null) =>
			q(() => {
				const t = of();
				return t && this.sources.status === 'ready' ? { ...journey.valuesStep(t.table, t.column), data: [this.sources.version] } : null;
			});

		this.sources = q(() => (tp.ready ? { ...groupSourcesStep({ ignore: inputs.tables().ignore }), data: inputs.tables().versions } : null));
		this.segmentList = list(() => (this.hasRfm ? { table: RFM_TABLE, column: 'segment' } : null));
		this.quadrantList = list(() => this.quadrant);
		this.selection = q(() => (this.group && tp.ready ? { ...journey.selectCustomersStep(this.group), data: [tp.version, this.sources.version] } : null));
		this.allTouchpoints = q(() => over(tp.ready ? { table: TOUCHPOINT_TABLE, version: tp.version } : null, (t) => journey.valuesStep(t, 'touchpoint')));
		this.noChannel = q(() => (this.useChannelColumn ? null : over(this.source, journey.withoutChannelStep)));
		this.valueLists = q(() => over(this.source, journey.valueListsStep));
		this.volumeRows = report(() => ({ report: 'touchpoints' }));
		this.stageRows = report(() => ({ report: 'stages' }));
		this.painRows = report(() => ({ report: 'pain', limit: PAGE_PAIN_LIMIT }));
		this.pathRows = report(() => ({ report: 'paths', steps: this.pathSteps, top: this.topN, collapseRepeats: this.collapseRepeats }));
		this.linkRows = report(() => ({ report: 'links', steps: this.pathSteps, collapseRepeats: this.collapseRepeats }));
		this.timeRows = report(() => ({ report: 'times', by: 'step', maxSteps: Math.max(2, this.pathSteps), collapseRepeats: this.collapseRepeats }));
		// The funnel through the stages in order waits for the stages (no funnel with fewer than two).
		this.dropRows = q<journey.FunnelResultRow[]>(() => {
			if (this.stageRows.status !== 'ready') return null;
			const r = journey.stageDropsReport(this.stageRows.data!);
			return r ? over(this.source, (t) => journey.reportStep(r, t)) : constantStep([]);
		});
		// Channels from the channel column, or from the table (the events without the column).
		this.channelRowsQ = q(() => {
			const from = this.useChannelColumn ? this.source : this.noChannel.status === 'ready' ? { table: this.noChannel.data!, version: this.noChannel.version } : null;
			return over(from, (t) => journey.reportStep({ report: 'channels', channels: this.channels }, t));
		});
		this.funnelRows = q(() => {
			const steps = this.steps.filter((x) => x !== '');
			if (steps.length === 0 || this.funnelProblem) return null;
			const by = this.funnelBy;
			const of: FunnelSplit = by ? this.funnelSplit : 'none';
			const r = { report: 'funnel' as const, steps: steps.map((value): FunnelStep => (this.funnelField === 'touchpoint' ? value : { field: this.funnelField, value })), windowDays: this.windowDays, by };
			return over(this.source, (t) => {
				const step = journey.reportStep(r, t);
				const run = async (db: DbClient) => {
					const rows = await step.run(db);
					return { rows: of === 'quadrant' ? byQuadrantOrder(rows) : rows, of };
				};
				return { sql: step.sql, run };
			});
		});
	}

	/** Follows the choices and the data for the life of the calling component (the page). */
	track(): void {
		for (const query of [this.sources, this.segmentList, this.quadrantList, this.selection, this.allTouchpoints, ...this.main, this.funnelRows]) query.track();
	}

	/** The queries behind the map, paths, times and channels (the funnel has its own state). */
	private get main(): Query<unknown>[] {
		return [this.noChannel, this.valueLists, this.volumeRows, this.stageRows, this.painRows, this.pathRows, this.linkRows, this.timeRows, this.dropRows, this.channelRowsQ];
	}

	get hasRfm(): boolean {
		return (this.sources.data ?? NO_SOURCES).hasRfm;
	}

	/** Where the value quadrants are (null: compute the value matrix first). */
	get quadrant(): GroupSources['quadrant'] {
		return (this.sources.data ?? NO_SOURCES).quadrant;
	}

	get hasChannelColumn(): boolean {
		return !!this.inputs.touchpoints.roles.channel;
	}

	/** RFM segments present, most customers first. */
	get segments(): string[] {
		return this.hasRfm ? (this.segmentList.data ?? []) : [];
	}

	/** Quadrant ids present in the matrix, in the matrix's order. */
	quadrants = $derived.by(() => (this.quadrant ? presentQuadrants(this.quadrantList.data ?? []) : []));

	/** The customers the journey is narrowed to: the chosen group while it exists (null: everyone). */
	group = $derived.by((): journey.CustomerGroup | null => {
		const f = parseFilter(this.filter);
		if (f?.kind === 'segment') return this.segments.includes(f.value) ? { table: RFM_TABLE, column: 'segment', value: f.value } : null;
		if (f?.kind === 'quadrant') return this.quadrant && this.quadrants.includes(f.value) ? { ...this.quadrant, value: f.value } : null;
		return null;
	});

	/** The filter as the page shows it: '' while the chosen group does not exist. */
	get shownFilter(): string {
		return this.group ? this.filter : '';
	}

	/** The table every report reads: the events, or the chosen customers' events once selected. */
	private source = $derived.by((): Source | null => {
		const tp = this.inputs.touchpoints;
		if (!tp.ready) return null;
		if (!this.group) return { table: TOUCHPOINT_TABLE, version: tp.version };
		return this.selection.status === 'ready' ? { table: this.selection.data!, version: this.selection.version } : null;
	});

	get volume(): journey.VolumeRow[] {
		return this.volumeRows.data ?? [];
	}
	get stages(): journey.StageRow[] {
		return this.stageRows.data ?? [];
	}
	get pain(): journey.PainRow[] {
		return this.painRows.data ?? [];
	}
	get stageDrops(): journey.FunnelResultRow[] {
		return this.dropRows.data ?? [];
	}
	get paths(): journey.PathRow[] {
		return this.pathRows.data ?? [];
	}
	get links(): journey.LinkRow[] {
		return this.linkRows.data ?? [];
	}
	get times(): journey.TimeRow[] {
		return this.timeRows.data ?? [];
	}
	get channelRows(): journey.ChannelResultRow[] {
		return this.channelRowsQ.data ?? [];
	}
	get values(): Values {
		return this.valueLists.data ?? NO_VALUES;
	}

	get state(): LoadState {
		if (!this.inputs.db() || !this.inputs.touchpoints.ready) return 'empty';
		if (this.error) return 'error';
		// The events without the channel column are needed only while the table decides the channels.
		if (this.main.some((x) => x !== this.noChannel && x.status !== 'ready')) return 'loading';
		return this.volume.length ? 'ready' : 'empty';
	}

	get error(): ClienteleError | null {
		return firstError([this.sources, this.segmentList, this.quadrantList, this.selection, ...this.main], this.inputs.touchpoints.fileName, 'journey.failed');
	}

	// ── Funnel ──────────────────────────────────────────────────────────────────────────────────
	/** The funnel's steps: the chosen ones, else the two most frequent touchpoints of all events. */
	get steps(): string[] {
		return this.funnelSteps.length || this.funnelField !== 'touchpoint' ? this.funnelSteps : defaultFunnel({ ...NO_VALUES, touchpoint: this.allTouchpoints.data ?? [] });
	}

	/** The customer table and column the funnel is split by (undefined: not split, or not available yet). */
	get funnelBy(): { table: string; column: string } | undefined {
		if (this.funnelSplit === 'segment' && this.hasRfm) return { table: RFM_TABLE, column: 'segment' };
		if (this.funnelSplit === 'quadrant' && this.quadrant) return this.quadrant;
		return undefined;
	}

	private get funnelProblem(): ClienteleError | null {
		return this.windowDays > 0 ? null : new ClienteleError('journeyui.badWindow', { value: String(this.windowDays) });
	}

	get funnel(): journey.FunnelResultRow[] {
		return this.funnelRows.data?.rows ?? [];
	}

	/** What the current funnel rows are split by (they arrive after the choice changes). */
	get funnelOf(): FunnelSplit {
		return this.funnelRows.data?.of ?? 'none';
	}

	get funnelState(): LoadState {
		if (!this.inputs.db() || !this.inputs.touchpoints.ready || this.steps.every((s) => s === '')) return 'empty';
		if (this.funnelError) return 'error';
		if (this.funnelRows.status !== 'ready') return 'loading';
		return this.funnel.length ? 'ready' : 'empty';
	}

	get funnelError(): ClienteleError | null {
		return this.funnelProblem ?? firstError([this.funnelRows], this.inputs.touchpoints.fileName, 'journey.failed');
	}
}

/** A first funnel to show something: the two most frequent touchpoints. */
export function defaultFunnel(v: Record<journey.FunnelField, string[]>): string[] {
	return v.touchpoint.slice(0, 2);
}

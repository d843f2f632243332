/**
 * Journey view model: the journey map (volume by stage × touchpoint, the score curve, pain points,
 * drop-offs between stages), paths and time between steps, a funnel with a conversion window and
 * the online/offline split. Everything reads the typed touchpoint table, optionally narrowed to the
 * customers of one RFM segment or one value-matrix quadrant; the funnel can be split by either.
 */
import { ClienteleError, isClienteleError } from '../../core/errors.ts';
import { channelSplitSql, DEFAULT_CHANNELS, painPointsSql, stageScoresSql, touchpointVolumeSql } from '../../core/sql/journey.ts';
import { funnelSql, pathLinksSql, stepTimesSql, topPathsSql, type FunnelStep } from '../../core/sql/journey-paths.ts';
import type { Row } from '../../db/client.ts';
import type { DbClient } from '../../db/client.ts';
import { TOUCHPOINT_TABLE } from '../../db/kpi.ts';
import { RFM_TABLE } from '../../run/tables.ts';
import type { DatasetState } from '../../state/datasets.svelte.ts';
import { existingTablesSql } from '../kpis/kpi-queries.ts';
import { byQuadrantOrder, findQuadrantSource, presentQuadrants, type QuadrantSource } from '../kpis/quadrant-source.ts';
import { customerEventsSql, parseFilter, TP_NO_CHANNEL, TP_SELECTED, valuesByCountSql, withoutChannelSql } from './journey-queries.ts';

export type LoadState = 'idle' | 'loading' | 'ready' | 'error' | 'empty';
export type FunnelField = 'touchpoint' | 'stage' | 'outcome';
export type FunnelSplit = 'none' | 'segment' | 'quadrant';

type R<T> = T & Row;
export interface VolumeRow { stage: string | null; touchpoint: string; events: number; customers: number; scored: number; mean_score: number | null; sd_score: number | null }
export interface StageRow { stage: string | null; stage_rank: number | null; events: number; scored: number; mean_score: number | null; sd_score: number | null; q25: number | null; median: number | null; q75: number | null }
export interface PainRow { touchpoint: string; scored: number; mean_score: number; sd_score: number | null; gap: number }
export interface PathRow { rank: number | null; path: string; steps: number | null; customers: number; share: number }
export interface LinkRow { step: number; source: string; target: string; customers: number }
export interface TimeRow { label: string; transitions: number; mean_hours: number; median_hours: number; p75_hours: number; p90_hours: number }
export interface FunnelResultRow { group: string | null; step: number; step_name: string; customers: number; conversion: number | null; step_conversion: number | null; drop_off: number | null }
export interface ChannelResultRow { channel: string; events: number; customers: number; scored: number; mean_score: number | null; event_share: number }

export class JourneyModel {
	/** Customers shown: '' (all), 'segment:<id>' or 'quadrant:<id>' (see journey-queries.ts). */
	filter = $state('');
	pathSteps = $state(3);
	topN = $state(10);
	collapseRepeats = $state(false);
	funnelField = $state<FunnelField>('touchpoint');
	funnelSteps = $state<string[]>([]);
	windowDays = $state(30);
	funnelSplit = $state<FunnelSplit>('none');
	useChannelColumn = $state(true);
	channels = $state<Record<string, string>>({ ...DEFAULT_CHANNELS });

	state = $state<LoadState>('idle');
	error = $state.raw<ClienteleError | null>(null);
	funnelState = $state<LoadState>('idle');
	funnelError = $state.raw<ClienteleError | null>(null);
	hasRfm = $state(false);
	/** Where the value quadrants are (null: compute the value matrix first). */
	quadrant = $state.raw<QuadrantSource | null>(null);
	/** Quadrant ids present in the matrix, in the matrix's order. */
	quadrants = $state.raw<string[]>([]);
	volume = $state.raw<VolumeRow[]>([]);
	stages = $state.raw<StageRow[]>([]);
	pain = $state.raw<PainRow[]>([]);
	stageDrops = $state.raw<FunnelResultRow[]>([]);
	paths = $state.raw<PathRow[]>([]);
	links = $state.raw<LinkRow[]>([]);
	times = $state.raw<TimeRow[]>([]);
	funnel = $state.raw<FunnelResultRow[]>([]);
	/** What the current funnel rows are split by (they arrive after the choice changes). */
	funnelOf = $state<FunnelSplit>('none');
	channelRows = $state.raw<ChannelResultRow[]>([]);
	values = $state.raw<Record<FunnelField, string[]>>({ touchpoint: [], stage: [], outcome: [] });
	segments = $state.raw<string[]>([]);
	private runs = 0;
	private funnelRuns = 0;

	constructor(
		private readonly db: () => DbClient | null,
		readonly touchpoints: DatasetState,
		/** Whether a quadrant table belongs to the current data (see kpis/quadrant-source.ts). */
		private readonly quadrantFresh: (table: string) => boolean = () => true
	) {}

	get table(): string {
		return parseFilter(this.filter) ? TP_SELECTED : TOUCHPOINT_TABLE;
	}

	get hasChannelColumn(): boolean {
		return !!this.touchpoints.roles.channel;
	}

	/** The map, paths, times and channels (the funnel has its own refresh). */
	async refresh(): Promise<void> {
		const db = this.db();
		if (!db || !this.touchpoints.ready) {
			this.state = 'empty';
			return;
		}
		const run = ++this.runs;
		this.state = 'loading';
		this.error = null;
		try {
			const hasRfm = (await db.query<{ name: string }>(existingTablesSql([RFM_TABLE]))).rows.length > 0;
			const quadrant = await findQuadrantSource(db, this.quadrantFresh);
			const segments = hasRfm ? (await db.query<{ value: string }>(valuesByCountSql({ table: RFM_TABLE, column: 'segment' }))).rows.map((r) => r.value) : [];
			const quadrants = quadrant ? presentQuadrants((await db.query<{ value: string }>(valuesByCountSql({ table: quadrant.table, column: quadrant.column }))).rows.map((r) => String(r.value))) : [];
			if (run !== this.runs) return;
			Object.assign(this, { hasRfm, quadrant, segments, quadrants });
			const f = parseFilter(this.filter);
			const source = f?.kind === 'segment' ? (segments.includes(f.value) ? { table: RFM_TABLE, column: 'segment' } : null) : f && quadrants.includes(f.value) ? quadrant : null;
			if (f && !source) this.filter = '';
			if (f && source) await db.exec(customerEventsSql({ source: TOUCHPOINT_TABLE, target: TP_SELECTED, ...source, value: f.value }));
			const t = this.table;
			const q = <T>(s: Parameters<DbClient['query']>[0]) => db.query<R<T>>(s).then((r) => r.rows as T[]);
			const [volume, stages, pain, paths, links, times, tps, sts, outs] = await Promise.all([
				q<VolumeRow>(touchpointVolumeSql({ table: t })),
				q<StageRow>(stageScoresSql({ table: t })),
				q<PainRow>(painPointsSql({ table: t, limit: 3 })),
				q<PathRow>(topPathsSql({ table: t, steps: this.pathSteps, top: this.topN, collapseRepeats: this.collapseRepeats })),
				q<LinkRow>(pathLinksSql({ table: t, steps: this.pathSteps, collapseRepeats: this.collapseRepeats })),
				q<TimeRow>(stepTimesSql({ table: t, by: 'step', maxSteps: Math.max(2, this.pathSteps), collapseRepeats: this.collapseRepeats })),
				q<{ value: string }>(valuesByCountSql({ table: t, column: 'touchpoint' })),
				q<{ value: string }>(valuesByCountSql({ table: t, column: 'stage' })),
				q<{ value: string }>(valuesByCountSql({ table: t, column: 'outcome' }))
			]);
			const order = orderedStages(stages);
			const stageDrops = order.length > 1 ? await q<FunnelResultRow>(funnelSql({ table: t, steps: order.map((value) => ({ field: 'stage', value })) })) : [];
			const channelSource = this.useChannelColumn ? t : TP_NO_CHANNEL;
			if (!this.useChannelColumn) await db.exec(withoutChannelSql({ source: t, target: TP_NO_CHANNEL }));
			const channelRows = await q<ChannelResultRow>(channelSplitSql({ table: channelSource, channels: this.channels }));
			if (run !== this.runs) return;
			Object.assign(this, { volume, stages, pain, paths, links, times, stageDrops, channelRows });
			this.values = { touchpoint: tps.map((r) => r.value), stage: sts.map((r) => r.value), outcome: outs.map((r) => r.value) };
			if (this.funnelSteps.length === 0) this.funnelSteps = defaultFunnel(this.values);
			this.state = volume.length ? 'ready' : 'empty';
		} catch (e) {
			if (run !== this.runs) return;
			this.error = asError(e, this.touchpoints.fileName);
			this.state = 'error';
		}
	}

	/** The customer table and column the funnel is split by (undefined: not split, or not available yet). */
	get funnelBy(): { table: string; column: string } | undefined {
		if (this.funnelSplit === 'segment' && this.hasRfm) return { table: RFM_TABLE, column: 'segment' };
		if (this.funnelSplit === 'quadrant' && this.quadrant) return this.quadrant;
		return undefined;
	}

	async refreshFunnel(): Promise<void> {
		const db = this.db();
		const steps = this.funnelSteps.filter((s) => s !== '');
		if (!db || !this.touchpoints.ready || steps.length === 0) {
			this.funnelState = 'empty';
			return;
		}
		const run = ++this.funnelRuns;
		this.funnelState = 'loading';
		this.funnelError = null;
		try {
			if (!(this.windowDays > 0)) throw new ClienteleError('journeyui.badWindow', { value: String(this.windowDays) });
			const fsteps: FunnelStep[] = steps.map((value) => (this.funnelField === 'touchpoint' ? value : { field: this.funnelField, value }));
			const by = this.funnelBy;
			const rows = (await db.query<R<FunnelResultRow>>(funnelSql({ table: this.table, steps: fsteps, windowDays: this.windowDays, by }))).rows;
			if (run !== this.funnelRuns) return;
			this.funnel = this.funnelSplit === 'quadrant' && by ? byQuadrantOrder(rows) : rows;
			this.funnelOf = by ? this.funnelSplit : 'none';
			this.funnelState = rows.length ? 'ready' : 'empty';
		} catch (e) {
			if (run !== this.funnelRuns) return;
			this.funnelError = asError(e, this.touchpoints.fileName);
			this.funnelState = 'error';
		}
	}
}

/** Stages as stageScoresSql sorts them: the default order (before / during / after purchase), then by name. */
export function orderedStages(rows: readonly { stage: string | null; stage_rank: number | null }[]): string[] {
	return rows.filter((r) => r.stage !== null).map((r) => r.stage!);
}

/** A first funnel to show something: the two most frequent touchpoints. */
export function defaultFunnel(v: Record<FunnelField, string[]>): string[] {
	return v.touchpoint.slice(0, 2);
}

function asError(e: unknown, file: string): ClienteleError {
	if (isClienteleError(e)) return e;
	return new ClienteleError('journey.failed', { file, detail: e instanceof Error ? e.message : String(e) });
}

/**
 * What the report reads of the other views' models (App.svelte, their owner, hands them over as these
 * interfaces, so this folder imports no other view folder). Results only: nothing here runs an analysis.
 */
import { createContext } from 'svelte';
import type { MatrixPoint } from '../../charts/value-matrix.ts';
import type { RfCell } from '../../charts/rf-heatmap.ts';
import type { Targets } from '../../core/kpi/targets.ts';
import type { KpiInputs } from '../../core/report/kpi-rows.ts';
import type { PlanGroupSummary, PlanSet } from '../../core/plan/types.ts';
import type { SegmentSet } from '../../core/segments/rules.ts';
import type { SegmentSummaryRow } from '../../core/sql/rfm.ts';
import type { Quadrant } from '../../core/sql/value-matrix.ts';
import type { Lang } from '../../i18n/translate.ts';
import type { PainRow, StageRow } from '../../run/journey.ts';
import type { QuadrantRow } from '../../run/value-matrix.ts';
import type { ReportModel } from './report-model.svelte.ts';

export interface RfmPart {
	readonly status: 'idle' | 'running' | 'ready' | 'error';
	readonly summary: readonly SegmentSummaryRow[];
	readonly summarySet: SegmentSet;
	readonly heatmap: readonly RfCell[];
	readonly customerTable: unknown;
}

export interface MatrixPart {
	readonly status: 'idle' | 'running' | 'ready' | 'error';
	readonly summary: readonly QuadrantRow[];
	readonly points: readonly MatrixPoint[];
	readonly splits: { current: number; potential: number } | null;
	readonly log: boolean;
	readonly currentKind: 'revenue' | 'margin' | 'rfm';
	readonly potentialKey: string;
	readonly strategies: Record<Lang, Record<Quadrant, string>>;
}

export interface KpiPart extends KpiInputs {
	readonly targets: Targets;
	readonly periodStart: string;
	readonly periodEnd: string;
	track(): void;
}

export interface JourneyPart {
	readonly pain: readonly PainRow[];
	readonly stages: readonly StageRow[];
	track(): void;
}

export type PlanGroupRow = PlanGroupSummary;

export interface PlanPart {
	readonly status: 'idle' | 'running' | 'ready' | 'error';
	readonly basis: string;
	readonly current: PlanSet | null;
	readonly groups: readonly PlanGroupRow[];
	readonly horizonDays: number;
	readonly start: string;
}

/** The models the report reads; each getter answers null while its model does not exist. */
export interface ReportSources {
	rfm: () => RfmPart | null;
	matrix: () => MatrixPart | null;
	/** The CLV horizon the matrix's potential value was predicted over (months). */
	clvMonths: () => number;
	kpi: KpiPart;
	journey: JourneyPart;
	plan: () => PlanPart | null;
	/** The loaded file's name(s), for the title page. */
	dataName: () => string | null;
}

export const [getReport, provideReport] = createContext<{ model: ReportModel; sources: ReportSources }>();

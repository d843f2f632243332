import { ClienteleError } from '../core/errors.ts';
import { checkLifecycleDays, STAGES, type LifecycleDays, type Stage } from '../core/lifecycle/defaults.ts';
import { suggestDays, type GapCount, type LifecycleSuggestion } from '../core/lifecycle/suggest.ts';
import {
	lifecycleOutputSql,
	lifecycleSql,
	purchaseGapsSql,
	stageMatrixSql,
	stageSegmentSql,
	stageSummarySql,
	stageTransitionsSql,
	type LifecycleFrequency,
	type ProspectSource,
	type StageSegmentRow,
	type StageSummaryRow,
	type StageTransitionRow
} from '../core/sql/lifecycle.ts';
import type { FrequencyMode, ReturnsMode } from '../core/sql/rfm.ts';
import type { DbClient, Row } from '../db/client.ts';
import { countRows, tableExists } from './table-ops.ts';
import { LIFECYCLE_FLOW, LIFECYCLE_STEPS, LIFECYCLE_TABLE, PROFILES_TABLE, PROSPECTS_TABLE, RFM_TABLE, TX_TABLE } from './tables.ts';

/**
 * Lifecycle stages (客户生命周期), the one place they run (the lifecycle view and the CLI's lifecycle
 * command): each customer's stage at an as-of date in LIFECYCLE_TABLE, the stage flow between two
 * dates, stages × RFM segments and the suggested day settings.
 */

export interface LifecycleOptions {
	/** YYYY-MM-DD: purchases on or before it count (default in callers: RFM's, defaultAsOf). */
	asOf: string;
	days: LifecycleDays;
	frequency: LifecycleFrequency;
	returns?: ReturnsMode;
	cancelledPattern?: string;
	/** PROFILES_TABLE is loaded: its ids without a purchase are potential customers. */
	profiles?: boolean;
	/**
	 * More tables with a customer_id column whose ids are potential while they have no purchase.
	 * The buyers without a paid order (PROSPECTS_TABLE, made by a marketplace import's order rules)
	 * are added by the runner whenever that table exists.
	 */
	prospects?: readonly ProspectSource[];
}

/** Lifecycle counts orders when RFM does, else purchase days (RFM's row counting has no lifecycle meaning). */
export function lifecycleFrequency(rfm: FrequencyMode, hasOrder: boolean): LifecycleFrequency {
	return rfm === 'days' || !hasOrder ? 'days' : 'orders';
}

/** The buyers without a paid order, each from their first order's day, when the import made the table. */
async function unpaidBuyers(db: DbClient): Promise<ProspectSource[]> {
	return (await tableExists(db, PROSPECTS_TABLE)) ? [{ table: PROSPECTS_TABLE, since: 'first_ts' }] : [];
}

/** How many buyers without a paid order the import found (0 when it made no such list). */
export async function unpaidBuyerCount(db: DbClient): Promise<number> {
	return (await tableExists(db, PROSPECTS_TABLE)) ? countRows(db, PROSPECTS_TABLE) : 0;
}

function statement(o: LifecycleOptions, target: string, unpaid: readonly ProspectSource[]) {
	checkLifecycleDays(o.days);
	return lifecycleSql({
		tx: TX_TABLE,
		target,
		asOf: o.asOf,
		days: o.days,
		frequency: o.frequency,
		returns: o.returns,
		cancelledPattern: o.cancelledPattern,
		prospects: [...(o.profiles ? [PROFILES_TABLE] : []), ...unpaid, ...(o.prospects ?? [])]
	});
}

/** Every customer's stage at the as-of date into LIFECYCLE_TABLE. */
export async function runLifecycle(db: DbClient, o: LifecycleOptions, target = LIFECYCLE_TABLE): Promise<void> {
	await db.exec(statement(o, target, await unpaidBuyers(db)));
}

/** Customers, share, revenue and its share for every stage, in stage order (0 where none). */
export async function lifecycleSummary(db: DbClient, table = LIFECYCLE_TABLE): Promise<StageSummaryRow[]> {
	const rows = (await db.query<StageSummaryRow>(stageSummarySql(table))).rows;
	return STAGES.map((stage) => rows.find((r) => r.stage === stage) ?? { stage, customers: 0, share: 0, revenue: 0, revenue_share: null });
}

/** The CLI's output (LIFECYCLE_COLUMNS) by customer id, stages shown by `names` (default: the ids). */
export async function lifecycleRows(db: DbClient, names: Partial<Record<Stage, string>> = {}): Promise<Row[]> {
	return (await db.query(lifecycleOutputSql({ table: LIFECYCLE_TABLE, names }))).rows;
}

/**
 * The stage flow between two as-of dates (each computed on its own, with the same settings): the
 * transition matrix as long rows; stage_from NULL = no line and no profile by the earlier date.
 */
export async function lifecycleFlow(
	db: DbClient,
	o: Omit<LifecycleOptions, 'asOf'> & { from: string; to: string }
): Promise<StageTransitionRow[]> {
	if (!(o.from < o.to)) throw new ClienteleError('lifecycle.flowOrder', { from: o.from, to: o.to });
	const unpaid = await unpaidBuyers(db);
	await db.exec(statement({ ...o, asOf: o.from }, LIFECYCLE_STEPS.from, unpaid));
	await db.exec(statement({ ...o, asOf: o.to }, LIFECYCLE_STEPS.to, unpaid));
	await db.exec(stageTransitionsSql({ from: LIFECYCLE_STEPS.from, to: LIFECYCLE_STEPS.to, target: LIFECYCLE_FLOW }));
	return (await db.query<StageTransitionRow>(stageMatrixSql(LIFECYCLE_FLOW))).rows;
}

/** Stages × RFM segments of the current RFM run (RFM_TABLE): customers and revenue per pair. */
export async function stagesBySegment(db: DbClient, rfm = RFM_TABLE): Promise<StageSegmentRow[]> {
	return (await db.query<StageSegmentRow>(stageSegmentSql({ lifecycle: LIFECYCLE_TABLE, rfm }))).rows;
}

/**
 * The suggested active and churn days (80th and 95th percentile, nearest rank, of the gaps between
 * consecutive purchase days); null when no customer bought on two different days.
 */
export async function suggestLifecycle(
	db: DbClient,
	o: Pick<LifecycleOptions, 'asOf' | 'returns' | 'cancelledPattern'>
): Promise<LifecycleSuggestion | null> {
	const rows = (await db.query<GapCount & { customers: number; [k: string]: number }>(purchaseGapsSql({ tx: TX_TABLE, ...o }))).rows;
	return suggestDays(rows, rows[0]?.customers ?? 0);
}

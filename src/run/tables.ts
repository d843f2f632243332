/**
 * Every table and view the app creates in DuckDB, named once. Runners, view models and CLI
 * commands import these names; nothing else spells a table name as a string literal.
 */

// Import: the file as text, the typed transactions and the staging table they are checked in.
export const RAW_TABLE = 'raw';
export const TX_TABLE = 'tx';
export const STAGE_TABLE = 'tx_stage';
/** The text table of a later file opened with others (run/open-files.ts), until it is appended to raw. */
export const RAW_PART = 'raw_part';
/**
 * Marketplace order rules (run/order-rules.ts): the rows left out (src_row, reason: overlap, status,
 * unpaid), the refunds and postage taken off (src_row, refund, postage) and the paid times (src_row,
 * ts) — a rebuilt analysis table applies them again.
 */
export const ORDER_EXCLUDED = 'order_excluded';
export const ORDER_ADJUST = 'order_adjust';
export const ORDER_PAID = 'order_paid';
/**
 * Buyers with no paid order (every order closed, cancelled, refunded or unpaid): 潜在 prospects for
 * the lifecycle view, not customers. customer_id, rows, orders, first_ts, last_ts, amount.
 */
export const PROSPECTS_TABLE = 'prospects';
/** A customer table (one row per customer) analysed instead of transactions: its checked copy. */
export const CUSTOMER_SOURCE = 'customer_table';
/** The data-quality report's flags per raw row (dropped once the report is read). */
export const QUALITY_FLAGS = 'quality_flags';
/**
 * The data grid's typed copy of a text table (run/grid-source.ts): numbers and dates parsed once, so
 * filters, sorting and profiles do not parse the text on every query.
 */
export const gridCopyOf = (table: string): string => `${table}__grid`;
/** The quick-search index of a grid copy (run/grid-source.ts), made on the first search. */
export const gridSearchOf = (table: string): string => `${table}__grid_search`;
/** Whether a table is one of the grid's internal copies or indexes (the SQL console does not list them). */
export const isGridInternal = (table: string): boolean => /__grid(_search|_hits_\d+)?$/.test(table);
/** The rows a quick search found in a grid copy's index (run/grid-source.ts), one table per search text. */
export const gridHitsOf = (table: string, n: number): string => `${gridHitsPrefix(table)}${n}`;
export const gridHitsPrefix = (table: string): string => `${table}__grid_hits_`;
/** The engine's rehearsal at start-up (run/warm-up.ts): its own tables, dropped afterwards. */
export const WARM_UP_TABLES = {
	stage: 'warm_up_tx',
	rejects: 'warm_up_rejects',
	rejectsScan: 'warm_up_rejects_scan',
	base: 'warm_up_rfm_base',
	scores: 'warm_up_rfm_scores',
	rfm: 'warm_up_rfm'
} as const;

// The two datasets beside the transactions: touchpoint events and survey answers.
export const RAW_TOUCHPOINTS = 'raw_tp';
export const RAW_SURVEYS = 'raw_survey';
/** A survey file being imported: checked here, swapped in only when it passes (a failed import keeps the previous one). */
export const RAW_SURVEYS_NEXT = 'raw_survey_next';
export const TOUCHPOINT_TABLE = 'tp';

// RFM and segment migration.
export const RFM_BASE = 'rfm_base';
export const RFM_SCORES = 'rfm_scores';
export const RFM_TABLE = 'rfm';
export const MIGRATION_TABLE = 'rfm_migration';
/** A migration's own tables at its earlier and later date: per-customer base, scores, segments. */
export const MIGRATION_STEPS = {
	from: { base: 'mig_base_from', scores: 'mig_scores_from', segments: 'mig_from' },
	to: { base: 'mig_base_to', scores: 'mig_scores_to', segments: 'mig_to' }
} as const;

// ABC / Pareto.
export const ABC_VIEW_TABLE = 'abc_view';

// CLV models and the value matrix.
export const CLV_CAL_TABLE = 'clv_calibration';
export const CLV_FULL_TABLE = 'clv_scoring';
export const CLV_TABLE = 'clv';
export const VALUE_MATRIX_TABLE = 'value_matrix';
/** A quadrant table brought in from a file (KPIs by quadrant without fitting the model here). */
export const VALUE_QUADRANTS_TABLE = 'value_quadrants';

// KPIs and the journey.
export const SURVEY_JOINED = 'survey_k';
export const TP_SELECTED = 'tp_sel';
export const TP_NO_CHANNEL = 'tp_nochan';

// Tiered service plans: the action list, its contacts within the horizon, the working-day calendar.
export const PLAN_TABLE = 'plan_actions';
export const PLAN_CONTACTS = 'plan_contacts';
export const PLAN_CALENDAR = 'plan_calendar';
/** The page's lifecycle stages for a plan (its own table: the lifecycle view keeps its settings in LIFECYCLE_TABLE). */
export const PLAN_STAGES = 'plan_stages';
// Customer profiles (客户档案): the file's text and the typed table every analysis joins on
// customer_id (lifecycle, grading, plans, personas). PROFILES_TABLE: customer_id VARCHAR + one typed
// column per attribute under the file's column name (DOUBLE, DATE/TIMESTAMP or VARCHAR).
export const RAW_PROFILES = 'raw_profiles';
export const PROFILES_TABLE = 'profiles';

// Lifecycle stages: per customer at the as-of date, at a flow's two dates, and the flow.
export const LIFECYCLE_TABLE = 'lifecycle';
export const LIFECYCLE_STEPS = { from: 'lifecycle_from', to: 'lifecycle_to' } as const;
export const LIFECYCLE_FLOW = 'lifecycle_flow';
// Grading standards: the indicator values, their points, and the tier table (customer_id, total,
// tier, tier_rank, missing, reason) that service plans read.
export const GRADE_INPUT = 'grade_input';
export const GRADE_POINTS = 'grade_points';
export const GRADE_TABLE = 'grade';
// Plan evaluation (绩效评估): an action-list file's text, the cohort (customer_id, group, control,
// next_contact) and what each cohort customer bought before and after the plan's start.
export const RAW_ACTIONS = 'raw_actions';
export const EVAL_COHORT = 'eval_cohort';
export const EVAL_CUSTOMERS = 'eval_customers';
export const EVAL_SURVEY = 'eval_survey';
// Its migration: the groups recomputed at the after period's last day (RFM base, scores and
// segments, or lifecycle stages, apart from the page's own tables) and each customer's label then.
export const EVAL_END = 'eval_end';
export const EVAL_END_BASE = 'eval_end_base';
export const EVAL_END_SCORES = 'eval_end_scores';
export const EVAL_END_SEGMENTS = 'eval_end_segments';
export const EVAL_END_STAGES = 'eval_end_stages';
/** The grading tab's standard applied at the after period's last day: values, points, tiers. */
export const EVAL_END_GRADE = { input: 'eval_end_grade_input', points: 'eval_end_grade_points', target: 'eval_end_grade' } as const;
// Personas and behaviour classes: each customer's behaviour classes (core/sql/behaviour.ts), and the
// persona table (customer, group of the basis, behaviour classes, profile attributes).
export const BEHAVIOUR_TABLE = 'behaviour';
export const PERSONA_TABLE = 'persona';
/** The survey answers of the persona table's customers with their group (persona cards' NPS and CSAT). */
export const PERSONA_ANSWERS = 'persona_answers';

// The SQL console: the last query's result (a temporary table the grid pages), and the schema its
// switch lets a user write to (the app's own tables stay in main, out of the console's reach).
export const CONSOLE_RESULT = 'console_result';

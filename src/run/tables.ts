/**
 * Every table and view the app creates in DuckDB, named once. Runners, view models and CLI
 * commands import these names; nothing else spells a table name as a string literal.
 */

// Import: the file as text, the typed transactions and the staging table they are checked in.
export const RAW_TABLE = 'raw';
export const TX_TABLE = 'tx';
export const STAGE_TABLE = 'tx_stage';
/** A customer table (one row per customer) analysed instead of transactions: its checked copy. */
export const CUSTOMER_SOURCE = 'customer_table';
/** The data-quality report's flags per raw row (dropped once the report is read). */
export const QUALITY_FLAGS = 'quality_flags';
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
// Customer profiles (客户档案): the file's text and the typed table every analysis joins on
// customer_id (lifecycle, grading, plans, personas). PROFILES_TABLE: customer_id VARCHAR + one typed
// column per attribute under the file's column name (DOUBLE, DATE/TIMESTAMP or VARCHAR).
export const RAW_PROFILES = 'raw_profiles';
export const PROFILES_TABLE = 'profiles';

// Lifecycle stages: per customer at the as-of date, at a flow's two dates, and the flow.
export const LIFECYCLE_TABLE = 'lifecycle';
export const LIFECYCLE_STEPS = { from: 'lifecycle_from', to: 'lifecycle_to' } as const;
export const LIFECYCLE_FLOW = 'lifecycle_flow';
// Plan evaluation (绩效评估): an action-list file's text, the cohort (customer_id, group, control,
// next_contact) and what each cohort customer bought before and after the plan's start.
export const RAW_ACTIONS = 'raw_actions';
export const EVAL_COHORT = 'eval_cohort';
export const EVAL_CUSTOMERS = 'eval_customers';
export const EVAL_SURVEY = 'eval_survey';

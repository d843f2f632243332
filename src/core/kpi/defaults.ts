/**
 * Every default of the KPI and journey analyses, once. The page (views/kpi, views/journey, the
 * survey dataset) and the CLI (cli/kpi.ts, cli/journey.ts) read them from here; where the two
 * differ on purpose, both values are named below and the difference is said.
 */
import type { CsatScale } from './csat.ts';
import { DEFAULT_TARGETS, type Target, type Targets } from './targets.ts';

export { DEFAULT_CONFIDENCE } from './stats.ts';
export { DEFAULT_TARGETS } from './targets.ts';

// ── KPIs ────────────────────────────────────────────────────────────────────────────────────────

/** Days without a purchase after which a customer counts as lost (page field, CLI --lost-days). */
export const DEFAULT_LOST_DAYS = 90;
/** Points of the CSAT scale (page scale choice, CLI --scale). */
export const DEFAULT_CSAT_SCALE: CsatScale = 5;
/** The CES answer scale (page, CLI --min/--max, meanScoreByGroup). */
export const DEFAULT_CES_SCALE: Readonly<{ min: number; max: number }> = Object.freeze({ min: 1, max: 7 });

/** Page only (the CLI takes --start and --end): the period shown first is the last 90 days of the transactions. */
export const PAGE_PERIOD_DAYS = 90;
/** Page only: the cohort heatmap covers first purchases of the last two years, 12 months after each (CLI: from --start, --max-months). */
export const PAGE_COHORTS: Readonly<{ days: number; maxMonths: number }> = Object.freeze({ days: 365 * 2, maxMonths: 12 });
/** Page only: at most this many values to pick the two compared groups from. */
export const PAGE_COMPARE_VALUES = 200;

/**
 * The CES target before survey answers are loaded. DEFAULT_TARGETS (and the CLI's help) read CES as
 * effort: lower is better, 3 on 1–7. On the page the direction and the default value follow the CES
 * column's scale and direction, chosen or detected at import (core/kpi/scales.ts cesTargetValue: effort
 * 1–7 → ≤ 3, ease 1–7 → ≥ 5); this is where it starts, the sample's ease reading.
 */
export const PAGE_CES_TARGET: Readonly<Target> = Object.freeze({ ...DEFAULT_TARGETS.ces, value: 5, direction: 'higher' });
/** The page's targets: DEFAULT_TARGETS except CES (PAGE_CES_TARGET). */
export const PAGE_TARGETS: Readonly<Targets> = Object.freeze({ ...DEFAULT_TARGETS, ces: PAGE_CES_TARGET });

// ── Journey ─────────────────────────────────────────────────────────────────────────────────────

/** Paths, links: the first K touchpoints per customer (page field, CLI --path-steps). */
export const DEFAULT_PATH_STEPS = 3;
/** Paths: the N most common, the rest as "other" (page field, CLI --top). */
export const DEFAULT_TOP_PATHS = 10;
/** Pain points: only touchpoints with at least this many scores (page, CLI --min-scored). */
export const DEFAULT_MIN_SCORED = 5;
/** Pain points listed by the CLI (--top) and painPointsSql. */
export const DEFAULT_PAIN_LIMIT = 5;
/** Pain points the page lists (three fit beside the drop-offs). */
export const PAGE_PAIN_LIMIT = 3;
/** Times between steps: the first K steps (CLI --path-steps for times; the page follows its path steps, at least 2). */
export const DEFAULT_TIME_STEPS = 5;
/** Page only: the funnel's conversion window in days (CLI: no limit unless --window-days). */
export const PAGE_FUNNEL_WINDOW_DAYS = 30;

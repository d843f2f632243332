/**
 * The CLV fit's input and output as plain number columns: what run/clv.ts prepares, what the fit
 * (fit.ts, in the page's worker or in-process in the CLI) returns.
 */
import type { BgNbdFit, FitWarning, GammaGammaFit } from './index.ts';

export type ClvUnitName = 'day' | 'week';

/** Per-customer model inputs as parallel number columns (one entry per customer). */
export interface ClvColumns {
	x: Float64Array;
	tx: Float64Array;
	T: Float64Array;
	zbar: Float64Array;
	/** Hold-out purchase days (only read for the calibration columns). */
	holdout: Float64Array;
}

export interface TrackingInput {
	/** Day (days since epoch) the weekly grid starts at: the first purchase of the cohort. */
	startDay: number;
	/** Weeks on the grid (calibration + hold-out). */
	weeks: number;
	/** Customers per first-purchase day. */
	births: { firstDay: number; n: number }[];
	/** Actual repeat purchase days per week index. */
	repeatsByWeek: { week: number; repeats: number }[];
}

export interface ClvFitInput {
	calibration: ClvColumns;
	/** Customers to score at the observation end (default: the calibration customers). */
	scoring?: ClvColumns;
	unit: ClvUnitName;
	/** Hold-out length in model units (0: no hold-out checks). */
	holdoutLength: number;
	horizonMonths: number;
	monthlyDiscountRate: number;
	tracking?: TrackingInput;
}

export interface ClvScores {
	pAlive: Float64Array;
	/** Expected purchases over the horizon. */
	expectedPurchases: Float64Array;
	/** Gamma-Gamma expected spend per purchase (NaN when not available). */
	expectedSpend: Float64Array;
	/** Discounted CLV over the horizon (NaN when not available). */
	clv: Float64Array;
}

export interface FrequencyCheckRow {
	/** Calibration repeat purchases; the last row holds 7 and more. */
	frequency: number;
	customers: number;
	/** Mean hold-out purchases per customer. */
	actual: number;
	predicted: number;
}

export interface TrackingRow {
	week: number;
	/** Last day of the week, days since epoch (exclusive end). */
	day: number;
	actual: number;
	expected: number;
}

export interface ClvFitResult {
	bgnbd: BgNbdFit;
	gammaGamma: GammaGammaFit | null;
	/** Pearson correlation of frequency and mean spend among repeat customers (null if undefined). */
	correlation: number | null;
	/** Scores of the scoring customers (or the calibration customers). */
	scores: ClvScores;
	/** Expected hold-out purchases of the calibration customers (null without a hold-out). */
	expectedHoldout: Float64Array | null;
	frequencyCheck: FrequencyCheckRow[];
	tracking: TrackingRow[];
	warnings: FitWarning[];
}

export type ClvStage = 'bgnbd' | 'gammagamma' | 'scoring' | 'checks';

export interface ClvProgress {
	stage: ClvStage;
	fraction: number;
}

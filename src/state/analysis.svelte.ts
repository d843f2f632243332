import type { ScoringOptions } from '../core/segments/scoring.ts';
import type { SegmentSet } from '../core/segments/rules.ts';
import type { FrequencyMode, MonetaryMode, ReturnsMode } from '../core/sql/rfm.ts';
import type { GradeStandard } from '../core/grade/standard.ts';
import type { Lang } from '../i18n/translate.ts';
import type { GradeSourceOptions, ReasonWords } from '../run/grade.ts';
import type { CustomerTableInfo } from './session.svelte.ts';

/**
 * What other views read of the current RFM run (the RFM view's model is one): its settings, so a
 * migration or a value matrix uses the same; its segment names; its version, bumped per finished run.
 */
export interface RfmRun {
	readonly asOf: string;
	readonly status: string;
	readonly frequency: FrequencyMode;
	readonly monetary: MonetaryMode;
	readonly returns: ReturnsMode;
	readonly cancelledPattern: string;
	/** The scoring of the current scores. */
	readonly applied: ScoringOptions;
	readonly set: SegmentSet;
	readonly version: number;
	/** Set when RFM runs from a customer table (views that need transactions are then off). */
	readonly customerTable: CustomerTableInfo | null;
	segmentNames(lang: Lang): Record<string, string>;
}

/** A standard as the grading tab last applied it: what plans by tier were made with. */
export interface AppliedGrading {
	readonly standard: GradeStandard;
	readonly sources: Omit<GradeSourceOptions, 'asOf'>;
	readonly words: ReasonWords;
}

/** What other views read of the grading tab (the grade view's model is it). */
export interface GradingRun {
	/** null: no standard applied yet (or the last one failed before any result). */
	readonly lastApplied: AppliedGrading | null;
}

/** What other views read of the value matrix of the current RFM run: `version` > 0 once computed. */
export interface MatrixRun {
	readonly version: number;
}

/** What other views ask of the import flow (the import view's model is it). */
export interface ImportFlow {
	readonly busy: boolean;
	/** The sample twin of the page's language (state/sample.ts). */
	loadSample(lang: Lang): Promise<void>;
}

/** What the import view asks of the data-quality report (the quality view's model is it). */
export interface QualityRun {
	readonly stale: boolean;
	readonly busy: boolean;
	readonly status: string;
	run(): Promise<void>;
}

/**
 * App-wide analysis state shared between views, as interfaces: App.svelte (the owner) creates the
 * view models and publishes them here, so no view folder imports another and state/ never imports
 * views/. A fresh RFM run is published whenever the typed transaction table is rebuilt; what waits
 * for it asks state/rfm-runs.ts.
 */
class Analysis {
	rfm = $state.raw<RfmRun | null>(null);
	importFlow = $state.raw<ImportFlow | null>(null);
	quality = $state.raw<QualityRun | null>(null);
	/**
	 * The value matrix of the current RFM run, made on first ask (App.svelte owns it). A getter: a
	 * reaction does not follow state it creates itself, so whoever asks does so in a derived of its own.
	 */
	matrix = $state.raw<(() => MatrixRun) | null>(null);
	/** The view the app shows; a view may switch it (e.g. import → RFM after mapping). */
	view = $state('import');
}

export const analysis = new Analysis();

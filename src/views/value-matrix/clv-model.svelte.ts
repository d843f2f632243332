import { ClienteleError, isClienteleError } from '../../core/errors.ts';
import type { FitWarning } from '../../core/clv/index.ts';
import { dateLit } from '../../core/sql/sql.ts';
import type { ClvUnit } from '../../core/sql/clv.ts';
import type { DbClient } from '../../db/client.ts';
import type { AnalysisWindow } from '../../core/window/window.ts';
import { DEFAULT_CLV, defaultClvDates, runClvModels } from '../../run/clv.ts';
import { ClvCancelled, startClvFit, type ClvJob } from '../../workers/clv-client.ts';
import type { ClvFitInput, ClvFitResult, ClvStage, FrequencyCheckRow, TrackingRow } from '../../core/clv/fit-types.ts';

export type ClvStatus = 'idle' | 'preparing' | 'fitting' | 'storing' | 'ready' | 'cancelled' | 'error';

export interface ClvSummary {
	params: { r: number; alpha: number; a: number; b: number; loglik: number };
	gammaGamma: { p: number; q: number; gamma: number } | null;
	customers: number;
	excludedNew: number;
	scored: number;
	correlation: number | null;
	warnings: FitWarning[];
	frequencyCheck: FrequencyCheckRow[];
	tracking: TrackingRow[];
	calibrationEnd: string;
	observationEnd: string;
	unit: ClvUnit;
}

/**
 * CLV for the mapped transactions: the summary is prepared in SQL, BG/NBD + Gamma-Gamma are fitted
 * in our worker on the calibration period, every customer is scored as of the observation end,
 * and the scores are stored as table `clv` for the value matrix and grids.
 */
export class ClvModel {
	status = $state<ClvStatus>('idle');
	error = $state.raw<ClienteleError | null>(null);
	stage = $state<ClvStage | null>(null);
	fraction = $state(0);
	calibrationEnd = $state('');
	observationEnd = $state('');
	firstDay = $state('');
	unit = $state<ClvUnit>(DEFAULT_CLV.unit);
	horizonMonths = $state(DEFAULT_CLV.horizonMonths);
	monthlyDiscountRate = $state(DEFAULT_CLV.monthlyDiscountRate);
	result = $state.raw<ClvSummary | null>(null);
	/** Bumped whenever table `clv` is rewritten. */
	version = $state(0);
	private job: ClvJob | null = null;
	private runs = 0;

	constructor(private readonly db: DbClient) {}

	get busy(): boolean {
		return this.status === 'preparing' || this.status === 'fitting' || this.status === 'storing';
	}

	/** Window start the current dates were made for ('' = none yet): a window change re-fits. */
	windowStart = $state('');

	/** Defaults from the analysis window: observation end = its as-of date, the last 25 % held out. */
	setDefaults(window: AnalysisWindow): void {
		const d = defaultClvDates(window);
		this.observationEnd = d.observationEnd;
		this.firstDay = window.start;
		this.windowStart = window.start;
		this.calibrationEnd = d.calibrationEnd;
	}

	/** Whether the dates were made for another window than `window` (then start() again). */
	outdated(window: AnalysisWindow): boolean {
		return this.windowStart !== window.start || this.observationEnd !== window.asOf;
	}

	/** First run (and after a window change): defaults from the analysis window, then fit. */
	async start(window: AnalysisWindow | null): Promise<boolean> {
		if (!window) {
			this.error = new ClienteleError('clv.noData');
			this.status = 'error';
			return false;
		}
		this.setDefaults(window);
		return this.run();
	}

	private checkDates(): ClienteleError | null {
		try {
			dateLit(this.calibrationEnd);
		} catch {
			return new ClienteleError('clv.badCalibrationEnd', { value: this.calibrationEnd, first: this.firstDay, last: this.observationEnd });
		}
		if (this.calibrationEnd < this.firstDay || this.calibrationEnd > this.observationEnd)
			return new ClienteleError('clv.badCalibrationEnd', { value: this.calibrationEnd, first: this.firstDay, last: this.observationEnd });
		return null;
	}

	/** Stops the fit: terminates the worker, or drops the run while the database prepares. */
	cancel(): void {
		if (this.status === 'fitting' && this.job) this.job.cancel();
		else if (this.busy) {
			this.runs++;
			this.job = null;
			this.status = 'cancelled';
		}
	}

	async run(): Promise<boolean> {
		this.job?.cancel();
		const run = ++this.runs;
		const bad = this.checkDates();
		if (bad) {
			this.error = bad;
			this.status = 'error';
			return false;
		}
		this.error = null;
		this.status = 'preparing';
		this.stage = null;
		this.fraction = 0;
		const settings = { calibrationEnd: this.calibrationEnd, observationEnd: this.observationEnd, unit: this.unit };
		const start = this.windowStart || undefined;
		const fit = (input: ClvFitInput): Promise<ClvFitResult> => {
			performance.mark('clientele:clv-fit-start');
			const job = startClvFit(input, (stage, fraction) => {
				if (run !== this.runs) return;
				this.stage = stage;
				this.fraction = fraction;
			});
			this.job = job;
			return job.result.then((r) => (performance.measure('clientele:clv-fit', 'clientele:clv-fit-start'), r));
		};
		// Each step shows; a run a newer one replaced stops (the catch below drops it).
		const step = (next: 'fit' | 'store'): void => {
			if (run !== this.runs) throw new ClvCancelled();
			this.status = next === 'fit' ? 'fitting' : 'storing';
		};
		try {
			const { prepared, fit: r } = await runClvModels(
				this.db,
				{ ...settings, start, horizonMonths: this.horizonMonths, monthlyDiscountRate: this.monthlyDiscountRate, score: 'observation-end', tracking: true },
				fit,
				step
			);
			if (run !== this.runs) return false;
			let scored = 0;
			for (const v of r.scores.clv) if (Number.isFinite(v)) scored++;
			this.result = {
				params: { ...r.bgnbd.params, loglik: r.bgnbd.logLikelihood },
				gammaGamma: r.gammaGamma ? { ...r.gammaGamma.params } : null,
				customers: prepared.customers,
				excludedNew: prepared.excludedNew,
				scored,
				correlation: r.correlation,
				warnings: r.warnings,
				frequencyCheck: r.frequencyCheck,
				tracking: r.tracking,
				...settings
			};
			this.version++;
			this.status = 'ready';
			return true;
		} catch (e) {
			if (run !== this.runs) return false;
			if (e instanceof ClvCancelled) {
				this.status = 'cancelled';
				return false;
			}
			this.status = 'error';
			this.error = isClienteleError(e) ? e : new ClienteleError('clv.fitFailed', { detail: e instanceof Error ? e.message : String(e) });
			return false;
		} finally {
			if (run === this.runs) this.job = null;
		}
	}
}

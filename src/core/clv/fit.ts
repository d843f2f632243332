/**
 * Fit + scoring + model checks on plain number columns: what the CLV worker runs, and what the
 * CLI runs in-process. Pure (no DOM, no database); progress is reported through a callback.
 */
import {
	bgnbdExpectedPurchases,
	bgnbdProbabilityAlive,
	bgnbdUnconditionalExpected,
	customerLifetimeValues,
	fitBgNbd,
	fitGammaGamma,
	spendFrequencyCorrelation,
	unitsPerMonth,
	type BgNbdFit,
	type FitWarning,
	type GammaGammaFit
} from './index.ts';
import type {
	ClvColumns,
	ClvFitInput,
	ClvFitResult,
	ClvScores,
	ClvStage,
	FrequencyCheckRow,
	TrackingRow
} from './fit-types.ts';

/** Highest calibration frequency shown on its own in the calibration/hold-out check (7 = "7+"). */
export const CHECK_MAX_FREQUENCY = 7;
const SCORE_CHUNK = 20_000;

type Progress = (stage: ClvStage, fraction: number) => void;

interface Customer {
	x: number;
	tx: number;
	T: number;
	zbar: number;
}

function customersOf(c: ClvColumns): Customer[] {
	const out: Customer[] = new Array<Customer>(c.x.length);
	for (let i = 0; i < c.x.length; i++) out[i] = { x: c.x[i] as number, tx: c.tx[i] as number, T: c.T[i] as number, zbar: c.zbar[i] as number };
	return out;
}

/** CLV and its parts; NaN where Gamma-Gamma's mean spend is infinite (p·x + q ≤ 1) or not fitted. */
function score(customers: readonly Customer[], bg: BgNbdFit, gg: GammaGammaFit | null, input: ClvFitInput, progress: Progress): ClvScores {
	const n = customers.length;
	const s: ClvScores = {
		pAlive: new Float64Array(n),
		expectedPurchases: new Float64Array(n),
		expectedSpend: new Float64Array(n).fill(NaN),
		clv: new Float64Array(n).fill(NaN)
	};
	const horizon = input.horizonMonths * unitsPerMonth({ unit: input.unit });
	for (let start = 0; start < n; start += SCORE_CHUNK) {
		const chunk = customers.slice(start, start + SCORE_CHUNK);
		const ok = gg ? chunk.map((c) => gg.params.p * (c.zbar > 0 ? c.x : 0) + gg.params.q > 1) : chunk.map(() => false);
		const finite = chunk.filter((_, i) => ok[i]);
		const values = gg
			? customerLifetimeValues(finite, { bgnbd: bg.params, gammaGamma: gg.params, horizonMonths: input.horizonMonths, monthlyDiscountRate: input.monthlyDiscountRate, unit: input.unit })
			: [];
		let k = 0;
		chunk.forEach((c, i) => {
			const j = start + i;
			const v = ok[i] ? values[k++] : undefined;
			if (v) {
				s.pAlive[j] = v.probabilityAlive;
				s.expectedPurchases[j] = v.expectedPurchases;
				s.expectedSpend[j] = v.expectedSpend;
				s.clv[j] = v.clv;
			} else {
				s.expectedPurchases[j] = bgnbdExpectedPurchases(bg.params, c, horizon);
				s.pAlive[j] = bgnbdProbabilityAlive(bg.params, c);
			}
		});
		progress('scoring', Math.min(1, (start + chunk.length) / Math.max(1, n)));
	}
	return s;
}

/** Predicted vs actual hold-out purchases per calibration frequency 0 … 7+. */
function frequencyCheck(customers: readonly Customer[], holdout: ArrayLike<number>, bg: BgNbdFit, holdoutLength: number): FrequencyCheckRow[] {
	const rows: FrequencyCheckRow[] = Array.from({ length: CHECK_MAX_FREQUENCY + 1 }, (_, f) => ({ frequency: f, customers: 0, actual: 0, predicted: 0 }));
	customers.forEach((c, i) => {
		const row = rows[Math.min(c.x, CHECK_MAX_FREQUENCY)] as FrequencyCheckRow;
		row.customers++;
		row.actual += holdout[i] as number;
		row.predicted += bgnbdExpectedPurchases(bg.params, c, holdoutLength);
	});
	return rows.filter((r) => r.customers > 0).map((r) => ({ ...r, actual: r.actual / r.customers, predicted: r.predicted / r.customers }));
}

/** Cumulative actual vs expected repeat purchases per week of the calibration + hold-out span. */
function tracking(input: ClvFitInput, bg: BgNbdFit): TrackingRow[] {
	const t = input.tracking;
	if (!t) return [];
	const unitDays = input.unit === 'week' ? 7 : 1;
	const actual = new Map(t.repeatsByWeek.map((r) => [r.week, r.repeats]));
	const rows: TrackingRow[] = [];
	let cumulative = 0;
	for (let w = 0; w < t.weeks; w++) {
		cumulative += actual.get(w) ?? 0;
		const endDay = t.startDay + 7 * (w + 1);
		let expected = 0;
		for (const b of t.births) {
			const dt = (endDay - b.firstDay) / unitDays;
			if (dt > 0) expected += b.n * bgnbdUnconditionalExpected(bg.params, dt);
		}
		rows.push({ week: w, day: endDay, actual: cumulative, expected });
	}
	return rows;
}

/** Fits BG/NBD and Gamma-Gamma on the calibration summary, scores, and runs the model checks. */
export function runClv(input: ClvFitInput, progress: Progress = () => undefined): ClvFitResult {
	const cal = customersOf(input.calibration);
	if (cal.length === 0) throw new RangeError('no customers to fit');
	progress('bgnbd', 0);
	const bgnbd = fitBgNbd(cal);
	progress('gammagamma', 0);
	let gammaGamma: GammaGammaFit | null = null;
	if (cal.some((c) => c.x > 0 && c.zbar > 0)) gammaGamma = fitGammaGamma(cal);
	const correlation = spendFrequencyCorrelation(cal);
	progress('scoring', 0);
	const scoreOn = input.scoring ? customersOf(input.scoring) : cal;
	const scores = score(scoreOn, bgnbd, gammaGamma, input, progress);
	const holdoutScores = input.holdoutLength > 0 ? Float64Array.from(cal, (c) => bgnbdExpectedPurchases(bgnbd.params, c, input.holdoutLength)) : null;
	progress('checks', 0);
	const warnings = new Set<FitWarning>([...bgnbd.warnings, ...(gammaGamma?.warnings ?? [])]);
	if (!gammaGamma) warnings.add('no-repeat-customers');
	return {
		bgnbd,
		gammaGamma,
		correlation: Number.isFinite(correlation) ? correlation : null,
		scores,
		expectedHoldout: holdoutScores,
		frequencyCheck: input.holdoutLength > 0 ? frequencyCheck(cal, input.calibration.holdout, bgnbd, input.holdoutLength) : [],
		tracking: tracking(input, bgnbd),
		warnings: [...warnings]
	};
}

/**
 * (b) continued, on the native client after RFM: the page's rule-change and value-matrix steps,
 * through the page's own functions and SQL builders, timed in Node.
 *
 * resegment: the same edit as the page bench (rule 1, R from 5 to 4) → resegment() + the summary,
 *   heatmap, coverage and overlap queries the RFM model runs after it.
 * value matrix: what the value tab does on first visit with its defaults — defaultAsOf, prepareClv
 *   (core/sql/clv.ts, week unit, last 25 % held out, scoring at the end, tracking), the fit in Node via
 *   runClv (src/workers/clv-compute.ts: what our worker runs), storeClv, valueMatrixSql + summary
 *   + points (revenue over the last 12 months × CLV, median split).
 */
import { coverageSql, coverageSummarySql } from '../../src/core/sql/rfm-coverage.ts';
import { rfHeatmapSql, segmentSummarySql } from '../../src/core/sql/rfm.ts';
import { sql } from '../../src/core/sql/sql.ts';
import { setRange } from '../../src/core/segments/rule-edit.ts';
import type { SegmentSet } from '../../src/core/segments/rules.ts';
import type { DbClient } from '../../src/db/client.ts';
import { DEFAULT_CLV, defaultClvDates, prepareClv, storeClv } from '../../src/run/clv.ts';
import { CLV_FULL_TABLE, CLV_TABLE, TX_TABLE } from '../../src/run/tables.ts';
import { DEFAULT_VALUE_MATRIX, runValueMatrix } from '../../src/run/value-matrix.ts';
import { resegment } from '../../src/run/rfm.ts';
import { defaultAsOf } from '../../src/run/as-of.ts';
import { RFM_SCORES, RFM_TABLE } from '../../src/run/tables.ts';
import { runClv } from '../../src/core/clv/fit.ts';
import type { StepTime } from './trace.ts';

export interface NativeResegment {
	resegment_ms: number;
	sql_ms: number;
	/** The rules after the edit (the plan bench uses them, as the page's plan tab does). */
	set: SegmentSet;
}

export async function nativeResegment(db: DbClient, set: SegmentSet): Promise<NativeResegment> {
	const edited = setRange(set, 0, 'r', 0, set.rules[0]!.r[0] > 1 ? set.rules[0]!.r[0] - 1 : 2);
	const t0 = performance.now();
	await resegment(db, edited);
	const t1 = performance.now();
	const cov = coverageSql({ scores: RFM_SCORES, set: edited });
	await Promise.all([
		db.query(segmentSummarySql(RFM_TABLE)),
		db.query(rfHeatmapSql(RFM_TABLE)),
		db.query(coverageSummarySql({ scores: RFM_SCORES, set: edited })),
		db.query(
			sql`SELECT CAST(count(*) FILTER (WHERE matches > 1) AS INTEGER) AS several, CAST(count(*) FILTER (WHERE matches = 0) AS INTEGER) AS no_match FROM (${cov})`
		)
	]);
	return { resegment_ms: performance.now() - t0, sql_ms: t1 - t0, set: edited };
}

export interface NativeValue {
	value_matrix_ms: number;
	clv_fit_ms: number;
	clv_customers: number;
	steps: StepTime[];
}

export async function nativeValueMatrix(db: DbClient, rfmAsOf: string): Promise<NativeValue> {
	const steps: StepTime[] = [];
	let t = performance.now();
	const lap = (label: string) => {
		const now = performance.now();
		steps.push({ label, ms: now - t });
		t = now;
	};
	const t0 = t;
	const d = await defaultAsOf(db, { today: new Date().toISOString().slice(0, 10) });
	if (!d) throw new Error('no dates for the CLV defaults');
	const { observationEnd, calibrationEnd } = defaultClvDates({ start: d.firstDay, asOf: rfmAsOf });
	lap('default dates');
	const prepared = await prepareClv(db, {
		tx: TX_TABLE,
		calibrationEnd,
		observationEnd,
		...DEFAULT_CLV,
		scoreAtEnd: true,
		tracking: true
	});
	lap('CLV preparation SQL (+ fetch columns)');
	const r = runClv(prepared.input);
	lap('CLV fit (Node, runClv)');
	const fit = steps[steps.length - 1]!.ms;
	await storeClv(db, { prep: CLV_FULL_TABLE, target: CLV_TABLE, scores: r.scores });
	lap('store scores (create clv)');
	await runValueMatrix(db, {
		current: { kind: DEFAULT_VALUE_MATRIX.current, from: d.firstDay, to: observationEnd },
		potential: DEFAULT_VALUE_MATRIX.potential,
		split: { kind: DEFAULT_VALUE_MATRIX.split }
	});
	lap('value matrix SQL (create + summary + points)');
	return {
		value_matrix_ms: performance.now() - t0,
		clv_fit_ms: fit,
		clv_customers: prepared.customers,
		steps
	};
}

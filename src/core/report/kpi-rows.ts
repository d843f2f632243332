/**
 * The report's KPI table (pure): each KPI with a value, in display units, against its target, and
 * the traffic light of core/kpi/targets.ts. Values arrive as the KPI view's model holds them
 * (shares 0–1, NPS on −1..1, CES as a mean); nothing is recomputed.
 */
import { trafficLight, type KpiName, type Light, type Target, type Targets } from '../kpi/targets.ts';

export interface KpiInputs {
	nps: { nps: number; n: number } | null;
	csat: { csat: number; n: number } | null;
	ces: { mean: number; n: number } | null;
	retention: { retainedShare: number; churn: number; repurchaseRate: number; customersStart: number; buyers: number } | null;
}

export interface ReportKpiRow {
	kpi: KpiName | 'repurchase';
	/** In display units: points for NPS, percent for CSAT / retention / churn / repurchase, the mean for CES. */
	value: number;
	/** How many people the value is over (answers, or customers at the period's start). */
	n: number;
	/** null: no target (repurchase). */
	target: Target | null;
	light: Light;
}

/** The rows with a value, in the KPI view's order (survey KPIs, then retention, churn, repurchase). */
export function reportKpiRows(k: KpiInputs, targets: Readonly<Targets>): ReportKpiRow[] {
	const rows: { kpi: ReportKpiRow['kpi']; value: number; n: number }[] = [];
	if (k.nps && Number.isFinite(k.nps.nps)) rows.push({ kpi: 'nps', value: k.nps.nps * 100, n: k.nps.n });
	if (k.csat && Number.isFinite(k.csat.csat)) rows.push({ kpi: 'csat', value: k.csat.csat * 100, n: k.csat.n });
	if (k.ces && Number.isFinite(k.ces.mean)) rows.push({ kpi: 'ces', value: k.ces.mean, n: k.ces.n });
	const r = k.retention;
	// No customer at the period's start: retention and churn have no base (not 0 %).
	if (r && r.customersStart > 0) {
		rows.push({ kpi: 'retention', value: r.retainedShare * 100, n: r.customersStart });
		rows.push({ kpi: 'churn', value: r.churn * 100, n: r.customersStart });
	}
	if (r && r.buyers > 0) rows.push({ kpi: 'repurchase', value: r.repurchaseRate * 100, n: r.buyers });
	return rows.map((x) => {
		const target = x.kpi === 'repurchase' ? null : targets[x.kpi];
		return { ...x, target, light: target ? trafficLight(x.value, target) : 'none' };
	});
}

/** The comparison a target asks for: ≥, >, ≤ or <. */
export function targetSign(t: Target): string {
	if (t.direction === 'higher') return t.inclusive ? '≥' : '>';
	return t.inclusive ? '≤' : '<';
}

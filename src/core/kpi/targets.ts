/**
 * Targets and the traffic light. Defaults from the training material: CSAT ≥ 85 %, NPS > 40
 * (excellent), retention ≥ 92 %, churn < 10 %. Values and targets are in display units: percent
 * (0–100) for CSAT, retention and churn, points (−100..100) for NPS.
 */
export type KpiName = 'nps' | 'csat' | 'retention' | 'churn' | 'ces';
export type Light = 'green' | 'amber' | 'red' | 'none';

export interface Target {
	/** The threshold, in the KPI's display unit. */
	value: number;
	/** 'higher': good when above; 'lower': good when below. */
	direction: 'higher' | 'lower';
	/** Whether reaching the threshold exactly meets it (≥ / ≤) or it must be passed (> / <). */
	inclusive: boolean;
	/** Within this distance on the wrong side the light is amber, beyond it red. */
	amberBand: number;
}

export type Targets = Record<KpiName, Target>;

export const DEFAULT_TARGETS: Readonly<Targets> = Object.freeze({
	csat: { value: 85, direction: 'higher', inclusive: true, amberBand: 5 },
	nps: { value: 40, direction: 'higher', inclusive: false, amberBand: 10 },
	retention: { value: 92, direction: 'higher', inclusive: true, amberBand: 5 },
	churn: { value: 10, direction: 'lower', inclusive: false, amberBand: 5 },
	/** CES (customer effort, 1–7, lower is better): no target in the material; 3 is a common goal. */
	ces: { value: 3, direction: 'lower', inclusive: true, amberBand: 1 }
});

/**
 * Green when the target is met, amber when missed by at most `amberBand`, red otherwise; 'none'
 * when the value is missing (NaN, null). Pure: the UI passes the user's edited targets.
 */
export function trafficLight(value: number | null | undefined, target: Target): Light {
	if (value === null || value === undefined || Number.isNaN(value)) return 'none';
	if (!Number.isFinite(target.value) || !(target.amberBand >= 0)) throw new RangeError(`invalid target: ${JSON.stringify(target)}`);
	const gap = target.direction === 'higher' ? value - target.value : target.value - value;
	if (gap > 0 || (gap === 0 && target.inclusive)) return 'green';
	return -gap <= target.amberBand ? 'amber' : 'red';
}

/** The light of a named KPI against a target set (defaults when none is given). */
export function kpiLight(kpi: KpiName, value: number | null | undefined, targets: Readonly<Targets> = DEFAULT_TARGETS): Light {
	return trafficLight(value, targets[kpi]);
}

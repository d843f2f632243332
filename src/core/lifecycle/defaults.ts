import { ClienteleError } from '../errors.ts';

/**
 * Lifecycle stages (客户生命周期): the ids in the order they are tested (the first that holds wins)
 * and the order every table and chart shows them in.
 *   potential  in the profile file (or an unpaid buyer) with no purchase on or before the as-of date
 *   new        as_of − first purchase day ≤ newDays
 *   active     as_of − last purchase day ≤ activeDays
 *   silent     as_of − last purchase day ≤ churnDays
 *   churned    otherwise
 */
export const STAGES = ['potential', 'new', 'active', 'silent', 'churned'] as const;
export type Stage = (typeof STAGES)[number];

export interface LifecycleDays {
	/** A customer is new while as_of − first purchase day ≤ newDays. */
	newDays: number;
	/** … active while as_of − last purchase day ≤ activeDays (the KPI view's "lost after N days"). */
	activeDays: number;
	/** … silent while as_of − last purchase day ≤ churnDays; churned after. */
	churnDays: number;
}

/** The defaults, written once for the page and the CLI. */
export const DEFAULT_LIFECYCLE: Readonly<LifecycleDays> = Object.freeze({ newDays: 90, activeDays: 90, churnDays: 180 });

/**
 * Whole numbers with 0 ≤ new and 0 < active < churn; else a ClienteleError naming the setting
 * (the CLI's option names: new-days, active-days, churn-days).
 */
export function checkLifecycleDays(d: LifecycleDays): LifecycleDays {
	for (const [k, option] of [
		['newDays', 'new-days'],
		['activeDays', 'active-days'],
		['churnDays', 'churn-days']
	] as const) {
		const v = d[k];
		if (!Number.isInteger(v) || v < 0 || v > 36_500)
			throw new ClienteleError('lifecycle.badDays', { option, value: String(v) });
	}
	if (!(d.activeDays > 0 && d.activeDays < d.churnDays))
		throw new ClienteleError('lifecycle.badOrder', { active: d.activeDays, churn: d.churnDays });
	return d;
}

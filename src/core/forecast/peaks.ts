/**
 * Peaks and troughs of a forecast (the 峰值周 list) and the staffing hint: contacts per day in the period
 * ÷ contacts one agent handles per day, rounded up — for the point forecast and for the upper 80 % bound
 * (enough agents in 9 periods of 10 under the model).
 */
import { daysBetween } from '../iso-days.ts';
import type { Freq } from './design.ts';
import { shiftPeriod } from './periods.ts';

export interface PeakRow {
	period: string;
	value: number;
	upper80: number;
	kind: 'peak' | 'trough';
	/** Agents for the point forecast and for the upper 80 % bound (null without a rate). */
	agents: number | null;
	agentsUpper: number | null;
}

export const DEFAULT_CONTACTS_PER_AGENT_DAY = 40;

export function agentsNeeded(value: number, days: number, perAgentDay: number): number | null {
	if (!(perAgentDay > 0) || !(days > 0)) return null;
	return Math.max(0, Math.ceil(Math.max(0, value) / days / perAgentDay - 1e-9));
}

/** The top `count` forecast periods (ties by date) and the bottom `count`, peaks first. */
export function peaksAndTroughs(o: { periods: readonly string[]; mean: readonly number[]; upper80: readonly number[]; freq: Freq; count: number; perAgentDay: number }): PeakRow[] {
	const rows = o.periods.map((period, i) => ({ period, value: o.mean[i] ?? 0, upper80: o.upper80[i] ?? 0 }));
	const byValue = [...rows].sort((a, b) => b.value - a.value || (a.period < b.period ? -1 : 1));
	const k = Math.min(o.count, Math.floor(rows.length / 2));
	const make = (r: (typeof rows)[number], kind: 'peak' | 'trough'): PeakRow => {
		const days = daysBetween(r.period, shiftPeriod(r.period, o.freq, 1));
		return { ...r, kind, agents: agentsNeeded(r.value, days, o.perAgentDay), agentsUpper: agentsNeeded(r.upper80, days, o.perAgentDay) };
	};
	return [...byValue.slice(0, k).map((r) => make(r, 'peak')), ...byValue.slice(rows.length - k).reverse().map((r) => make(r, 'trough'))];
}

import { ClienteleError } from '../errors.ts';
import { CHANNELS, MAX_CONTACT_EVERY_DAYS, PLAN_BASES, type Channel, type GroupPlan, type PlanBasis, type PlanSet } from './types.ts';

/**
 * A plans file (the page's save/load, the CLI's --plans FILE.json), checked field by field:
 *
 * { "basis": "tier",
 *   "groups": { "VIP": { "service_level": "…", "channel": "manager", "contact_every_days": 30,
 *                        "owner": "Ms Li", "cost_per_contact": 50 }, … },
 *   "default": { … } }
 *
 * Every error names the field (e.g. groups.VIP.channel) and what it must be.
 */

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function number(v: unknown, field: string, min: number, max: number, whole: boolean): number {
	if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max || (whole && !Number.isInteger(v)))
		throw new ClienteleError('plan.json.badNumber', { field, value: JSON.stringify(v) ?? 'undefined', min, max });
	return v;
}

function text(v: unknown, field: string, fallback?: string): string {
	if (v === undefined && fallback !== undefined) return fallback;
	if (typeof v !== 'string') throw new ClienteleError('plan.json.badText', { field });
	return v;
}

export function parseGroupPlan(v: unknown, field: string): GroupPlan {
	if (!isObject(v)) throw new ClienteleError('plan.json.badText', { field });
	const channel = v.channel;
	if (typeof channel !== 'string' || !(CHANNELS as readonly string[]).includes(channel))
		throw new ClienteleError('plan.json.badChannel', { field: `${field}.channel`, value: String(channel), list: CHANNELS.join(', ') });
	return {
		service_level: text(v.service_level, `${field}.service_level`, ''),
		channel: channel as Channel,
		contact_every_days: number(v.contact_every_days, `${field}.contact_every_days`, 1, MAX_CONTACT_EVERY_DAYS, true),
		owner: text(v.owner, `${field}.owner`, ''),
		cost_per_contact: number(v.cost_per_contact ?? 0, `${field}.cost_per_contact`, 0, 1e9, false)
	};
}

/** Parses and checks a plans file's text; `basis` (when given) must match the file's. */
export function parsePlanSet(json: string, basis?: PlanBasis): PlanSet {
	let v: unknown;
	try {
		v = JSON.parse(json);
	} catch (e) {
		throw new ClienteleError('plan.json.notJson', { detail: e instanceof Error ? e.message : String(e) });
	}
	if (!isObject(v)) throw new ClienteleError('plan.json.notObject');
	if (typeof v.basis !== 'string' || !(PLAN_BASES as readonly string[]).includes(v.basis))
		throw new ClienteleError('plan.json.badBasis', { value: String(v.basis), list: PLAN_BASES.join(', ') });
	if (basis && v.basis !== basis) throw new ClienteleError('plan.json.otherBasis', { value: v.basis, basis });
	if (!isObject(v.groups)) throw new ClienteleError('plan.json.badText', { field: 'groups' });
	const groups: Record<string, GroupPlan> = {};
	for (const [g, p] of Object.entries(v.groups)) groups[g] = parseGroupPlan(p, `groups.${g}`);
	const out: PlanSet = { basis: v.basis as PlanBasis, groups };
	if (v.default !== undefined) out.default = parseGroupPlan(v.default, 'default');
	return out;
}

/** The plan a group follows: its own, else the default, else none (unplanned). */
export function planOf(set: PlanSet, group: string): GroupPlan | null {
	return (Object.hasOwn(set.groups, group) ? set.groups[group] : undefined) ?? set.default ?? null;
}

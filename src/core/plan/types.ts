/**
 * Tiered service plans (分层服务): the groups of one basis each get a service level, a contact
 * channel, a contact rhythm, an owner and a cost per contact. Plain JSON, as the plans file stores it.
 */

/** Where the groups come from: RFM segments, value-matrix quadrants, grading tiers or lifecycle stages. */
export const PLAN_BASES = ['segment', 'quadrant', 'tier', 'stage'] as const;
export type PlanBasis = (typeof PLAN_BASES)[number];

/** Contact channels (接触方式), from the most personal to self-service. */
export const CHANNELS = ['manager', 'events', 'wecom', 'phone', 'sms', 'email', 'social', 'self_service'] as const;
export type Channel = (typeof CHANNELS)[number];

export interface GroupPlan {
	service_level: string;
	channel: Channel;
	/** Days between two contacts of one customer (1–3650). */
	contact_every_days: number;
	owner: string;
	cost_per_contact: number;
}

export interface PlanSet {
	basis: PlanBasis;
	groups: Record<string, GroupPlan>;
	/** The plan of a group that has none of its own; without it such a group is unplanned. */
	default?: GroupPlan;
}

/** The share of each group held out as a control group (not contacted). */
export const CONTROL_SHARE = 0.1;
/** Defaults of the action list. */
export const DEFAULT_PLAN_RUN = { horizonDays: 90, seed: 1 } as const;
export const MAX_CONTACT_EVERY_DAYS = 3650;

/** One group of the action list's summary (the page's plan table and the report read it). */
export interface PlanGroupSummary {
	group_id: string;
	group: string;
	customers: number;
	control: number;
	contacts: number;
	cost: number | null;
	unplanned: boolean;
	revenue: number;
}

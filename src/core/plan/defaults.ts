import type { GroupPlan, PlanBasis, PlanSet } from './types.ts';

/**
 * The default plans (客户服务差异化): high value gets an account manager and VIP events, the middle
 * regular phone follow-up and email, the low end mass email and social media; silent, churned and
 * at-risk customers one win-back call within the horizon. Every field is editable in the page and
 * in a plans file; these are a starting point a consultant adjusts.
 */

type Level = { en: string; zh: string };
type Preset = Omit<GroupPlan, 'service_level'> & { service_level: Level };

const plan = (service_level: Level, channel: GroupPlan['channel'], contact_every_days: number, cost_per_contact: number): Preset => ({
	service_level,
	channel,
	contact_every_days,
	owner: '',
	cost_per_contact
});

const VIP = plan({ en: 'VIP: account manager + VIP events', zh: 'VIP：专属客户经理 + VIP 活动' }, 'manager', 30, 50);
const IMPORTANT = plan({ en: 'Important: phone follow-up + email', zh: '重要：电话回访 + 邮件' }, 'phone', 60, 8);
const REGULAR = plan({ en: 'Regular: email / SMS', zh: '普通：邮件 / 短信' }, 'email', 90, 0.5);
const GENERAL = plan({ en: 'General: mass email / social media', zh: '一般：群发邮件 / 社交媒体' }, 'social', 180, 0.1);
/** One call within the default 90-day horizon. */
const WIN_BACK = plan({ en: 'Win-back: one phone call', zh: '挽回：一次电话回访' }, 'phone', 90, 8);

/** Grading tiers of the VIP / 重要 / 普通 / 一般 presets (both spellings). */
const TIER_PLANS: Record<string, Preset> = {
	VIP,
	重要: IMPORTANT,
	Important: IMPORTANT,
	普通: REGULAR,
	Regular: REGULAR,
	一般: GENERAL,
	General: GENERAL
};

/** Lifecycle stages (ids of the lifecycle analysis). */
const STAGE_PLANS: Record<string, Preset> = {
	potential: plan({ en: 'Prospect: welcome offer by SMS', zh: '潜在：短信欢迎礼' }, 'sms', 90, 0.1),
	new: plan({ en: 'New: onboarding via WeCom', zh: '新客：企业微信引导' }, 'wecom', 30, 1),
	active: REGULAR,
	silent: WIN_BACK,
	churned: WIN_BACK
};

/** Value-matrix quadrants. */
const QUADRANT_PLANS: Record<string, Preset> = {
	core: VIP,
	potential: IMPORTANT,
	general: REGULAR,
	low: GENERAL
};

const BY_BASIS: Record<Exclude<PlanBasis, 'segment'>, Record<string, Preset>> = {
	quadrant: QUADRANT_PLANS,
	tier: TIER_PLANS,
	stage: STAGE_PLANS
};

/** What a rule set says of its segments (SegmentSet's `valuable` and `atRisk`, best first). */
export interface SegmentRoles {
	valuable?: readonly string[];
	atRisk?: readonly string[];
}

/**
 * RFM segments: the first valuable segment gets the VIP plan, the other valuable ones phone
 * follow-up, the at-risk ones a win-back call, the rest the regular email plan.
 */
function segmentPlan(id: string, roles: SegmentRoles): Preset {
	const valuable = roles.valuable ?? [];
	if (valuable[0] === id) return VIP;
	if (valuable.includes(id)) return IMPORTANT;
	if ((roles.atRisk ?? []).includes(id)) return WIN_BACK;
	return REGULAR;
}

/**
 * The default plan set of a basis for the groups present: each known group gets its preset plan;
 * the others fall to the general plan (the `default`), so nothing is left unplanned by accident.
 */
export function defaultPlanSet(basis: PlanBasis, groups: readonly string[], roles: SegmentRoles = {}, lang: 'en' | 'zh' = 'en'): PlanSet {
	const as = (p: Preset): GroupPlan => ({ ...p, service_level: p.service_level[lang] });
	const out: PlanSet = { basis, groups: {}, default: as(GENERAL) };
	for (const g of groups) {
		const known = basis === 'segment' ? segmentPlan(g, roles) : Object.hasOwn(BY_BASIS[basis], g) ? BY_BASIS[basis][g] : undefined;
		if (known) out.groups[g] = as(known);
	}
	return out;
}

import { describe, expect, it } from 'vitest';
import { defaultPlanSet } from '../../../../src/core/plan/defaults.ts';
import { parsePlanSet, planOf } from '../../../../src/core/plan/parse.ts';
import { ClienteleError } from '../../../../src/core/errors.ts';

const vip = { service_level: 'VIP', channel: 'manager', contact_every_days: 30, owner: 'Ms Li', cost_per_contact: 50 };

function code(f: () => unknown): string {
	try {
		f();
	} catch (e) {
		return e instanceof ClienteleError ? `${e.code} ${JSON.stringify(e.params)}` : String(e);
	}
	return 'no error';
}

describe('plans file', () => {
	it('reads groups and a default, filling optional texts', () => {
		const set = parsePlanSet(JSON.stringify({ basis: 'tier', groups: { VIP: vip }, default: { channel: 'email', contact_every_days: 90 } }));
		expect(set.groups.VIP).toEqual(vip);
		expect(set.default).toEqual({ service_level: '', channel: 'email', contact_every_days: 90, owner: '', cost_per_contact: 0 });
		expect(planOf(set, 'VIP')?.channel).toBe('manager');
		expect(planOf(set, '一般')?.channel).toBe('email');
		expect(planOf({ basis: 'tier', groups: {} }, 'x')).toBeNull();
	});

	it('names the bad field', () => {
		expect(code(() => parsePlanSet('{'))).toMatch(/^plan\.json\.notJson/);
		expect(code(() => parsePlanSet('[]'))).toBe('plan.json.notObject {}');
		expect(code(() => parsePlanSet('{"basis":"rfm","groups":{}}'))).toMatch(/^plan\.json\.badBasis .*"value":"rfm"/);
		expect(code(() => parsePlanSet(JSON.stringify({ basis: 'tier', groups: { VIP: { ...vip, channel: 'fax' } } })))).toMatch(/plan\.json\.badChannel .*"field":"groups\.VIP\.channel"/);
		expect(code(() => parsePlanSet(JSON.stringify({ basis: 'tier', groups: { VIP: { ...vip, contact_every_days: 0 } } })))).toMatch(/plan\.json\.badNumber .*"field":"groups\.VIP\.contact_every_days"/);
		expect(code(() => parsePlanSet(JSON.stringify({ basis: 'tier', groups: { VIP: { ...vip, contact_every_days: 7.5 } } })))).toMatch(/badNumber/);
		expect(code(() => parsePlanSet(JSON.stringify({ basis: 'tier', groups: {} }), 'stage'))).toMatch(/^plan\.json\.otherBasis/);
	});

	it('gives the presets their plans: VIP every 30 days by an account manager, silent a win-back call', () => {
		const tiers = defaultPlanSet('tier', ['VIP', '重要', '普通', '一般', 'Other']);
		expect(tiers.groups.VIP).toMatchObject({ channel: 'manager', contact_every_days: 30 });
		expect(tiers.groups['重要']).toMatchObject({ channel: 'phone', contact_every_days: 60 });
		expect(tiers.groups['普通']).toMatchObject({ channel: 'email', contact_every_days: 90 });
		expect(tiers.groups['一般']).toMatchObject({ channel: 'social', contact_every_days: 180 });
		expect(tiers.groups.Other).toBeUndefined();
		expect(planOf(tiers, 'Other')?.channel).toBe('social');
		const stages = defaultPlanSet('stage', ['silent', 'churned']);
		expect(stages.groups.silent).toMatchObject({ channel: 'phone', contact_every_days: 90 });
		const segments = defaultPlanSet('segment', ['champions', 'loyal_customers', 'at_risk', 'promising'], { valuable: ['champions', 'loyal_customers'], atRisk: ['at_risk'] });
		expect(segments.groups.champions?.channel).toBe('manager');
		expect(segments.groups.loyal_customers?.channel).toBe('phone');
		expect(segments.groups.at_risk?.service_level).toMatch(/Win-back/);
		expect(segments.groups.promising?.channel).toBe('email');
	});
});

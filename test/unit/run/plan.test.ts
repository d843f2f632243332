import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CN_HOLIDAYS } from '../../../src/core/plan/workdays.ts';
import type { GroupPlan } from '../../../src/core/plan/types.ts';
import { planRows, planSummary, planWorkload, runPlan } from '../../../src/run/plan.ts';
import { raw } from '../../../src/core/sql/sql.ts';
import { RFM_BASE, RFM_TABLE } from '../../../src/run/tables.ts';
import { useDb } from '../../helpers/db.ts';

const db = useDb();

// 12 champions c01 … c12 (monetary 1200, 1100, …, 100) and 3 at-risk customers r1 … r3.
async function fixture(): Promise<void> {
	const champions = Array.from({ length: 12 }, (_, k) => `('c${String(k + 1).padStart(2, '0')}', 'champions', ${1200 - 100 * k}, 5, 5, 5)`);
	const atRisk = ["('r1', 'at_risk', 50, 1, 3, 4)", "('r2', 'at_risk', 70, 2, 4, 5)", "('r3', 'at_risk', 60, 1, 2, 4)"];
	await db.exec(raw(`CREATE OR REPLACE TABLE ${RFM_TABLE} AS SELECT * FROM (VALUES ${[...champions, ...atRisk].join(', ')}) AS t(customer_id, segment, monetary, r_score, f_score, m_score)`));
	await db.exec(raw(`CREATE OR REPLACE TABLE ${RFM_BASE} AS SELECT customer_id, monetary FROM ${RFM_TABLE}`));
}

const every5: GroupPlan = { service_level: 'VIP', channel: 'manager', contact_every_days: 5, owner: 'Li', cost_per_contact: 2 };
const basis = { basis: 'segment' as const, names: { champions: 'Champions', at_risk: 'At Risk' }, rules: { champions: ' (rule R 5, F 5, M 5)' } };

/** The control customer of a group as md5("seed:id") orders them (Node's md5, not the engine's). */
function firstByHash(ids: string[], seed: number, k: number): string[] {
	const h = (id: string) => createHash('md5').update(`${seed}:${id}`).digest('hex');
	return [...ids].sort((a, b) => (h(a) < h(b) ? -1 : h(a) > h(b) ? 1 : a < b ? -1 : 1)).slice(0, k);
}

describe('runPlan', () => {
	it('spreads contacts over the rhythm by monetary, holds out 10 %, counts contacts and cost in the horizon', async () => {
		await fixture();
		const r = await runPlan(db, { basis, plans: { basis: 'segment', groups: { champions: every5 } }, start: '2026-03-02', horizonDays: 12, seed: 7, holidays: null });
		expect(r.unplanned).toEqual(['at_risk']);
		const rows = await planRows(db);
		// The page's preview: the first rows of the same order, no more.
		expect(await planRows(db, 3)).toEqual(rows.slice(0, 3));
		const champions = rows.filter((x) => x.group === 'Champions');
		const ids = champions.map((x) => String(x.customer_id));
		// round(12 × 10 %) = 1 control customer.
		const [control] = firstByHash(ids, 7, 1);
		const contacted = ids.filter((id) => id !== control).sort(); // c01 … c12 by monetary desc = by id here
		const expectDay = ['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06'];
		// contacts within 12 days at offsets j, j+5, j+10 < 12 → j = 0, 1: 3; j = 2, 3, 4: 2.
		const expectContacts = [3, 3, 2, 2, 2];
		for (const [i, id] of contacted.entries()) {
			const row = champions.find((x) => x.customer_id === id)!;
			expect(row.next_contact, id).toBe(expectDay[i % 5]);
			expect(row.contacts_in_horizon, id).toBe(expectContacts[i % 5]);
			expect(row.cost, id).toBe(2 * expectContacts[i % 5]!);
			expect(row.control).toBe(false);
		}
		const c = champions.find((x) => x.customer_id === control)!;
		expect([c.control, c.next_contact, c.contacts_in_horizon]).toEqual([true, null, 0]);
		expect(c.reason).toBe('Champions: R 5 · F 5 · M 5 (rule R 5, F 5, M 5)');
		// Row order: group, next contact (control last), customer id.
		expect(champions.map((x) => x.next_contact)).toEqual([...champions.map((x) => x.next_contact)].sort((a, b) => (a === null ? 1 : b === null ? -1 : String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0)));
		// At risk: no plan, no default → listed without a plan; round(3 × 10 %) = 0 control.
		const risk = rows.filter((x) => x.group === 'At Risk');
		expect(risk.map((x) => [x.service_level, x.next_contact, x.contacts_in_horizon, x.cost, x.control])).toEqual([
			[null, null, 0, null, false],
			[null, null, 0, null, false],
			[null, null, 0, null, false]
		]);
		const summary = await planSummary(db);
		expect(summary.find((s) => s.group_id === 'champions')).toMatchObject({ customers: 12, control: 1, contacts: 3 + 3 + 2 + 2 + 2 + 3 + 3 + 2 + 2 + 2 + 3, cost: 2 * 27 });
	});

	it('counts in working days with the calendar: the 2026 Spring Festival is skipped', async () => {
		await fixture();
		await runPlan(db, {
			basis,
			plans: { basis: 'segment', groups: {}, default: { ...every5, contact_every_days: 3 } },
			start: '2026-02-13',
			horizonDays: 14, // 02-13 … 02-26: working days 13, 14 (调休), 24, 25, 26 → 5
			seed: 1,
			holidays: CN_HOLIDAYS
		});
		const rows = await planRows(db);
		const risk = rows.filter((x) => x.group === 'At Risk');
		// At risk by monetary: r2 (70), r3 (60), r1 (50) → j = 0, 1, 2 → 02-13, 02-14, 02-24.
		expect(risk.map((x) => [x.customer_id, x.next_contact, x.contacts_in_horizon])).toEqual([
			['r2', '2026-02-13', 2], // working days 0 and 3 (02-25) < 5
			['r3', '2026-02-14', 2], // 1 and 4 (02-26)
			['r1', '2026-02-24', 1] // 2 only
		]);
		const weeks = await planWorkload(db, 'week');
		const riskContacts = weeks.reduce((n, w) => n + Number(w.contacts), 0);
		// Every contact of both groups is counted once in the weekly workload.
		const all = rows.reduce((n, x) => n + Number(x.contacts_in_horizon), 0);
		expect(riskContacts).toBe(all);
		expect(weeks.map((w) => w.period)).toContain('2026-02-23'); // the Monday of 02-24 … 02-26
	});
});

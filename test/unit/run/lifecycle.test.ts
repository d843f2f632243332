import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { mappingFor } from '../../../src/core/import/mapping.ts';
import { DEFAULT_LIFECYCLE } from '../../../src/core/lifecycle/defaults.ts';
import { R10_DOCS } from '../../../src/core/segments/rules.ts';
import { ident, sql } from '../../../src/core/sql/sql.ts';
import type { DbClient } from '../../../src/db/client.ts';
import {
	lifecycleFlow,
	lifecycleRows,
	lifecycleSummary,
	runLifecycle,
	stagesBySegment,
	suggestLifecycle,
	type LifecycleOptions
} from '../../../src/run/lifecycle.ts';
import { loadFile } from '../../../src/run/load-file.ts';
import { loadProfiles } from '../../../src/run/profiles.ts';
import { runRfm } from '../../../src/run/rfm.ts';
import { defaultAsOf } from '../../../src/run/as-of.ts';
import { applyMapping } from '../../../src/run/stage.ts';
import { LIFECYCLE_TABLE, RAW_PROFILES } from '../../../src/run/tables.ts';
import { fixture, useDb } from '../../helpers/db.ts';

/*
 * test/fixtures/lifecycle/lifecycle_hand.csv, as-of 2024-07-01, new = 90, active = 90, churn = 180,
 * profiles (profiles_hand.csv) of A, G, H, J, K. A purchase is a line with a positive amount.
 *
 *   id  purchase days on or before 07-01           tenure  recency  stage
 *   A   04-02 (O1)                                  90      90      new: 90 ≤ 90, exactly at `new`
 *   B   04-01 (O2), 04-02 (O3)                      91      90      active: 91 > 90, recency exactly at `active`
 *   C   2023-01-01, 2024-01-03; a return on 06-30   547     180     silent, exactly at `churn` (the return is no purchase)
 *   D   01-02 (O7: +50 and −10 in one order)        181     181     churned: one day past `churn`
 *   E   none: only a return (05-01)                 —       —       churned: no profile, frequency 0, no dates
 *   F   06-01 twice (OF1, OF2), a return on 06-20   30      30      new; 2 orders, 1 purchase day
 *   G   none (profile only)                         —       —       potential
 *   H   none: a return on 03-01, and a profile      —       —       potential
 *   I   only 07-05: after the as-of date            absent (no line on or before it, no profile)
 *   J   only 07-10, and a profile                   —       —       potential
 *   K   profile only                                —       —       potential
 *
 * 2024-01-03 → 07-01: 28 + 29 + 31 + 30 + 31 + 30 + 1 = 180; 2024-04-01 → 07-01: 30 + 31 + 30 + 1 = 91.
 * Revenue (net, lines on or before 07-01): new A 100 + F 20 = 120; active B 110; silent C 250;
 * churned D 40 + E −20 = 20; potential H −12 (G, J, K 0). Total 488.
 */
const db: DbClient = useDb();
const AS_OF = '2024-07-01';
const base: LifecycleOptions = { asOf: AS_OF, days: { ...DEFAULT_LIFECYCLE }, frequency: 'orders', profiles: true };
const EXPECTED = [
	['A', '2024-04-02', '2024-04-02', 1, 90, 'new'],
	['B', '2024-04-01', '2024-04-02', 2, 90, 'active'],
	['C', '2023-01-01', '2024-01-03', 2, 180, 'silent'],
	['D', '2024-01-02', '2024-01-02', 1, 181, 'churned'],
	['E', null, null, 0, null, 'churned'],
	['F', '2024-06-01', '2024-06-01', 2, 30, 'new'],
	['G', null, null, 0, null, 'potential'],
	['H', null, null, 0, null, 'potential'],
	['J', null, null, 0, null, 'potential'],
	['K', null, null, 0, null, 'potential']
];

async function load(name: string, table?: string) {
	const p = fixture('lifecycle', name);
	const f = await loadFile(db, { fileName: name, source: { kind: 'path', path: p }, sample: fs.readFileSync(p, 'utf8'), table });
	if (!f) throw new Error('not loaded');
	return f;
}

beforeAll(async () => {
	const tx = await load('lifecycle_hand.csv');
	const r = await applyMapping(db, tx, mappingFor(tx.sniff, tx.guess));
	if (r.errors.length) throw r.errors[0];
	const p = await load('profiles_hand.csv', RAW_PROFILES);
	await loadProfiles(db, { fileName: 'profiles_hand.csv', columns: p.sniff.columns, id: '客户编号' });
});

const rows = async () => (await lifecycleRows(db)).map((r) => Object.values(r));

describe('lifecycle stages on the hand-checked fixture', () => {
	it('each customer: first and last purchase day, frequency, recency, stage (boundaries inclusive)', async () => {
		await runLifecycle(db, base);
		expect(await rows()).toEqual(EXPECTED);
	});

	it('frequency in purchase days: same-day orders count once', async () => {
		await runLifecycle(db, { ...base, frequency: 'days' });
		const got = await rows();
		expect(got.find((r) => r[0] === 'F')?.[3]).toBe(1);
		expect(got.find((r) => r[0] === 'B')?.[3]).toBe(2);
	});

	it('without profiles nobody is potential; a returns-only customer is still listed (churned)', async () => {
		await runLifecycle(db, { ...base, profiles: false });
		expect(await rows()).toEqual([
			...EXPECTED.slice(0, 6),
			['H', null, null, 0, null, 'churned']
		]);
	});

	it('one day less on each setting moves the customer at the boundary to the next stage', async () => {
		await runLifecycle(db, { ...base, days: { newDays: 89, activeDays: 89, churnDays: 179 } });
		const stage = Object.fromEntries((await rows()).map((r) => [r[0], r[5]]));
		// A: tenure 90 > 89 and recency 90 > 89 → silent; B: recency 90 → silent; C: 180 > 179 → churned.
		expect(stage).toMatchObject({ A: 'silent', B: 'silent', C: 'churned', F: 'new' });
	});

	it('with returns excluded, lines that are only returns no longer count: E is not listed', async () => {
		await runLifecycle(db, { ...base, returns: 'exclude' });
		expect((await rows()).map((r) => r[0])).toEqual(['A', 'B', 'C', 'D', 'F', 'G', 'H', 'J', 'K']);
	});

	it('refuses days outside 0 < active < churn', async () => {
		await expect(runLifecycle(db, { ...base, days: { newDays: 90, activeDays: 180, churnDays: 180 } })).rejects.toMatchObject({ code: 'lifecycle.badOrder' });
		await expect(runLifecycle(db, { ...base, days: { newDays: 90, activeDays: 0, churnDays: 180 } })).rejects.toMatchObject({ code: 'lifecycle.badOrder' });
		await expect(runLifecycle(db, { ...base, days: { newDays: 1.5, activeDays: 90, churnDays: 180 } })).rejects.toMatchObject({ code: 'lifecycle.badDays' });
	});

	it('stage sizes, revenue and shares, every stage in order', async () => {
		await runLifecycle(db, base);
		const s = await lifecycleSummary(db);
		expect(s.map((r) => [r.stage, r.customers, r.revenue])).toEqual([
			['potential', 4, -12],
			['new', 2, 120],
			['active', 1, 110],
			['silent', 1, 250],
			['churned', 2, 20]
		]);
		expect(s[1]!.share).toBeCloseTo(2 / 10, 12);
		expect(s[3]!.revenue_share).toBeCloseTo(250 / 488, 12);
	});

	it("the default as-of date is RFM's: the day after the last transaction", async () => {
		expect((await defaultAsOf(db, { today: '2026-12-05' }))?.asOf).toBe('2024-07-11');
	});
});

describe('stage flow between two dates', () => {
	/*
	 * On 2024-04-01: A potential (profile, no purchase yet), B new (bought that day), C active
	 * (recency 89), D new (tenure exactly 90), G H J K potential; E and F not yet known.
	 */
	it('matrix rows with row shares', async () => {
		const m = await lifecycleFlow(db, { ...base, from: '2024-04-01', to: AS_OF });
		expect(m.map((r) => [r.stage_from, r.stage_to, r.customers])).toEqual([
			[null, 'churned', 1],
			[null, 'new', 1],
			['active', 'silent', 1],
			['new', 'active', 1],
			['new', 'churned', 1],
			['potential', 'new', 1],
			['potential', 'potential', 4]
		]);
		expect(m.find((r) => r.stage_from === 'potential' && r.stage_to === 'new')?.row_share).toBeCloseTo(0.2, 12);
	});

	it('refuses dates in the wrong order', async () => {
		await expect(lifecycleFlow(db, { ...base, from: AS_OF, to: '2024-04-01' })).rejects.toMatchObject({ code: 'lifecycle.flowOrder' });
	});
});

describe('stages × RFM segments and the suggested days', () => {
	it('every customer of the lifecycle table once; those without a line by the as-of date have no segment', async () => {
		await runRfm(db, { asOf: AS_OF, frequency: 'orders', set: R10_DOCS });
		await runLifecycle(db, base);
		const x = await stagesBySegment(db);
		expect(x.reduce((a, r) => a + r.customers, 0)).toBe(10);
		// G, J, K have no line on or before 07-01: RFM cannot score them. H (a return only) is scored by RFM.
		expect(x.filter((r) => r.segment === null)).toEqual([{ stage: 'potential', segment: null, customers: 3, revenue: 0 }]);
		const rfm = (await db.query(sql`SELECT customer_id, segment FROM ${ident('rfm')} ORDER BY customer_id`)).rows;
		const stages = (await db.query(sql`SELECT customer_id, stage FROM ${ident(LIFECYCLE_TABLE)}`)).rows;
		const count = (stage: string, segment: unknown) =>
			rfm.filter((r) => r.segment === segment && stages.some((s) => s.customer_id === r.customer_id && s.stage === stage)).length;
		for (const r of x.filter((r) => r.segment !== null)) expect(r.customers).toBe(count(r.stage, r.segment));
	});

	/* Gaps between consecutive purchase days on or before 07-01: B 04-01 → 04-02 = 1; C 2023-01-01 → 2024-01-03 = 367. */
	it('gaps by hand: 80th and 95th percentile by nearest rank', async () => {
		const s = await suggestLifecycle(db, { asOf: AS_OF });
		// Two gaps [1, 367]: rank ⌈0.8·2⌉ = 2 and ⌈0.95·2⌉ = 2 → 367; churn is kept above active.
		expect(s).toEqual({ activeDays: 367, churnDays: 368, gaps: 2, customers: 2 });
		expect(await suggestLifecycle(db, { asOf: '2023-12-31' })).toBeNull();
	});
});

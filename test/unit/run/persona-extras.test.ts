import { beforeAll, describe, expect, it } from 'vitest';
import { ident, sql } from '../../../src/core/sql/sql.ts';
import type { DbClient } from '../../../src/db/client.ts';
import { buildTouchpoints } from '../../../src/run/journey.ts';
import { runBehaviour, runPersona } from '../../../src/run/persona.ts';
import { BEHAVIOUR_TABLE, RAW_SURVEYS, RAW_TABLE, RAW_TOUCHPOINTS, TOUCHPOINT_TABLE } from '../../../src/run/tables.ts';
import { useDb } from '../../helpers/db.ts';
import { loadPersonaFile, loadPersonaFixture } from '../../helpers/persona-fixture.ts';

/*
 * Persona cards' satisfaction (surveys joined) and the channel preference from the touchpoint table, on
 * the hand-checked fixture of persona.test.ts (as-of 2024-03-31; groups by gender: F = A, C, F; M = B, D).
 *
 * touchpoints_hand.csv, online/offline by journey's default table unless the channel column says:
 *   A  App, 官网 online; 门店 offline           → online 2, offline 1: 2 ≥ 2·1 → online
 *   B  门店; 客服电话 (线下)                    → offline
 *   C  App online; Kiosk (channel 线下) offline → 1 and 1 → mixed
 *   D  App after the as-of date; 未知触点 neither → no counted event → unknown; F: no events → unknown
 *   Z  not a customer of the base
 * surveys_hand.csv (NPS 0–10, CSAT 1–5; Z is not a customer, so not in the base):
 *   F group: NPS 10, 9 (A), 8 (C), 10 (F) → 3 promoters, 1 passive → 0.75; CSAT 5, 4, 5 (F blank) → 3 of 3
 *   M group: NPS 3 (B), 6 (D) → 2 detractors → −1;                       CSAT 2, 3 → 0 of 2
 */
const db: DbClient = useDb();
const AS_OF = '2024-03-31';
let textColumns: string[] = [];

beforeAll(async () => {
	textColumns = await loadPersonaFixture(db);
	const tp = await loadPersonaFile(db, 'touchpoints_hand.csv', RAW_TOUCHPOINTS);
	const dateFormat = tp.sniff.columns.find((c) => c.name === 'time')!.date!.format;
	await buildTouchpoints(db, { file: 'touchpoints_hand.csv', source: RAW_TOUCHPOINTS, mapping: { customer: 'customer', date: 'time', dateFormat, touchpoint: 'touchpoint', channel: 'channel' } });
	await loadPersonaFile(db, 'surveys_hand.csv', RAW_SURVEYS);
});

const byGender = { basis: { basis: 'column', column: 'gender' }, profiles: [{ name: 'gender', kind: 'text' }] } as const;

describe('channel preference from the touchpoint table', () => {
	it('without a channel column: online ≥ ⅔ of the online/offline events, offline ≤ ⅓, mixed between', async () => {
		const info = await runBehaviour(db, { asOf: AS_OF, text: { table: RAW_TABLE, columns: textColumns }, touchpoints: TOUCHPOINT_TABLE });
		expect(info.channelSource).toBe('touchpoints');
		expect(info.offered).toContain('channel');
		expect(info.missing.map((m) => m.needs)).not.toContain('channel');
		const rows = (await db.query(sql`SELECT customer_id, channel FROM ${ident(BEHAVIOUR_TABLE)} ORDER BY customer_id`)).rows;
		expect(rows.map((r) => [r.customer_id, r.channel])).toEqual([
			['A', 'online'],
			['B', 'offline'],
			['C', 'mixed'],
			['D', null],
			['F', null]
		]);
	});

	it('a channel column wins over the touchpoint table (and says so)', async () => {
		const info = await runBehaviour(db, { asOf: AS_OF, columns: { channel: 'channel' }, text: { table: RAW_TABLE, columns: textColumns }, touchpoints: TOUCHPOINT_TABLE });
		expect(info.channelSource).toBe('column');
		const a = (await db.query(sql`SELECT channel FROM ${ident(BEHAVIOUR_TABLE)} WHERE customer_id = 'A'`)).rows[0];
		expect(a?.channel).toBe('online');
	});

	it('in a persona: values online, mixed, offline, then unknown; F·online share 1/2 of its known vs 1/3 → lift 1.5', async () => {
		const res = await runPersona(db, { asOf: AS_OF, text: { table: RAW_TABLE, columns: textColumns }, touchpoints: TOUCHPOINT_TABLE, ...byGender });
		const f = res.rows.filter((r) => r.group === 'F' && r.feature === 'channel');
		expect(f.map((r) => [r.value, r.customers])).toEqual([
			['online', 1],
			['mixed', 1],
			['offline', 0],
			[null, 1]
		]);
		const online = f[0]!;
		expect(online.share).toBeCloseTo(1 / 2, 12);
		expect(online.share_overall).toBeCloseTo(1 / 3, 12);
		expect(online.lift).toBeCloseTo(1.5, 12);
		// Table (1, 1 | 0, 1): N 3, row 2, column 1: P(0) = 1/3, P(1) = 2/3 → every table is as likely or less: p = 1.
		expect(online.test).toBe('fisher');
		expect(online.p_value).toBeCloseTo(1, 12);
	});
});

describe('satisfaction on persona cards (surveys joined)', () => {
	const surveys = { table: RAW_SURVEYS, customer: 'member', nps: { score: 'nps' }, csat: { score: 'csat', scale: 5 } };

	it('each group’s NPS and CSAT against the rest of the base, answers of non-customers left out', async () => {
		const res = await runPersona(db, { asOf: AS_OF, ...byGender, surveys });
		const f = res.satisfaction!.F!;
		expect([f.nps!.group.n, f.nps!.group.promoters, f.nps!.group.passives, f.nps!.group.detractors]).toEqual([4, 3, 1, 0]);
		expect(f.nps!.group.nps).toBeCloseTo(0.75, 12);
		expect(f.nps!.rest.n).toBe(2);
		expect(f.nps!.rest.nps).toBeCloseTo(-1, 12);
		// Wald: variance (p + d) − nps² = 0.75 − 0.5625 = 0.1875 → se √(0.1875/4) = 0.216506; the rest's is 0.
		expect(f.nps!.diff!.diff).toBeCloseTo(1.75, 12);
		expect(f.nps!.diff!.se).toBeCloseTo(Math.sqrt(0.1875 / 4), 12);
		expect(f.nps!.diff!.ciLow).toBeCloseTo(1.75 - 1.959963984540054 * Math.sqrt(0.1875 / 4), 9);
		expect(f.nps!.diff!.significant).toBe(true);
		// CSAT top two boxes (4–5): F 3 of 3, rest 0 of 2. Table (3, 0 | 0, 2): N 5, row 3, column 3:
		// P(1) = 3·1/10, P(2) = 3·2/10, P(3) = 1·1/10 → only the observed table is as unlikely: p = 0.1.
		expect([f.csat!.group.n, f.csat!.group.satisfied, f.csat!.rest.n, f.csat!.rest.satisfied]).toEqual([3, 3, 2, 0]);
		expect(f.csat!.test).toBe('fisher');
		expect(f.csat!.p).toBeCloseTo(0.1, 12);
		const m = res.satisfaction!.M!;
		expect(m.nps!.group.nps).toBeCloseTo(-1, 12);
		expect(m.nps!.rest.nps).toBeCloseTo(0.75, 12);
		expect(m.csat!.group.csat).toBe(0);
		expect(m.csat!.p).toBeCloseTo(0.1, 12);
	});

	it('no surveys: no satisfaction; only an NPS column: no CSAT', async () => {
		expect((await runPersona(db, { asOf: AS_OF, ...byGender })).satisfaction).toBeNull();
		const res = await runPersona(db, { asOf: AS_OF, ...byGender, surveys: { table: RAW_SURVEYS, customer: 'member', nps: { score: 'nps' } } });
		expect(res.satisfaction!.F!.csat).toBeNull();
		expect(res.satisfaction!.F!.nps!.group.n).toBe(4);
	});
});

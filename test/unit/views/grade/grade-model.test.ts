import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NodeDbClient } from '../../../../src/db/node.ts';
import { profiles } from '../../../../src/state/profiles.svelte.ts';
import { GradeModel } from '../../../../src/views/grade/grade-model.svelte.ts';
import { pageSources } from '../../../../src/views/grade/sources.svelte.ts';
import { fixture, openDb } from '../../../helpers/db.ts';
import { loadGradeFixture } from '../../../helpers/grade-profiles.ts';

/*
 * The grade view's model with a profile file loaded: its numeric columns are offered as indicators
 * and grade as the CLI grades them. test/fixtures/grade (tx.csv, profiles.csv, profile-standard.json),
 * as of 2024-07-01; by hand (test/unit/cli/grade-profiles.test.ts): G1 75 → 高, G4 50 → 中, G2 and G3 0 → 低.
 */
let db: NodeDbClient;

beforeAll(async () => {
	db = await openDb();
	await loadGradeFixture(db);
});
afterAll(async () => {
	await db.close();
});

describe('GradeModel with customer profiles', () => {
	it('the page passes the profile table once profiles are loaded', () => {
		expect(pageSources().profiles).toBe(false);
		Object.assign(profiles, { status: 'ready', info: { fileName: 'profiles.csv', id: '会员号', rows: 4, attributes: [], warnings: [] } });
		expect(pageSources().profiles).toBe(true);
	});

	it('offers the numeric profile columns (not text, not the phone numbers) and grades on them', async () => {
		const model = new GradeModel(db, 'en');
		const words = { total: 'total', ungraded: 'not graded' };
		model.refresh({ asOf: '2024-07-01', monetaryIsAverage: false, rfmVersion: 1, sources: { cost: false, clv: false, surveys: null, profiles: true }, words });
		await model.run();
		expect(model.status).toBe('ready');
		expect(model.available?.profileColumns).toEqual(['积分', '年龄']);
		model.load(fs.readFileSync(fixture('grade', 'profile-standard.json'), 'utf8'));
		await model.run();
		expect(model.error).toBeNull();
		const rows = model.result?.tiers ?? [];
		const tiers = Object.fromEntries(rows.map((t) => [t.tier ?? '', t]));
		expect(Object.fromEntries(rows.map((t) => [t.tier, t.customers]))).toEqual({ 高: 1, 中: 1, 低: 2 });
		// Means per tier of the values (积分, 年龄, frequency): 低 = G2 and G3 — 积分 300 (G3 has none), 年龄 none, frequency (1 + 0) / 2.
		expect(tiers['高']?.means).toEqual([1200, 35, 2]);
		expect(tiers['低']?.means).toEqual([300, null, 0.5]);
		expect(tiers['低']?.with_missing).toBe(2);
	});

	it('adds a profile column from the offer; without profiles the same standard says what is missing', async () => {
		const model = new GradeModel(db, 'en');
		const words = { total: 'total', ungraded: 'not graded' };
		model.refresh({ asOf: '2024-07-01', monetaryIsAverage: false, rfmVersion: 1, sources: { cost: false, clv: false, surveys: null, profiles: true }, words });
		model.addIndicator('积分');
		await model.run();
		expect(model.applied?.indicators.map((i) => i.name)).toEqual(['recency_days', 'frequency', 'monetary', '积分']);
		expect(model.error).toBeNull();
		model.refresh({ asOf: '2024-07-01', monetaryIsAverage: false, rfmVersion: 2, sources: { cost: false, clv: false, surveys: null, profiles: false }, words });
		await model.run();
		expect(model.error?.code).toBe('grade.unknownIndicator');
	});
});

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gradeCommand } from '../../../src/cli/grade.ts';
import { valueMatrixCommand } from '../../../src/cli/value-matrix.ts';
import { isClienteleError, type ErrorCode } from '../../../src/core/errors.ts';
import { translate } from '../../../src/i18n/translate.ts';
import { fixture, useTmpDir } from '../../helpers/db.ts';

/*
 * test/fixtures/grade: tx.csv, surveys.csv and standard.json, as of 2024-07-01, worked out by hand.
 *
 *   G1  last purchase 03-01 (the 06-30 return is not one): recency 122 → 0 pts; orders O1, O2: aov (100+300−50)/2 = 175 → 100;
 *       tenure 01-01 → 07-01 = 182 → 100; margin 40 + 100 − 20 = 120 → 100; recommend: latest answer on or before
 *       the as-of date with a value = 06-15: 6 → 0 (07-10 is later); csat: 06-15 is blank, 05-01: 4 → 100.
 *       total (20·0 + 30·100 + 10·100 + 20·100 + 10·0 + 10·100) / 100 = 70 → VIP (exactly at its min)
 *   G2  recency 30 → 100; aov 80 → 50; tenure 30 → 0; margin: no readable cost → missing; recommend blank → missing;
 *       csat 3 → 50. Renormalised over 20 + 30 + 10 + 10 = 70: (2000 + 1500 + 0 + 500) / 70 = 57.14 → 重要
 *   G3  only a return (02-15): recency 137 → 0; no purchase: aov and tenure missing; margin −20 + 10 = −10 → 0;
 *       no answers. Total 0 → 一般
 *   G4  the 07-05 order is after the as-of date. recency 61 → 50; aov 40 → 0; tenure 61 → 0; margin 10 → 50;
 *       two answers on 06-01: the later row wins (7 → 50, csat 1 → 0). (1000 + 1000 + 500) / 100 = 25 → 一般
 */
const DIR = fixture('grade');
const TX = [
	'--input',
	path.join(DIR, 'tx.csv'),
	'--customer',
	'customer_id',
	'--date',
	'date',
	'--amount',
	'amount',
	'--order',
	'order_id'
];
const SURVEYS = [
	'--surveys',
	path.join(DIR, 'surveys.csv'),
	'--surveys-id',
	'cust',
	'--surveys-date',
	'answered',
	'--recommend',
	'ltr',
	'--csat',
	'sat'
];
const HAND = [
	...TX,
	'--cost',
	'cost',
	...SURVEYS,
	'--standard',
	path.join(DIR, 'standard.json'),
	'--as-of',
	'2024-07-01'
];
const tmp = useTmpDir('clientele-grade-');

async function run(args: string[]): Promise<string[]> {
	const out = path.join(tmp(), `out-${Math.random().toString(36).slice(2)}.csv`);
	expect(await gradeCommand([...args, '--out', out])).toBeNull();
	return fs.readFileSync(out, 'utf8').trimEnd().split('\r\n');
}

function writeStandard(json: unknown): string {
	const file = path.join(tmp(), `std-${Math.random().toString(36).slice(2)}.json`);
	fs.writeFileSync(file, typeof json === 'string' ? json : JSON.stringify(json));
	return file;
}

async function fails(args: string[], code: ErrorCode): Promise<string> {
	try {
		await gradeCommand(args);
	} catch (e) {
		expect(isClienteleError(e) && e.code).toBe(code);
		if (!isClienteleError(e)) throw e;
		const en = translate('en', e.code, e.params);
		expect(en).not.toMatch(/^(grade|cli)\.|\{\w+\}/);
		expect(translate('zh-CN', e.code, e.params)).not.toBe(en);
		return en;
	}
	throw new Error('expected an error');
}

describe('clientele grade', () => {
	it('writes the contract columns with the hand-checked values, points, totals, tiers and missing', async () => {
		expect(await run(HAND)).toEqual([
			'customer_id,recency_days,avg_order_value,tenure_days,margin,recommend_score,csat,points_recency_days,points_avg_order_value,points_tenure_days,points_margin,points_recommend_score,points_csat,total,tier,missing',
			'G1,122,175,182,120,6,4,0,100,100,100,0,100,70,VIP,',
			'G2,30,80,30,,,3,100,50,0,,,50,57.14,重要,margin;recommend_score',
			'G3,137,,,-10,,,0,,,0,,,0,一般,avg_order_value;tenure_days;recommend_score;csat',
			'G4,61,40,61,10,7,1,50,0,0,50,50,0,25,一般,'
		]);
	});

	it('applies the vip preset with tier names in the --lang language', async () => {
		const zh = await run([...TX, '--standard', 'vip', '--as-of', '2024-07-01', '--lang', 'zh']);
		expect(zh[0]).toBe(
			'customer_id,recency_days,frequency,monetary,points_recency_days,points_frequency,points_monetary,total,tier,missing'
		);
		// Four customers; recency 30 < 61 < 122 < 137 (lower better, quantiles 5 on −x): G2 100, G4 75, G1 50, G3 25 …
		// frequency 2, 1, 0, 1 → G1 100, G2 = G4 (c = 3 of 4 → ⌈3.75⌉ = 4) 75, G3 ⌈1.25⌉ = 2 → 25;
		// monetary 350, 80, −20, 40 → G1 100, G2 75, G4 50, G3 25.
		// G1 (20·50 + 30·100 + 50·100)/100 = 90 VIP; G2 (2000 + 2250 + 3750)/100 = 80 VIP; G3 25 一般; G4 (1500 + 2250 + 2500)/100 = 62.5 重要.
		expect(zh.slice(1).map((l) => l.split(',').slice(-3).join(','))).toEqual([
			'90,VIP,',
			'80,VIP,',
			'25,一般,',
			'62.5,重要,'
		]);
		const en = await run([...TX, '--standard', 'vip', '--as-of', '2024-07-01']);
		expect(en.slice(1).map((l) => l.split(',')[8])).toEqual(['VIP', 'VIP', 'General', 'Key']);
	});

	it.each([
		[
			'a lowest tier above 0',
			{
				method: 'weighted',
				indicators: [{ name: 'frequency', weight: 100, points: { quantiles: 5 } }],
				tiers: [
					{ name: 'VIP', min: 50 },
					{ name: '普通', min: 10 }
				]
			},
			'grade.badStandardFile',
			/普通.*10.*0/
		],
		[
			'an ABC class name as a tier',
			{
				method: 'scoring',
				indicators: [{ name: 'frequency', points: { quantiles: 5 } }],
				tiers: [{ name: 'A', min: 0 }]
			},
			'grade.badStandardFile',
			/A, B, C/
		],
		[
			'an indicator named like an output column',
			{
				method: 'weighted',
				indicators: [{ name: 'total', weight: 100, points: { quantiles: 5 } }],
				tiers: [{ name: 'all', min: 0 }]
			},
			'grade.badStandardFile',
			/total/
		],
		[
			'thresholds without enough points',
			{
				method: 'weighted',
				indicators: [
					{ name: 'monetary', weight: 100, points: { thresholds: [10, 20], points: [0, 100] } }
				],
				tiers: [{ name: 'all', min: 0 }]
			},
			'grade.badStandardFile',
			/3 points/
		],
		[
			'a bad method',
			{ method: 'ranking', indicators: [], tiers: [] },
			'grade.badStandardFile',
			/"scoring", "weighted"/
		],
		['text that is not JSON', '{"method": "weighted",', 'grade.badStandardFile', /not valid JSON/]
	] as const)('exits with one translated message on %s', async (_n, json, code, message) => {
		expect(await fails([...TX, '--standard', writeStandard(json)], code)).toMatch(message);
	});

	it.each([
		[
			'margin without a cost column',
			['--standard', 'MARGIN', '--input', 'NOCOST'],
			'grade.needsCost'
		],
		[
			'answers without --surveys',
			['--cost', 'cost', '--standard', path.join(DIR, 'standard.json')],
			'grade.needsSurvey'
		],
		[
			'a survey column without --surveys',
			['--standard', 'vip', '--recommend', 'ltr'],
			'cli.needsOption'
		],
		[
			'--surveys without a question',
			['--standard', 'vip', '--surveys', path.join(DIR, 'surveys.csv'), '--surveys-id', 'cust'],
			'cli.needsOption'
		],
		['an unknown indicator', ['--standard', 'STD'], 'grade.unknownIndicator'],
		['no --standard', [], 'cli.missingOption'],
		['a bad --lang', ['--standard', 'vip', '--lang', 'fr'], 'cli.badChoice']
	] as const)('exits with one translated message on %s', async (_n, args, code) => {
		const one = (name: string) =>
			writeStandard({
				method: 'weighted',
				indicators: [{ name, weight: 100, points: { quantiles: 5 } }],
				tiers: [{ name: 'all', min: 0 }]
			});
		const nocost = path.join(tmp(), 'tx-nocost.csv');
		fs.writeFileSync(
			nocost,
			fs.readFileSync(path.join(DIR, 'tx.csv'), 'utf8').replace(/,[^,\n]*$/gm, '')
		);
		const files: Record<string, string> = {
			STD: one('年龄'),
			MARGIN: one('margin'),
			NOCOST: nocost
		};
		// The margin case reads the fixture without its cost column instead of TX's input (a repeated
		// --input would read both files as one dataset).
		const base = (args as readonly string[]).includes('--input') ? TX.filter((a, i) => a !== '--input' && TX[i - 1] !== '--input') : [...TX];
		await fails([...base, ...args.map((a) => files[a] ?? a)], code);
	});
});

describe('clientele grade with the value-matrix model', () => {
	it('grades on clv and p_alive as value-matrix scores them', async () => {
		const cdnow = [
			'--input',
			fixture('cdnow', 'cdnow_sample_clean.csv'),
			'--customer',
			'customer_id',
			'--date',
			'date',
			'--amount',
			'amount'
		];
		const std = writeStandard({
			method: 'weighted',
			indicators: [
				{ name: 'clv', weight: 70, points: { quantiles: 4 } },
				{ name: 'p_alive', weight: 30, points: { minmax: { clip: [0, 1] } } }
			],
			tiers: [
				{ name: 'VIP', min: 80 },
				{ name: 'other', min: 0 }
			]
		});
		const lines = await run([...cdnow, '--standard', std]);
		expect(lines[0]).toBe('customer_id,clv,p_alive,points_clv,points_p_alive,total,tier,missing');
		const out = path.join(tmp(), 'vm.csv');
		await valueMatrixCommand([...cdnow, '--out', out]);
		const vm = new Map(
			fs
				.readFileSync(out, 'utf8')
				.trimEnd()
				.split('\r\n')
				.slice(1)
				.map((l) => [l.split(',')[0], Number(l.split(',')[2])])
		);
		const rows = lines.slice(1).map((l) => l.split(','));
		expect(rows).toHaveLength(vm.size);
		const off = rows.filter((r) => Math.abs(Number(r[1]) - (vm.get(r[0]) ?? NaN)) > 1e-3);
		expect(off).toEqual([]);
		expect(rows.every((r) => Number(r[2]) >= 0 && Number(r[2]) <= 1 && r[7] === '')).toBe(true);
	});
});

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { rfmCommand } from '../../../src/cli/rfm.ts';
import { migrateCommand } from '../../../src/cli/migrate.ts';
import { fixture, useTmpDir } from '../../helpers/db.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const ORDERS = fixture('rfm_r', 'rfm_data_orders.csv');
const CUSTOMERS = fixture('rfm_r', 'rfm_data_customer.csv');
const HEADER =
	'customer_id,recency_days,frequency,monetary,r_score,f_score,m_score,rfm_score,segment';
const R_ARGS = [
	'--input',
	ORDERS,
	'--customer',
	'customer_id',
	'--date',
	'order_date',
	'--amount',
	'revenue'
];

const tmp = useTmpDir('clientele-rfm-methods-');

const read = (file: string) =>
	Papa.parse<Record<string, string>>(fs.readFileSync(file, 'utf8'), {
		header: true,
		skipEmptyLines: true
	}).data;

describe('rfm command: methods, presets, customer table (in process)', () => {
	it('--method r-rfm --segments r10-tests reproduces the R package: Champions 158 / 1,234 orders / 120,178', async () => {
		const out = path.join(tmp(), 'r.csv');
		expect(
			await rfmCommand([
				...R_ARGS,
				'--as-of',
				'2006-12-31',
				'--method',
				'r-rfm',
				'--segments',
				'r10-tests',
				'--out',
				out
			])
		).toBeNull();
		expect(fs.readFileSync(out, 'utf8').split('\r\n')[0]).toBe(HEADER);
		const rows = read(out);
		const champs = rows.filter((r) => r.segment === 'Champions');
		expect([
			champs.length,
			champs.reduce((a, r) => a + Number(r.frequency), 0),
			champs.reduce((a, r) => a + Number(r.monetary), 0)
		]).toEqual([158, 1234, 120178]);
		expect(rows.reduce((a, r) => a + Number(r.frequency), 0)).toBe(4906);
	});

	it('--customer-table with --recency: 39,999 customers, sum of orders 393,223; cn8 names in English', async () => {
		const out = path.join(tmp(), 'c.csv');
		await rfmCommand([
			'--input',
			CUSTOMERS,
			'--customer-table',
			'--customer',
			'customer_id',
			'--orders',
			'number_of_orders',
			'--recency',
			'recency_days',
			'--revenue',
			'revenue',
			'--segments',
			'cn8',
			'--out',
			out
		]);
		const rows = read(out);
		expect(rows).toHaveLength(39999);
		expect(rows.reduce((a, r) => a + Number(r.frequency), 0)).toBe(393223);
		expect(new Set(rows.map((r) => r.segment)).size).toBe(8);
		expect(
			rows.every((r) => ['1', '2'].includes(r.r_score!) && ['1', '2'].includes(r.f_score!))
		).toBe(true);
		expect(rows.some((r) => r.segment === 'Important value')).toBe(true);
	});

	it('a rule set from a JSON file; its labels name the segments', async () => {
		const rules = path.join(tmp(), 'rules.json');
		fs.writeFileSync(
			rules,
			JSON.stringify({
				id: 'two',
				rules: [{ id: 'top', label: 'Top', r: [3, 5], f: [3, 5], m: [3, 5] }]
			})
		);
		const out = path.join(tmp(), 'j.csv');
		await rfmCommand([
			...R_ARGS,
			'--as-of',
			'2006-12-31',
			'--method',
			'median',
			'--segments',
			rules,
			'--out',
			out
		]);
		expect(new Set(read(out).map((r) => r.segment))).toEqual(new Set(['Others']));
		await rfmCommand([
			...R_ARGS,
			'--as-of',
			'2006-12-31',
			'--r-method',
			'thresholds',
			'--r-thresholds',
			'100,200,300,400',
			'--segments',
			rules,
			'--out',
			out
		]);
		expect(new Set(read(out).map((r) => r.segment))).toEqual(new Set(['Top', 'Others']));
	});

	const bad: [string, string[], string][] = [
		['unknown method', ['--method', 'quartile'], 'cli.badChoice'],
		['bins out of range', ['--bins', '11'], 'cli.badBins'],
		['thresholds not numbers', ['--f-thresholds', '2,x'], 'cli.badNumberList'],
		[
			'thresholds not increasing',
			[
				'--method',
				'thresholds',
				'--r-thresholds',
				'30,10',
				'--f-thresholds',
				'2',
				'--m-thresholds',
				'5'
			],
			'rfm.badThresholds'
		],
		[
			'thresholds with ntile',
			['--method', 'ntile', '--m-thresholds', '5'],
			'rfm.thresholdsNotUsed'
		],
		['cn8 with 5 bins', ['--segments', 'cn8', '--method', 'ntile'], 'rfm.levelsMismatch'],
		['unknown preset', ['--segments', 'r11'], 'cli.badChoice'],
		['unknown frequency', ['--frequency', 'weeks'], 'cli.badChoice'],
		['drop-cancelled without order ids', ['--returns', 'drop-cancelled'], 'cli.needsOption'],
		['customer-table options without --customer-table', ['--orders', 'n'], 'cli.needsOption']
	];
	it.each(bad)('%s → %s, nothing written', async (_name, extra, code) => {
		const out = path.join(tmp(), 'bad.csv');
		await expect(rfmCommand([...R_ARGS, ...extra, '--out', out])).rejects.toMatchObject({ code });
		expect(fs.existsSync(out)).toBe(false);
	});

	it('a bad JSON rule file names the file and field', async () => {
		const rules = path.join(tmp(), 'bad.json');
		fs.writeFileSync(
			rules,
			JSON.stringify({ id: 'x', rules: [{ id: 'a', r: [1, 9], f: [1, 2], m: [0, 1] }] })
		);
		await expect(rfmCommand([...R_ARGS, '--segments', rules])).rejects.toMatchObject({
			code: 'segments.badJsonFile',
			params: { file: rules, field: 'rules[0].m[0]' }
		});
	});

	it('--customer-table refuses transaction options and needs exactly one of --recency and --last-date', async () => {
		const base = [
			'--input',
			CUSTOMERS,
			'--customer-table',
			'--customer',
			'customer_id',
			'--orders',
			'number_of_orders',
			'--revenue',
			'revenue'
		];
		await expect(
			rfmCommand([...base, '--recency', 'recency_days', '--date', 'x'])
		).rejects.toMatchObject({ code: 'cli.notWithCustomerTable' });
		await expect(rfmCommand(base)).rejects.toMatchObject({ code: 'cli.recencyOrLastDate' });
	});
});

describe('migrate command', () => {
	it('writes customer_id,segment_from,segment_to; new customers have an empty segment_from', async () => {
		const input = path.join(tmp(), 'tx.csv');
		fs.writeFileSync(
			input,
			[
				'customer,date,amount',
				'X,2024-01-05,100',
				'X,2024-01-20,100',
				'Y,2024-01-10,50',
				'Y,2024-03-20,30',
				'Z,2024-03-25,500',
				'W,2023-12-01,20'
			].join('\n') + '\n'
		);
		const rules = path.join(tmp(), 'mig.json');
		fs.writeFileSync(
			rules,
			JSON.stringify({
				id: 'mig',
				rules: [
					{ id: 'recent', label: 'Recent', r: [2, 2], f: [1, 2], m: [1, 2] },
					{ id: 'lapsed', label: 'Lapsed', r: [1, 1], f: [1, 2], m: [1, 2] }
				]
			})
		);
		const out = path.join(tmp(), 'mig.csv');
		const args = [
			'--input',
			input,
			'--customer',
			'customer',
			'--date',
			'date',
			'--amount',
			'amount',
			'--r-method',
			'thresholds',
			'--r-thresholds',
			'30',
			'--method',
			'mean',
			'--segments',
			rules
		];
		await migrateCommand([...args, '--from', '2024-01-31', '--to', '2024-03-31', '--out', out]);
		expect(fs.readFileSync(out, 'utf8')).toBe(
			[
				'customer_id,segment_from,segment_to',
				'W,Lapsed,Lapsed',
				'X,Recent,Lapsed',
				'Y,Recent,Recent',
				'Z,,Recent',
				''
			].join('\r\n')
		);
		await expect(
			migrateCommand([...args, '--from', '2024-03-31', '--to', '2024-01-31'])
		).rejects.toMatchObject({ code: 'rfm.migrationOrder' });
	});
});

describe('spawned CLI (keep few: ~3 s each)', () => {
	it('a bad argument exits 2 with one message and no output', () => {
		const r = spawnSync(
			process.execPath,
			['--import', 'tsx', 'src/cli/main.ts', 'rfm', ...R_ARGS, '--method', 'quartile'],
			{ cwd: ROOT, encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } }
		);
		const stderr = r.stderr.split('\n').filter((l) => l !== '' && !l.startsWith('npm warn'));
		expect({ code: r.status, stdout: r.stdout, stderr }).toEqual({
			code: 2,
			stdout: '',
			stderr: [
				'clientele rfm: --method quartile: choose one of ntile, r-rfm, thresholds, mean, median'
			]
		});
	});
});

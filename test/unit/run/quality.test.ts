import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	FINDING_KINDS,
	normalizeFixes,
	resolveQualityOptions,
	setFix,
	type FindingKind,
	type QualityFixes,
	type QualityReport
} from '../../../src/core/csv/quality.ts';
import { isClienteleError } from '../../../src/core/errors.ts';
import type { TxMapping } from '../../../src/core/sql/parse.ts';
import { ident, sql } from '../../../src/core/sql/sql.ts';
import { DUPLICATE_MAX_COLUMNS } from '../../../src/core/sql/quality.ts';
import { applyMapping } from '../../../src/run/stage.ts';
import { loadFile } from '../../../src/run/load-file.ts';
import { mappingFor } from '../../../src/core/import/mapping.ts';
import { RAW_TABLE, TX_TABLE } from '../../../src/run/tables.ts';
import { type LoadedFile } from '../../../src/run/loaded-file.ts';
import type { NodeDbClient } from '../../../src/db/node.ts';
import { applyQualityFixes, QUALITY_MAX_COLUMNS, runQualityReport } from '../../../src/run/quality.ts';
import { en } from '../../../src/i18n/en.ts';
import { openDb } from '../../helpers/db.ts';

/** Rows 1–15 carry one problem each (see the comments); 1,000 clean filler rows follow. */
const SPECIAL = [
	'A,1001,2024-01-05,10,ok', // 1
	'A,1001,2024-01-05,10,ok', // 2 exact duplicate of 1
	'A,1001,2024-01-05,10,note', // 3 same customer, order, date and amount as 1 but another status: not a duplicate
	'B,C1002,2024-01-06,-5,ok', // 4 cancelled (C…) and negative
	'B,1003,2024-01-07,0,ok', // 5 zero amount
	'B,1004,2030-01-01,20,ok', // 6 future date
	'C,1005,1970-01-01,15,ok', // 7 before the plausible start
	'D,1006,,12,ok', // 8 missing date
	'D,1007,notadate,12,ok', // 9 invalid date
	',1008,2024-03-01,5,ok', // 10 missing customer
	'E,1009,2024-03-02,abc,ok', // 11 invalid amount
	'B,1010,2024-01-03,30,ok', // 12 B's purchase before the cancellation
	'F,C2000,2024-01-10,-7,ok', // 13 a return with no purchase of F
	'G,1011,2024-04-01,9,cancelled', // 14 cancelled by the status flag
	'I,6000,2024-06-01,50000,ok' // 15 outlier
];
const FILLER = Array.from({ length: 1000 }, (_, i) => `H${i % 50},${5000 + i},2024-05-${String((i % 28) + 1).padStart(2, '0')},${(i % 100) + 1},ok`);
const TEXT = ['customer,order,date,amount,status', ...SPECIAL, ...FILLER].join('\n') + '\n';
const OPTIONS = { asOf: '2024-12-31', cancelColumn: 'status', examples: 3 };

let db: NodeDbClient;
let file: LoadedFile;
let mapping: TxMapping;
let report: QualityReport;

beforeAll(async () => {
	db = await openDb();
	file = (await loadFile(db, { fileName: 'quality.csv', source: { kind: 'text', text: TEXT }, sample: TEXT }))!;
	mapping = mappingFor(file.sniff, { customer: 'customer', order: 'order', date: 'date', amount: 'amount' });
	await applyMapping(db, file, mapping);
	report = await runQualityReport(db, file, { mapping, options: OPTIONS });
});
afterAll(async () => {
	await db.close();
});

const finding = (k: FindingKind) => report.findings.find((f) => f.kind === k);

async function txRows(): Promise<{ src_row: number; customer_id: string; order_id: string | null; ts: number; amount: number }[]> {
	const r = await db.query<{ src_row: number; customer_id: string; order_id: string | null; ts: number; amount: number }>(
		sql`SELECT * FROM ${ident(TX_TABLE)} ORDER BY src_row`
	);
	return r.rows;
}

describe('data-quality report', () => {
	it('summarises rows, usable rows, customers and the date range', () => {
		expect({ rows: report.rows, usable: report.usableRows, customers: report.customers }).toEqual({ rows: 1015, usable: 1011, customers: 56 });
		expect(new Date(report.firstTs!).toISOString()).toBe('1970-01-01T00:00:00.000Z');
		expect(new Date(report.lastTs!).toISOString()).toBe('2030-01-01T00:00:00.000Z');
		expect(report.outlierThreshold).toBeCloseTo(1000, 6);
	});

	it('counts missing and invalid cells per column with row numbers and examples', () => {
		const c = (name: string) => report.columns.find((x) => x.column === name)!;
		expect(c('date')).toMatchObject({ role: 'date', missing: 1, invalid: 1, missingRows: [8], invalidExamples: [{ row: 9, value: 'notadate' }] });
		expect(c('amount')).toMatchObject({ role: 'amount', missing: 0, invalid: 1, invalidExamples: [{ row: 11, value: 'abc' }] });
		expect(c('customer')).toMatchObject({ role: 'customer', missing: 1, invalid: 0, missingRows: [10] });
		expect(c('status')).toMatchObject({ role: null, missing: 0, invalid: 0 });
	});

	const expected: [FindingKind, number, number[]][] = [
		['exactDuplicates', 1, [2]],
		['negativeAmounts', 2, [4, 13]],
		['zeroAmounts', 1, [5]],
		['cancelledOrders', 3, [4, 13, 14]],
		['outliers', 1, [15]],
		['futureDates', 1, [6]],
		['earlyDates', 1, [7]]
	];
	for (const [kind, count, rows] of expected) {
		it(`finds ${kind}: ${count} row(s) at ${rows.join(', ')}`, () => {
			const f = finding(kind)!;
			expect(f.count).toBe(count);
			expect(f.examples.map((e) => e.row)).toEqual(rows);
			expect(f.policy).toBe('keep');
			expect(Object.keys(en)).toContain(f.code);
		});
	}

	it('flags only exact duplicates: a line that repeats customer, order, date and amount but differs elsewhere is a real sale', () => {
		expect(report.findings.map((f) => f.kind)).not.toContain('duplicateOrderLines');
		expect(report.findings.flatMap((f) => f.examples.map((e) => e.row))).not.toContain(3);
	});

	it('sums the amounts of each finding', () => {
		expect(finding('negativeAmounts')!.amount).toBe(-12);
		expect(finding('outliers')!.params).toMatchObject({ factor: 10, threshold: 1000 });
	});

	it('leaves the raw table untouched', async () => {
		const n = await db.query<{ n: number }>(sql`SELECT count(*) AS n FROM ${ident(RAW_TABLE)}`);
		expect(n.rows[0]!.n).toBe(1015);
	});
});

describe('fix policies rebuild the analysis table', () => {
	let baseline: Awaited<ReturnType<typeof txRows>>;
	beforeAll(async () => {
		await applyMapping(db, file, mapping);
		baseline = await txRows();
	});

	it('with no fixes equals the table applyMapping builds', async () => {
		await applyQualityFixes(db, file, { mapping, options: OPTIONS, fixes: {} });
		expect(await txRows()).toEqual(baseline);
	});

	const drops: [FindingKind, number[]][] = [
		['exactDuplicates', [2]],
		['negativeAmounts', [4, 13]],
		['zeroAmounts', [5]],
		['cancelledOrders', [4, 13, 14]],
		['outliers', [15]],
		['futureDates', [6]],
		['earlyDates', [7]]
	];
	for (const [kind, rows] of drops) {
		it(`drop ${kind} leaves out rows ${rows.join(', ')} and nothing else`, async () => {
			const n = await applyQualityFixes(db, file, { mapping, options: OPTIONS, fixes: { [kind]: 'drop' } });
			const got = await txRows();
			expect(n).toBe(baseline.length - rows.length);
			expect(got).toEqual(baseline.filter((r) => !rows.includes(r.src_row)));
		});
	}

	it('net moves a cancellation onto the customer’s earlier purchase and drops returns with none', async () => {
		await applyQualityFixes(db, file, { mapping, options: OPTIONS, fixes: { cancelledOrders: 'net' } });
		const got = await txRows();
		const row4 = got.find((r) => r.src_row === 4)!;
		const row12 = baseline.find((r) => r.src_row === 12)!;
		expect(row4).toEqual({ src_row: 4, customer_id: 'B', order_id: '1010', ts: row12.ts, amount: -5, cost: null });
		// F (row 13) and G (row 14) have no other purchase: nothing to net against.
		expect(got.map((r) => r.src_row)).not.toContain(13);
		expect(got.map((r) => r.src_row)).not.toContain(14);
		expect(got).toHaveLength(baseline.length - 2);
		const b = (rows: typeof got) => rows.filter((r) => r.customer_id === 'B').reduce((a, r) => a + r.amount, 0);
		expect(b(got)).toBe(b(baseline));
	});

	it('is undone by removing the fix from the settings', async () => {
		let fixes: QualityFixes = setFix({}, 'exactDuplicates', 'drop');
		fixes = setFix(fixes, 'outliers', 'drop');
		await applyQualityFixes(db, file, { mapping, options: OPTIONS, fixes });
		expect(await txRows()).toHaveLength(baseline.length - 2);
		fixes = setFix(setFix(fixes, 'exactDuplicates', 'keep'), 'outliers', 'keep');
		expect(fixes).toEqual({});
		await applyQualityFixes(db, file, { mapping, options: OPTIONS, fixes });
		expect(await txRows()).toEqual(baseline);
	});
});

describe('settings validation', () => {
	it('normalizeFixes keeps valid entries, drops keep, rejects the rest with quality.badFix', () => {
		expect(normalizeFixes({ outliers: 'drop', zeroAmounts: 'keep' })).toEqual({ outliers: 'drop' });
		expect(normalizeFixes(undefined)).toEqual({});
		for (const bad of [{ outliers: 'net' }, { nope: 'drop' }, [1], 'x']) {
			let code = '';
			try {
				normalizeFixes(bad);
			} catch (e) {
				code = isClienteleError(e) ? e.code : 'other';
			}
			expect(code, JSON.stringify(bad)).toBe('quality.badFix');
		}
	});

	it('resolveQualityOptions fills defaults and names a bad value', () => {
		expect(resolveQualityOptions({ asOf: '2024-12-31' })).toEqual({
			asOf: '2024-12-31',
			plausibleStart: '1990-01-01',
			outlierFactor: 10,
			outlierQuantile: 0.999,
			cancelColumn: null,
			examples: 5
		});
		for (const [o, option] of [
			[{ asOf: '2024-02-30' }, 'asOf'],
			[{ asOf: '2024-12-31', outlierFactor: 0 }, 'outlierFactor'],
			[{ asOf: '2024-12-31', outlierQuantile: 1 }, 'outlierQuantile'],
			[{ asOf: '2024-12-31', plausibleStart: 'soon' }, 'plausibleStart']
		] as const) {
			let params: unknown;
			try {
				resolveQualityOptions(o);
			} catch (e) {
				params = isClienteleError(e) && e.code === 'quality.badOption' ? e.params.option : e;
			}
			expect(params).toBe(option);
		}
	});

	it('every finding kind has an en message', () => {
		for (const k of FINDING_KINDS) expect(Object.keys(en)).toContain(`quality.${k}`);
	});

	it('a wide file: the mapped columns and the first others up to the cap are checked, the rest counted as unchecked', async () => {
		// 300 filler columns (one of them with a missing cell), then the three mapped ones at the end.
		const filler = Array.from({ length: 300 }, (_, i) => `f${i}`);
		const text = [[...filler, 'who', 'when', 'paid'].join(','), [...filler.map((_, i) => (i === 5 ? '' : 'x')), 'A', '2024-01-02', '3'].join(','), [...filler.map(() => 'y'), 'B', '2024-01-03', '4'].join(',')].join('\n') + '\n';
		const wide = (await loadFile(db, { fileName: 'wide.csv', source: { kind: 'text', text }, sample: text }))!;
		const m = mappingFor(wide.sniff, { customer: 'who', date: 'when', amount: 'paid' });
		await applyMapping(db, wide, m);
		const r = await runQualityReport(db, wide, { mapping: m, options: { asOf: '2024-12-31' } });
		expect(r.columns).toHaveLength(QUALITY_MAX_COLUMNS);
		expect(r.uncheckedColumns).toBe(303 - QUALITY_MAX_COLUMNS);
		// File order, the mapped ones kept although they come last; f5's missing cell counted.
		expect(r.columns.map((c) => c.column)).toEqual([...filler.slice(0, QUALITY_MAX_COLUMNS - 3), 'who', 'when', 'paid']);
		expect(r.columns.find((c) => c.column === 'f5')?.missing).toBe(1);
		expect(r.rows).toBe(2);
	});

	it('a file wider than DUPLICATE_MAX_COLUMNS: exact duplicates are not looked for, and the report says so', async () => {
		// Two identical lines: found as duplicates in a narrow file, not looked for over 1,001+ columns.
		const make = (n: number) => {
			const filler = Array.from({ length: n }, (_, i) => `f${i}`);
			const line = [...filler.map((_, i) => String(i)), 'A', '2024-01-02', '3'].join(',');
			return [[...filler, 'who', 'when', 'paid'].join(','), line, line, [...filler.map(() => 'x'), 'B', '2024-01-03', '4'].join(',')].join('\n') + '\n';
		};
		const report = async (n: number) => {
			const text = make(n);
			const f = (await loadFile(db, { fileName: 'wide.csv', source: { kind: 'text', text }, sample: text }))!;
			const m = mappingFor(f.sniff, { customer: 'who', date: 'when', amount: 'paid' });
			await applyMapping(db, f, m);
			return runQualityReport(db, f, { mapping: m, options: { asOf: '2024-12-31' } });
		};
		const narrow = await report(10);
		expect(narrow.duplicatesUnchecked).toBe(false);
		expect(narrow.findings.find((f) => f.kind === 'exactDuplicates')?.count).toBe(1);
		const wide = await report(DUPLICATE_MAX_COLUMNS - 2);
		expect(wide.columns.length + wide.uncheckedColumns).toBe(DUPLICATE_MAX_COLUMNS + 1);
		expect(wide.duplicatesUnchecked).toBe(true);
		expect(wide.findings.map((f) => f.kind)).not.toContain('exactDuplicates');
		expect(wide.rows).toBe(3);
	});
});

/**
 * The optional cost column of the typed transaction table: NULL when unmapped, parsed like the
 * amount when mapped, last among the columns; unreadable costs keep their row (margins skip them).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTxSql, validateMappingSql } from '../../helpers/two-pass-import.ts';
import { type TxMapping } from '../../../src/core/sql/parse.ts';
import { ident, sql } from '../../../src/core/sql/sql.ts';
import { applyMapping } from '../../../src/run/stage.ts';
import { loadFile } from '../../../src/run/load-file.ts';
import { mappingFor } from '../../../src/core/import/mapping.ts';
import { RAW_TABLE, TX_TABLE } from '../../../src/run/tables.ts';
import { type LoadedFile } from '../../../src/run/loaded-file.ts';
import type { NodeDbClient } from '../../../src/db/node.ts';
import { translate } from '../../../src/i18n/translate.ts';
import { openDb } from '../../helpers/db.ts';

let db: NodeDbClient;
let file: LoadedFile;
// Row 3 has no cost, row 4 an unreadable one, row 5 a cost with a thousands separator and a currency sign.
const TEXT = ['客户编号,下单日期,实付金额,成本金额', 'C1,2024-01-05,100.50,60.25', 'C1,2024-02-01,80,', 'C2,2024-01-20,200,n/a', 'C2,2024-03-03,"1,250.00","¥1,000.00"', 'C3,2024-03-04,50,45'].join('\n') + '\n';

beforeAll(async () => {
	db = await openDb();
	file = (await loadFile(db, { fileName: 'cost.csv', source: { kind: 'text', text: TEXT }, sample: TEXT }))!;
});
afterAll(async () => {
	await db.close();
});

const BASE = { customer: '客户编号', date: '下单日期', amount: '实付金额' };
const columns = async (t: string) => (await db.query<{ column_name: string }>(sql`SELECT column_name FROM (DESCRIBE ${ident(t)})`)).rows.map((r) => r.column_name);
const rows = async (t: string) => (await db.query<{ src_row: number; amount: number; cost: number | null }>(sql`SELECT src_row, amount, cost FROM ${ident(t)} ORDER BY src_row`)).rows;

describe('buildTxSql and the cost column', () => {
	it('guesses 成本金额 as the cost and 实付金额 as the amount', () => {
		expect(file.guess).toMatchObject({ ...BASE, cost: '成本金额' });
	});

	it.each([
		['without a cost column: cost is NULL on every row', BASE, [[1, 100.5, null], [2, 80, null], [3, 200, null], [4, 1250, null], [5, 50, null]]],
		['with a cost column: parsed like the amount; empty and unreadable costs are NULL, the rows kept', { ...BASE, cost: '成本金额' }, [[1, 100.5, 60.25], [2, 80, null], [3, 200, null], [4, 1250, 1000], [5, 50, 45]]]
	] as const)('%s', async (_name, roles, expected) => {
		const mapping: TxMapping = mappingFor(file.sniff, roles);
		await db.exec(buildTxSql({ source: RAW_TABLE, target: 'tx_built', mapping }));
		expect(await columns('tx_built')).toEqual(['src_row', 'customer_id', 'order_id', 'ts', 'amount', 'cost']);
		expect((await rows('tx_built')).map((r) => [r.src_row, r.amount, r.cost])).toEqual(expected);
		// The page's one-pass load gives the same table.
		const res = await applyMapping(db, file, mapping);
		expect(res.errors).toEqual([]);
		expect(await columns(TX_TABLE)).toEqual(['src_row', 'customer_id', 'order_id', 'ts', 'amount', 'cost']);
		expect(await rows(TX_TABLE)).toEqual(await rows('tx_built'));
	});

	it('checks the cost column like the amount, and says the rows stay (no margin)', async () => {
		const mapping = mappingFor(file.sniff, { ...BASE, cost: '成本金额' });
		const checks = (await db.query(validateMappingSql({ source: RAW_TABLE, mapping }))).rows;
		expect(checks.find((c) => c.role === 'cost')).toMatchObject({ column: '成本金额', bad: 1, empty: 1, total: 5, firstBadRow: 3, firstBadValue: 'n/a' });
		const res = await applyMapping(db, file, mapping);
		expect(res.checks.find((c) => c.role === 'cost')).toMatchObject({ bad: 1, empty: 1, firstBadRow: 3, firstBadValue: 'n/a' });
		expect(res.warnings.map((w) => w.code)).toEqual(['mapping.costNotNumbersSome', 'mapping.costSomeEmpty']);
		expect(res.warnings.map((w) => translate('en', w.code, w.params))).toEqual([
			"column 成本金额 (cost): 1 values are not numbers (first at row 3: 'n/a'); those rows stay in every analysis but add no margin.",
			'column 成本金额 (cost): 1 rows have no cost; they stay in every analysis but add no margin.'
		]);
		expect(res.txRows).toBe(5);
	});

	it('refuses a cost column that is mostly not numbers, naming it (last: it loads another file)', async () => {
		const text = 'customer,date,amount,cost note\nC1,2024-01-05,10,cheap\nC2,2024-01-06,20,dear\n';
		const f = (await loadFile(db, { fileName: 'notes.csv', source: { kind: 'text', text }, sample: text }))!;
		expect(f.guess.cost).toBeUndefined();
		const res = await applyMapping(db, f, mappingFor(f.sniff, { customer: 'customer', date: 'date', amount: 'amount', cost: 'cost note' }));
		expect(res.errors.map((e) => [e.code, e.params.column, e.params.role])).toEqual([['mapping.notNumbers', 'cost note', 'cost']]);
	});
});

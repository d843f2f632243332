import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { guessProfileId } from '../../../src/core/import/profile-roles.ts';
import { mappingFor } from '../../../src/core/import/mapping.ts';
import { ident, sql } from '../../../src/core/sql/sql.ts';
import { loadFile } from '../../../src/run/load-file.ts';
import { loadProfiles, profileMatch } from '../../../src/run/profiles.ts';
import { applyMapping } from '../../../src/run/stage.ts';
import { PROFILES_TABLE, RAW_PROFILES } from '../../../src/run/tables.ts';
import { PLAIN_NUMBER } from '../../../src/core/csv/numbers.ts';
import type { ColumnProfile } from '../../../src/core/csv/sniff.ts';
import { fixture, useDb } from '../../helpers/db.ts';

const db = useDb();

async function load(name: string, table = RAW_PROFILES) {
	const p = fixture('lifecycle', name);
	const f = await loadFile(db, { fileName: name, source: { kind: 'path', path: p }, sample: fs.readFileSync(p, 'utf8'), table });
	if (!f) throw new Error('not loaded');
	return f;
}

const columnTypes = async () =>
	Object.fromEntries((await db.query(sql`DESCRIBE ${ident(PROFILES_TABLE)}`)).rows.map((r) => [r.column_name, r.column_type]));

describe('customer profiles (客户档案)', () => {
	it('one row per id; every other column kept, typed: numbers DOUBLE, dates DATE, the rest text', async () => {
		const f = await load('profiles_hand.csv');
		expect(guessProfileId(f.sniff.columns)).toBe('客户编号');
		const info = await loadProfiles(db, { fileName: 'profiles_hand.csv', columns: f.sniff.columns });
		expect(info).toMatchObject({
			id: '客户编号',
			rows: 5,
			attributes: [
				{ name: '性别', kind: 'text' },
				{ name: '年龄', kind: 'number' },
				{ name: '注册日期', kind: 'date' },
				{ name: '城市', kind: 'text' }
			],
			warnings: []
		});
		expect(await columnTypes()).toEqual({ customer_id: 'VARCHAR', 性别: 'VARCHAR', 年龄: 'DOUBLE', 注册日期: 'DATE', 城市: 'VARCHAR' });
		const rows = (await db.query(sql`SELECT customer_id, 年龄, strftime(注册日期, '%Y-%m-%d') AS d, 城市 FROM ${ident(PROFILES_TABLE)} ORDER BY customer_id`)).rows;
		expect(rows.map((r) => Object.values(r))).toEqual([
			['A', 34, '2023-05-01', '南京'],
			['G', 28, '2024-02-10', '上海'],
			['H', null, '2024-03-01', '广州'],
			['J', 45, '2024-06-15', '北京'],
			['K', 51, '2024-07-03', '深圳']
		]);
	});

	it('the match rate to the transaction customers: A, H and J of five profiles; of nine customers', async () => {
		const tx = await load('lifecycle_hand.csv', 'raw');
		const r = await applyMapping(db, tx, mappingFor(tx.sniff, tx.guess));
		expect(r.errors).toEqual([]);
		expect(await profileMatch(db)).toEqual({ profiles: 5, matched: 3, customers: 9 });
	});

	it('a duplicate id is an error naming the row and the id', async () => {
		const f = await load('profiles_duplicate.csv');
		await expect(loadProfiles(db, { fileName: 'd.csv', columns: f.sniff.columns, id: 'id' })).rejects.toMatchObject({
			code: 'profiles.duplicate',
			params: { file: 'd.csv', column: 'id', count: 2, row: 3, value: 'A' }
		});
	});

	it('a number column with a value that does not read (beyond the sniffed sample) is kept as text, with a warning', async () => {
		const f = await load('profiles_unreadable.csv');
		// As if the sample had seen only numbers in `age`.
		const columns = f.sniff.columns.map((c): ColumnProfile => (c.name === 'age' ? { ...c, kind: 'integer', number: { format: PLAIN_NUMBER, share: 1, integer: true } } : c));
		const info = await loadProfiles(db, { fileName: 'u.csv', columns, id: 'id' });
		expect(info.attributes).toEqual([
			{ name: 'city', kind: 'text' },
			{ name: 'age', kind: 'text' }
		]);
		expect(info.warnings.map((w) => [w.code, w.params])).toEqual([['profiles.demoted', { file: 'u.csv', column: 'age', kind: 'number', count: 1, row: 3, value: 'about 40' }]]);
		expect((await columnTypes()).age).toBe('VARCHAR');
	});

	it('an id column that is not in the file, or an attribute named customer_id, is refused', async () => {
		const f = await load('profiles_duplicate.csv');
		await expect(loadProfiles(db, { fileName: 'd.csv', columns: f.sniff.columns, id: 'nope' })).rejects.toMatchObject({ code: 'profiles.noId' });
		const renamed = f.sniff.columns.map((c) => (c.name === 'city' ? { ...c, name: 'Customer_ID' } : c));
		await expect(loadProfiles(db, { fileName: 'd.csv', columns: renamed, id: 'id' })).rejects.toMatchObject({ code: 'profiles.idCollision' });
	});
});

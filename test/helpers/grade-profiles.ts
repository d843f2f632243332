import { NODE_FILES } from '../../src/cli/io.ts';
import { mappingFor } from '../../src/core/import/mapping.ts';
import type { DbClient } from '../../src/db/client.ts';
import { openFile } from '../../src/run/open-file.ts';
import { loadProfiles } from '../../src/run/profiles.ts';
import { baseStatement } from '../../src/run/rfm.ts';
import { applyMapping } from '../../src/run/stage.ts';
import { RAW_PROFILES, RFM_BASE } from '../../src/run/tables.ts';
import { fixture } from './db.ts';

/**
 * test/fixtures/grade as the page loads it: tx.csv as the transactions, profiles.csv (id 会员号) as
 * the customer profiles, and RFM's per-customer table as of 2024-07-01 (orders counted).
 */
export async function loadGradeFixture(db: DbClient): Promise<void> {
	const tx = await openFile(db, fixture('grade', 'tx.csv'), {}, NODE_FILES);
	const r = await applyMapping(db, tx!.file, mappingFor(tx!.file.sniff, { customer: 'customer_id', date: 'date', order: 'order_id', amount: 'amount' }));
	if (r.errors.length) throw new Error(`fixture: ${r.errors[0]!.code}`);
	const p = await openFile(db, fixture('grade', 'profiles.csv'), { table: RAW_PROFILES }, NODE_FILES);
	await loadProfiles(db, { fileName: 'profiles.csv', columns: p!.file.sniff.columns, id: '会员号', source: RAW_PROFILES });
	await db.exec(baseStatement({ asOf: '2024-07-01', frequency: 'orders', monetary: 'total', returns: 'net' }, RFM_BASE));
}

import fs from 'node:fs';
import { mappingFor } from '../../src/core/import/mapping.ts';
import type { DbClient } from '../../src/db/client.ts';
import { loadFile } from '../../src/run/load-file.ts';
import type { LoadedFile } from '../../src/run/loaded-file.ts';
import { loadProfiles } from '../../src/run/profiles.ts';
import { applyMapping } from '../../src/run/stage.ts';
import { RAW_PROFILES } from '../../src/run/tables.ts';
import { fixture } from './db.ts';

/** Loads a file of test/fixtures/persona into `table` (the raw transactions table when absent). */
export async function loadPersonaFile(db: DbClient, name: string, table?: string): Promise<LoadedFile> {
	const p = fixture('persona', name);
	const f = await loadFile(db, { fileName: name, source: { kind: 'path', path: p }, sample: fs.readFileSync(p, 'utf8'), table });
	if (!f) throw new Error('not loaded');
	return f;
}

/** The hand-checked persona fixture: transactions mapped, profiles loaded; returns the transactions' text columns. */
export async function loadPersonaFixture(db: DbClient): Promise<string[]> {
	const tx = await loadPersonaFile(db, 'behaviour_hand.csv');
	const r = await applyMapping(db, tx, mappingFor(tx.sniff, { customer: 'customer_id', date: 'order_time', amount: 'amount', order: 'order_id' }));
	if (r.errors.length) throw r.errors[0];
	const p = await loadPersonaFile(db, 'profiles_hand.csv', RAW_PROFILES);
	await loadProfiles(db, { fileName: 'profiles_hand.csv', columns: p.sniff.columns, id: 'member' });
	return tx.sniff.columns.map((c) => c.name);
}

import { beforeAll } from 'vitest';
import { isConsoleError } from '../../src/core/sql-console/console-error.ts';
import { raw } from '../../src/core/sql/sql.ts';
import { checkConsole } from '../../src/run/console.ts';
import type { NodeDbClient } from '../../src/db/node.ts';
import { useDb } from './db.ts';

export interface Refusal {
	code: string;
	params: Record<string, unknown>;
	at: number | null;
}

/**
 * The console tests' database: DuckDB-WASM with `tx` — 5 rows, c1 A 10 + 5, c2 A 1, c3 B 2 + 4 —
 * and `refusal(text)`: the code a statement is refused or rejected with (null: it passes the guard).
 */
export function useConsoleDb(): { db: NodeDbClient; refusal: (text: string, scratch?: boolean) => Promise<Refusal | null> } {
	const db = useDb();
	beforeAll(async () => {
		await db.exec(raw(`CREATE TABLE tx AS SELECT * FROM (VALUES ('c1','A',10.0),('c1','A',5.0),('c2','A',1.0),('c3','B',2.0),('c3','B',4.0)) t(customer_id, segment, amount)`));
	});
	const refusal = async (text: string, scratch = false): Promise<Refusal | null> => {
		try {
			await checkConsole(db, text, { scratch });
			return null;
		} catch (e) {
			if (!isConsoleError(e)) throw e;
			return { code: e.code, params: e.params, at: e.at };
		}
	};
	return { db, refusal };
}

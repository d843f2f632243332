import type { DbClient } from '../db/client.ts';
import type { LoadedFile, MappingResult } from '../db/ingest.ts';
import type { TxMapping } from '../core/sql/import.ts';

/**
 * What the user has loaded and mapped. Views read it; the import model writes it. A failed or
 * cancelled load leaves it untouched, so earlier work is never lost.
 */
class Session {
	db = $state.raw<DbClient | null>(null);
	file = $state.raw<LoadedFile | null>(null);
	mapping = $state.raw<TxMapping | null>(null);
	result = $state.raw<MappingResult | null>(null);
	/** Bumped whenever the typed transaction table is rebuilt: analyses recompute. */
	txVersion = $state(0);

	get ready(): boolean {
		return this.db !== null && this.result !== null && this.result.errors.length === 0 && this.result.txRows > 0;
	}
}

export const session = new Session();

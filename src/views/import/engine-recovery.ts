/**
 * Nothing lost after the engine breaks (out of memory, a wasm trap): its tables went with it, so the
 * session lets go of them at once — no view reads an empty table and reports "no data rows" — and
 * the file the user had loaded before is read again into a fresh engine (state/engine.ts starts one)
 * from the File the page still holds, with the user's column choices. When that fails too, the page
 * says plainly that it needs a reload.
 */
import type { RoleMapping } from '../../core/csv/roles.ts';
import { ClienteleError } from '../../core/errors.ts';
import { isOutOfMemory } from '../../core/import/load-stats.ts';
import type { DbClient } from '../../db/client.ts';
import { getDb } from '../../state/engine.ts';
import { session } from '../../state/session.svelte.ts';
import type { ImportModel } from './import-model.svelte.ts';

export async function reloadAfterFailure(model: ImportModel, last: readonly File[] | null): Promise<void> {
	const { roles, dateFormat, error } = model;
	const customers = session.kind === 'customers';
	session.db = null;
	session.file = null;
	session.mapping = null;
	session.result = null;
	session.customerTable = null;
	session.kind = 'transactions';
	session.txVersion++;
	model.status = 'idle';
	if (!last) return;
	await model.open(last);
	if (!session.file || (model.error && model.error.code !== 'engine.outOfMemory')) {
		model.error = new ClienteleError('engine.reloadNeeded', { file: last.map((f) => f.name).join(', ') });
		return;
	}
	if (!customers && !sameRoles(roles, model.roles)) {
		model.roles = roles;
		model.dateFormat = dateFormat;
		await model.apply();
	}
	// The message of what failed stays; the notice says the previous file is back.
	model.error = error;
	model.notice = 'engine.restarted';
}

function sameRoles(a: RoleMapping, b: RoleMapping): boolean {
	const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof RoleMapping>;
	return [...keys].every((k) => a[k] === b[k]);
}

/** The page's engine; a failure to start it says so (out of memory stays what it is). */
export function startEngine(): Promise<DbClient> {
	return getDb().catch((e: unknown) => {
		if (isOutOfMemory(e)) throw e;
		throw new ClienteleError('import.engineFailed', { detail: e instanceof Error ? e.message : String(e) });
	});
}

/**
 * The loaded tables a pivot can read (reactive: read inside a derivation): the loaded file (its own
 * columns, numbers and dates typed as the grid shows them), the RFM customer table once RFM has run,
 * the customer profiles, the touchpoints and the survey answers when loaded.
 */
import type { Sql } from '../../core/sql/sql.ts';
import type { MessageKey } from '../../i18n/translate.ts';
import type { DbClient } from '../../db/client.ts';
import { gridSelect, gridSource } from '../../run/grid-source.ts';
import { ensureText, type LoadedFile } from '../../run/loaded-file.ts';
import { tableSource } from '../../run/pivot.ts';
import { PROFILES_TABLE, RFM_TABLE, TOUCHPOINT_TABLE } from '../../run/tables.ts';
import { analysis } from '../../state/analysis.svelte.ts';
import { datasets } from '../../state/datasets.svelte.ts';
import { profiles } from '../../state/profiles.svelte.ts';
import { session } from '../../state/session.svelte.ts';

export interface PivotTable {
	id: 'file' | 'rfm' | 'profiles' | 'touchpoints' | 'surveys';
	labelKey: MessageKey;
	file: string;
	source: Sql;
	/** Changes when the table is rebuilt (the pivot asks again). */
	version: unknown;
	/** Builds what `source` reads where it is made on demand (a file's text, then the grid's typed copy of it). */
	prepare: (db: DbClient) => Promise<void>;
}

const none = () => Promise.resolve();
/** A loaded file as the data grid reads it: its typed copy, made once (shared with the grid). */
const typed = (f: LoadedFile) => gridSelect(f);
const prepared = (f: LoadedFile) => async (db: DbClient) => {
	await ensureText(f);
	await gridSource(db, f);
};

export function pivotTables(): PivotTable[] {
	const out: PivotTable[] = [];
	const f = session.file;
	if (f) out.push({ id: 'file', labelKey: 'pivot.table.file', file: f.fileName, source: typed(f), version: f, prepare: prepared(f) });
	const rfm = analysis.rfm;
	if (rfm && rfm.status === 'ready') out.push({ id: 'rfm', labelKey: 'pivot.table.rfm', file: '', source: tableSource(RFM_TABLE), version: rfm.version, prepare: none });
	if (profiles.ready) out.push({ id: 'profiles', labelKey: 'pivot.table.profiles', file: profiles.fileName, source: tableSource(PROFILES_TABLE), version: profiles.version, prepare: none });
	const tp = datasets.touchpoints;
	if (tp.ready) out.push({ id: 'touchpoints', labelKey: 'pivot.table.touchpoints', file: tp.fileName, source: tableSource(TOUCHPOINT_TABLE), version: tp.version, prepare: none });
	const sv = datasets.surveys.applied;
	if (datasets.surveys.ready && sv) out.push({ id: 'surveys', labelKey: 'pivot.table.surveys', file: sv.file.fileName, source: typed(sv.file), version: datasets.surveys.version, prepare: prepared(sv.file) });
	return out;
}

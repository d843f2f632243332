/**
 * What the forecast can be split by in the page: the bases that exist — RFM segments, value-matrix
 * quadrants (once the value matrix ran), grading tiers (once graded), lifecycle stages — and any column
 * of the transactions (a channel column guessed first). A basis' customers come from the plans' group
 * source (run/plan.ts), its names in the page's language (state/basis.ts).
 */
import { guessClassColumns } from '../../core/persona/guess.ts';
import type { Sql } from '../../core/sql/sql.ts';
import type { DbClient } from '../../db/client.ts';
import { i18n } from '../../i18n/i18n.svelte.ts';
import { ensureText } from '../../run/loaded-file.ts';
import { groupSource } from '../../run/plan.ts';
import { tableExists } from '../../run/table-ops.ts';
import { GRADE_TABLE, RAW_TABLE, VALUE_MATRIX_TABLE } from '../../run/tables.ts';
import { analysis } from '../../state/analysis.svelte.ts';
import { pageBasisInput, type PageBasis } from '../../state/basis.ts';
import { profiles } from '../../state/profiles.svelte.ts';
import { session } from '../../state/session.svelte.ts';

export interface GroupChoices {
	/** The bases that exist, in the plans' order. */
	bases: PageBasis[];
	/** The transactions' columns not mapped to a role. */
	columns: string[];
	/** A channel column guessed from the headers ('' none). */
	channel: string;
}

const mappedColumns = (): string[] => Object.values(session.mapping?.roles ?? {}).filter((c): c is string => typeof c === 'string');

export async function groupChoices(db: DbClient, hasTx: boolean): Promise<GroupChoices> {
	if (!hasTx || !analysis.rfm) return { bases: [], columns: [], channel: '' };
	const [matrix, grade] = await Promise.all([tableExists(db, VALUE_MATRIX_TABLE), tableExists(db, GRADE_TABLE)]);
	const bases: PageBasis[] = ['segment', ...(matrix ? (['quadrant'] as const) : []), ...(grade ? (['tier'] as const) : []), 'stage'];
	// The header names as sniffed: the text table itself is read only when a column is chosen (columnSource).
	const mapped = mappedColumns();
	const all = session.file?.sniff.columns.map((c) => c.name) ?? [];
	return { bases, columns: all.filter((c) => !mapped.includes(c)), channel: guessClassColumns(all, mapped).channel ?? '' };
}

/** The text table holding a transactions column, read on first need (null: no file with a text table). */
export async function columnSource(db: DbClient): Promise<string | null> {
	if (session.file) await ensureText(session.file);
	return (await tableExists(db, RAW_TABLE)) ? RAW_TABLE : null;
}

/** A basis' customers (customer_id, grp) and its groups' names (null: no RFM run, so no basis). */
export async function basisGroups(db: DbClient, basis: 'quadrant' | 'tier' | 'stage'): Promise<{ select: Sql; names: Record<string, string> } | null> {
	const rfm = analysis.rfm;
	if (!rfm) return null;
	const input = await pageBasisInput(db, basis, { rfm, hasOrder: Boolean(session.mapping?.roles.order), profiles: profiles.ready, lang: i18n.lang, t: i18n.t });
	return { select: groupSource(input).select, names: input.names };
}

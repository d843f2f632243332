import type { ColumnProfile } from '../core/csv/sniff.ts';
import { ClienteleError } from '../core/errors.ts';
import { guessProfileId, profileAttributes, type AttributeKind, type ProfileAttribute } from '../core/import/profile-roles.ts';
import { profileMatchSql, profileProblemsSql, profilesSql, type ProfileMatchRow, type ProfileProblem } from '../core/sql/profiles.ts';
import type { DbClient } from '../db/client.ts';
import { countRows } from './table-ops.ts';
import { PROFILES_TABLE, RAW_PROFILES, TX_TABLE } from './tables.ts';

/**
 * Customer profiles (客户档案), the one place they are loaded (the page's profile card, and the CLI's
 * --profiles of lifecycle, grade, plan and persona): a profile file's text table → PROFILES_TABLE,
 * `customer_id` VARCHAR plus one typed column per other column of the file.
 */

export interface ProfilesOptions {
	/** The file's name, for messages. */
	fileName: string;
	/** The columns as sniffed (run/open-file.ts). */
	columns: readonly ColumnProfile[];
	/** The id column (default: guessed, guessProfileId). */
	id?: string;
	/** The text table the file was loaded into (default RAW_PROFILES). */
	source?: string;
	/** The zone instants in date attributes are shown in. */
	timeZone?: string;
}

export interface ProfilesInfo {
	fileName: string;
	/** The file's id column. */
	id: string;
	/** Profiles loaded (rows with an id). */
	rows: number;
	/** The attribute columns of PROFILES_TABLE in file order, with their type. */
	attributes: { name: string; kind: AttributeKind }[];
	/** Typed columns with unreadable values, kept as text instead (profiles.demoted). */
	warnings: ClienteleError[];
}

/**
 * Checks and builds PROFILES_TABLE. A duplicate id, an id column missing, no ids or an attribute
 * named customer_id are errors; a number or date column with values that do not read is kept as
 * text, with a warning saying where.
 */
export async function loadProfiles(db: DbClient, o: ProfilesOptions): Promise<ProfilesInfo> {
	const source = o.source ?? RAW_PROFILES;
	const id = o.id ?? guessProfileId(o.columns);
	if (!id || !o.columns.some((c) => c.name === id))
		throw new ClienteleError('profiles.noId', { file: o.fileName, column: id ?? '', list: o.columns.map((c) => c.name).join(', ') });
	let attributes: ProfileAttribute[] = profileAttributes(o.columns, id, { timeZone: o.timeZone });
	const clash = attributes.find((a) => a.column.toLowerCase() === 'customer_id');
	if (clash) throw new ClienteleError('profiles.idCollision', { file: o.fileName, column: clash.column, id });
	const problems = (await db.query<ProfileProblem>(profileProblemsSql({ source, id, attributes }))).rows;
	const dup = problems.find((p) => p.problem === 'duplicate');
	if (dup) throw new ClienteleError('profiles.duplicate', { file: o.fileName, column: id, count: dup.count, row: dup.row, value: dup.value });
	const warnings: ClienteleError[] = [];
	for (const p of problems) {
		const a = attributes.find((x) => x.column === p.column);
		if (!a) continue;
		warnings.push(new ClienteleError('profiles.demoted', { file: o.fileName, column: p.column, kind: a.kind, count: p.count, row: p.row, value: p.value }));
		attributes = attributes.map((x) => (x === a ? { column: a.column, kind: 'text' } : x));
	}
	await db.exec(profilesSql({ source, target: PROFILES_TABLE, id, attributes }));
	const rows = await countRows(db, PROFILES_TABLE);
	if (rows === 0) throw new ClienteleError('profiles.noRows', { file: o.fileName, column: id });
	return { fileName: o.fileName, id, rows, attributes: attributes.map((a) => ({ name: a.column, kind: a.kind })), warnings };
}

/** How the loaded profiles match the transaction customers (TX_TABLE). */
export async function profileMatch(db: DbClient, tx = TX_TABLE): Promise<ProfileMatchRow> {
	const r = (await db.query<ProfileMatchRow>(profileMatchSql({ profiles: PROFILES_TABLE, tx }))).rows[0];
	return r ?? { profiles: 0, matched: 0, customers: 0 };
}

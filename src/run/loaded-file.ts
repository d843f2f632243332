/** A file loaded into the engine: what the pipeline found, and its text table (maybe still to read). */
import type { RoleMapping } from '../core/csv/roles.ts';
import type { PresetInfo } from '../core/import/presets.ts';
import type { CtRoles, FileRole } from '../core/import/customer-roles.ts';
import type { RaggedReport } from '../core/csv/ragged.ts';
import type { SniffResult } from '../core/csv/sniff.ts';
import type { FilePart } from '../core/sql/order-rules.ts';

export interface LoadedFile {
	fileName: string;
	/** The text table it was loaded into (default `raw`; other datasets use their own). */
	table: string;
	sniff: SniffResult;
	rows: number;
	guess: RoleMapping;
	/** The platform export the header was recognised as (absent: none); its roles are in `guess`. */
	preset?: PresetInfo;
	/** Transactions or a customer table, and a customer table's roles, as guessed (absent: not guessed yet). */
	fileRole?: FileRole;
	customerRoles?: CtRoles;
	/**
	 * Several exports of the same shape loaded together as one dataset: each file's rows in the text
	 * table, in load order (absent: one file). Orders found in two files are counted once.
	 */
	parts?: FilePart[];
	/** Rows left out because their field count differs from the header's (absent: none). */
	ragged?: RaggedReport;
	/**
	 * Present when the file was loaded typed-first (loadTyped): its text table is read from the
	 * still-registered file the first time something needs it (ensureText).
	 */
	text?: PendingText;
}

/** The text table of a file loaded typed-first. */
export interface PendingText {
	/**
	 * Builds the table once (later calls wait for the same build); the file is let go after.
	 * `onProgress` gets the share of the file read (0–1) while the build runs.
	 */
	ensure(onProgress?: (fraction: number) => void): Promise<void>;
}

/** Waits until the file's text table exists: read now when the file was loaded typed-first. */
export async function ensureText(file: LoadedFile, onProgress?: (fraction: number) => void): Promise<void> {
	await file.text?.ensure(onProgress);
}

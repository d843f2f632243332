import type { FileSource } from './client.ts';

/** What the Node client did, in order: a statement it ran (with its result's column types) or a file it registered. */
export type TapEvent =
	| { kind: 'sql'; text: string; columns?: { name: string; type: string }[] }
	| { kind: 'register'; name: string; source: FileSource };

/**
 * A listener on the Node client (`--emit-sql`, cli/emit-sql.ts): it hears every statement the
 * command runs and every file it registers, so the script written is the command's own SQL.
 * Null (the default) costs nothing.
 */
export const dbTap: { on: ((e: TapEvent) => void) | null } = { on: null };

/**
 * A project's mapping on another file (pure): which saved column roles the new file can keep, which
 * columns went missing or are new — what the page reports when a project opens next month's file.
 */

export interface MappingReport {
	/** Columns of the project's file that the new file lacks. */
	missing: string[];
	/** Columns of the new file the project did not know. */
	added: string[];
	/** Saved roles whose column is not in the new file (the detected column is used instead). */
	dropped: { role: string; column: string }[];
}

export function checkMapping(savedColumns: readonly string[], savedRoles: Record<string, unknown>, columns: readonly string[]): { roles: Record<string, string>; report: MappingReport } {
	const have = new Set(columns);
	const roles: Record<string, string> = {};
	const dropped: MappingReport['dropped'] = [];
	for (const [role, column] of Object.entries(savedRoles)) {
		if (typeof column !== 'string' || column === '') continue;
		if (have.has(column)) roles[role] = column;
		else dropped.push({ role, column });
	}
	const saved = new Set(savedColumns);
	return {
		roles,
		report: {
			missing: savedColumns.filter((c) => !have.has(c)),
			added: savedColumns.length > 0 ? columns.filter((c) => !saved.has(c)) : [],
			dropped
		}
	};
}

/** Nothing to report: same columns, every role kept. */
export function sameMapping(r: MappingReport): boolean {
	return r.missing.length === 0 && r.added.length === 0 && r.dropped.length === 0;
}

/** The SQL console's error codes (message keys of src/i18n/parts/console.ts); errors.ts joins them into ERROR_CODES. */
export const CONSOLE_ERROR_CODES = [
	// refused before anything runs (core/sql-console)
	'console.refused.empty',
	'console.refused.multiple',
	'console.refused.reader',
	'console.refused.dynamicSql',
	'console.refused.tableFunction',
	'console.refused.fileTable',
	'console.refused.unknownTable',
	'console.refused.attach',
	'console.refused.copy',
	'console.refused.export',
	'console.refused.extension',
	'console.refused.setting',
	'console.refused.pragma',
	'console.refused.call',
	'console.refused.statement',
	'console.refused.writeOff',
	'console.refused.writeKind',
	'console.refused.scratchOnly',
	'console.refused.scratchName',
	'console.refused.dynamicPivot',
	'console.refused.escapedName',
	'console.refused.explainWrite',
	// the engine's answer, in one translated line (core/sql-console/engine-error.ts)
	'console.err.syntax',
	'console.err.pivotView',
	'console.err.pivotOuter',
	'console.err.noColumn',
	'console.err.noTable',
	'console.err.noFunction',
	'console.err.types',
	'console.err.memory',
	'console.err.failed'
] as const;

export type ConsoleErrorCode = (typeof CONSOLE_ERROR_CODES)[number];

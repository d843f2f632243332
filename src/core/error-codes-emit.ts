/** Error codes of the CLI's --emit-sql (issue 17). */
export const EMIT_ERROR_CODES = [
	'emitSql.badDialect',
	'emitSql.notForCommand',
	'emitSql.notSqlCommand',
	'emitSql.modelIndicators',
	'emitSql.needsData',
	'emitSql.dataTwice',
	'emitSql.dataOnly',
	'emitSql.engine',
	'emitSql.mismatch',
	'emitSql.noOutput',
	'emitSql.spark'
] as const;

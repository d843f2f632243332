/**
 * Messages of the CLI's --emit-sql (issue 17: the pipeline as a DuckDB or Spark SQL script).
 * en.ts and zh-CN.ts assemble the parts; `zh` has exactly the keys of `en` (type-checked).
 */
const en = {
	'emitSql.badDialect': '--emit-sql {value}: choose duckdb or spark (for example --emit-sql duckdb)',
	'emitSql.notForCommand':
		'--emit-sql is not available for {command}: {command} fits its model outside SQL, so no script can reproduce it. SQL export works for rfm, migrate, abc, kpi retention, lifecycle and grade.',
	'emitSql.notSqlCommand': '--emit-sql is not available for {command}. SQL export works for rfm, migrate, abc, kpi retention, lifecycle and grade.',
	'emitSql.modelIndicators':
		'--emit-sql: the grading standard uses {list}, computed by a model outside SQL. Export a standard without model indicators, or run grade without --emit-sql.',
	'emitSql.needsData':
		'--emit-sql: {file} ({what}) cannot be read by DuckDB as it is. Add --emit-sql-data FILE to also write the UTF-8 CSV the script reads.',
	'emitSql.dataTwice': '--emit-sql-data: {count} inputs need a UTF-8 copy; export one such input at a time.',
	'emitSql.dataUnused': '--emit-sql-data {file} not written: the script reads the input as it is.',
	'emitSql.dataOnly': '--emit-sql-data needs --emit-sql duckdb or --emit-sql spark.',
	'emitSql.engine':
		'--emit-sql writes the statements the command runs on the built-in engine: leave out --engine native and --threads (the script it writes runs on native DuckDB as it is).',
	'emitSql.mismatch':
		'cannot export {command} as SQL: run here, the script writes a different CSV from the command’s (first at line {line}), so part of the output is computed outside SQL. Run the command without --emit-sql.',
	'emitSql.noOutput': '--emit-sql: {command} wrote no table to export.',
	'emitSql.spark':
		'--emit-sql spark: step {step} uses {what}, which this exporter cannot translate faithfully to Spark SQL 3.5. Use --emit-sql duckdb.'
};

const zh: Record<keyof typeof en, string> = {
	'emitSql.badDialect': '--emit-sql {value}：请选择 duckdb 或 spark（例如 --emit-sql duckdb）',
	'emitSql.notForCommand':
		'{command} 不支持 --emit-sql：{command} 的模型在 SQL 之外拟合，脚本无法复现。可导出 SQL 的命令：rfm、migrate、abc、kpi retention、lifecycle 和 grade。',
	'emitSql.notSqlCommand': '{command} 不支持 --emit-sql。可导出 SQL 的命令：rfm、migrate、abc、kpi retention、lifecycle 和 grade。',
	'emitSql.modelIndicators':
		'--emit-sql：分级标准用到 {list}，由 SQL 之外的模型计算。请导出不含模型指标的标准，或不加 --emit-sql 运行 grade。',
	'emitSql.needsData':
		'--emit-sql：DuckDB 无法直接读取 {file}（{what}）。请加上 --emit-sql-data FILE，同时写出脚本读取的 UTF-8 CSV。',
	'emitSql.dataTwice': '--emit-sql-data：有 {count} 个输入需要 UTF-8 副本；请一次只导出一个这样的输入。',
	'emitSql.dataUnused': '未写出 --emit-sql-data {file}：脚本直接读取原输入。',
	'emitSql.dataOnly': '--emit-sql-data 需要与 --emit-sql duckdb 或 --emit-sql spark 一起使用。',
	'emitSql.engine': '--emit-sql 记录的是命令在内置引擎上运行的语句：请去掉 --engine native 和 --threads（生成的脚本本身可直接在原生 DuckDB 上运行）。',
	'emitSql.mismatch':
		'无法将 {command} 导出为 SQL：在本机运行脚本得到的 CSV 与命令输出不同（首处在第 {line} 行），说明部分输出是在 SQL 之外计算的。请不加 --emit-sql 运行该命令。',
	'emitSql.noOutput': '--emit-sql：{command} 没有写出可导出的表。',
	'emitSql.spark': '--emit-sql spark：第 {step} 步用到 {what}，本导出器无法忠实地译为 Spark SQL 3.5。请使用 --emit-sql duckdb。'
};

export const emitSqlMessages = { en, zh };

/**
 * Messages for the data-quality check and its view.
 * en.ts and zh-CN.ts assemble the parts; `zh` has exactly the keys of `en` (type-checked).
 */
const en = {
	'quality.title': 'Data quality',
	'quality.summary': '{rows} rows, {usable} usable; {customers} customers; {from} to {to}',
	'quality.columnMissing': 'column {column}: {count} empty cells (first at row {row}).',
	'quality.columnInvalid':
		"column {column}: {count} values cannot be read (first at row {row}: '{value}').",
	'quality.exactDuplicates': '{count} rows repeat an earlier row exactly (first at row {row}).',
	'quality.negativeAmounts':
		'{count} rows have a negative amount (returns), {amount} in total (first at row {row}).',
	'quality.zeroAmounts': '{count} rows have an amount of zero (first at row {row}).',
	'quality.cancelledOrders': '{count} rows belong to cancelled orders (first at row {row}).',
	'quality.outliers':
		'{count} rows have an amount above {threshold} ({factor}× the 99.9th percentile; first at row {row}).',
	'quality.futureDates':
		'{count} rows are dated after {asOf} — in the future, or far after the rest of the data — and look like typing errors; the default as-of date leaves them out (first at row {row}).',
	'quality.earlyDates':
		'{count} rows are dated before {start}, which is implausible (first at row {row}).',
	'quality.policy.keep': 'Keep',
	'quality.policy.drop': 'Leave out',
	'quality.policy.net': 'Net against purchases',
	'quality.undo': 'Undo',
	'quality.fixesNote': 'Fixes change the analysis only; the file itself is never modified.',
	'quality.badOption': 'Data-quality option {option} has an invalid value: {value}.',
	'quality.badFix': 'The saved fix “{policy}” for “{kind}” is not valid; it was ignored.',
	'quality.failed': 'The data quality of {file} could not be checked: {detail}',

	'nav.quality': 'Data quality',
	'qv.intro':
		'What the file holds and what looks wrong. Fixes change the analysis settings only; the file is never modified.',
	'qv.run': 'Check again',
	'qv.running': 'Checking every row…',
	'qv.empty': 'Load and map a file first: the report checks the mapped transactions.',
	'qv.rows': 'Rows',
	'qv.usable': 'Usable rows',
	'qv.customers': 'Customers',
	'qv.dateRange': 'Date range',
	'qv.inAnalysis': 'In the analysis now',
	'qv.columns': 'Columns',
	'qv.uncheckedColumns':
		'A wide file: {checked} columns are checked (the mapped ones first, then in file order); the other {unchecked} are not — map a column to check it.',
	'qv.duplicatesUnchecked':
		'Exact duplicate rows were not looked for: the file has {columns} columns, more than the {limit} whole rows can be compared over here. Remove the columns you do not need (in Excel) and load the file again to check them.',
	'qv.column': 'Column',
	'qv.role': 'Role',
	'qv.missing': 'Missing',
	'qv.invalid': 'Unreadable',
	'qv.examples': 'Examples (row: value)',
	'qv.rowsAt': 'rows {rows}',
	'qv.findings': 'Findings',
	'qv.noFindings':
		'No duplicates, returns, cancellations, outliers or implausible dates were found.',
	'qv.finding': 'Finding',
	'qv.count': 'Rows',
	'qv.amount': 'Amount',
	'qv.policy': 'In the analysis',
	'qv.exampleRows': 'First rows',
	'qv.applied': 'Fixes in effect: {list}',
	'qv.noneApplied': 'No fixes in effect: the analysis uses every usable row as loaded.',
	'qv.undoAll': 'Undo all fixes',
	'qv.applying': 'Rebuilding the analysis table…',
	'qv.asOfNote':
		'Future dates are counted against today ({asOf}); implausible dates are those before {start}.',
	'qv.kind.exactDuplicates': 'Exact duplicate rows',
	'qv.kind.negativeAmounts': 'Negative amounts (returns)',
	'qv.kind.zeroAmounts': 'Zero amounts',
	'qv.kind.cancelledOrders': 'Cancelled orders',
	'qv.kind.outliers': 'Outliers',
	'qv.kind.futureDates': 'Future dates',
	'qv.kind.earlyDates': 'Implausibly early dates',
	'qv.afterLoad':
		'Data quality: {findings} findings, {missing} empty and {invalid} unreadable cells.',
	'qv.afterLoadClean': 'Data quality: no problems found.',
	'qv.open': 'Open the report',
	'qv.large':
		'Large file: the data-quality check reads every row again (a few seconds per million rows), so it starts when you ask.',
	'qv.runNow': 'Check data quality'
} satisfies Record<string, string>;

const zh: Record<keyof typeof en, string> = {
	'quality.title': '数据质量',
	'quality.summary': '共 {rows} 行，可用 {usable} 行；{customers} 位客户；{from} 至 {to}',
	'quality.columnMissing': '列 {column}：{count} 个空单元格（第一个在第 {row} 行）。',
	'quality.columnInvalid': "列 {column}：{count} 个值无法读取（第一个在第 {row} 行：'{value}'）。",
	'quality.exactDuplicates': '{count} 行与前面的某一行完全相同（第一个在第 {row} 行）。',
	'quality.negativeAmounts': '{count} 行金额为负（退货），合计 {amount}（第一个在第 {row} 行）。',
	'quality.zeroAmounts': '{count} 行金额为零（第一个在第 {row} 行）。',
	'quality.cancelledOrders': '{count} 行属于已取消的订单（第一个在第 {row} 行）。',
	'quality.outliers':
		'{count} 行金额高于 {threshold}（99.9 百分位数的 {factor} 倍；第一个在第 {row} 行）。',
	'quality.futureDates': '{count} 行的日期晚于 {asOf}——在未来，或远晚于其余数据——疑似录入错误；默认基准日未计入这些行（第一个在第 {row} 行）。',
	'quality.earlyDates': '{count} 行的日期早于 {start}，不太可能是真实日期（第一个在第 {row} 行）。',
	'quality.policy.keep': '保留',
	'quality.policy.drop': '剔除',
	'quality.policy.net': '与购买金额相抵',
	'quality.undo': '撤销',
	'quality.fixesNote': '修正只影响分析，原始文件永远不会被修改。',
	'quality.badOption': '数据质量选项 {option} 的值无效：{value}。',
	'quality.badFix': '已保存的修正“{policy}”（“{kind}”）无效，已忽略。',
	'quality.failed': '无法检查 {file} 的数据质量：{detail}',

	'nav.quality': '数据质量',
	'qv.intro': '文件里有什么、哪些数据可疑。修正只改变分析设置，原文件不会被修改。',
	'qv.run': '重新检查',
	'qv.running': '正在逐行检查…',
	'qv.empty': '请先导入文件并完成字段映射：报告检查的是映射后的交易数据。',
	'qv.rows': '行数',
	'qv.usable': '可用行',
	'qv.customers': '客户数',
	'qv.dateRange': '日期范围',
	'qv.inAnalysis': '当前参与分析',
	'qv.columns': '各列情况',
	'qv.uncheckedColumns': '列数很多：已检查 {checked} 列（先检查已映射的列，再按文件顺序）；其余 {unchecked} 列未检查——映射某列即可检查它。',
	'qv.duplicatesUnchecked': '未检查完全重复的行：文件有 {columns} 列，超过了这里能逐行整体比较的 {limit} 列。请先（在 Excel 中）删去不需要的列，再重新载入文件即可检查。',
	'qv.column': '列',
	'qv.role': '用途',
	'qv.missing': '缺失',
	'qv.invalid': '无法识别',
	'qv.examples': '示例（行号：值）',
	'qv.rowsAt': '第 {rows} 行',
	'qv.findings': '发现的问题',
	'qv.noFindings': '未发现重复、退货、取消订单、异常值或不合理的日期。',
	'qv.finding': '问题',
	'qv.count': '行数',
	'qv.amount': '金额',
	'qv.policy': '分析中的处理',
	'qv.exampleRows': '前几行',
	'qv.applied': '当前生效的修正：{list}',
	'qv.noneApplied': '未启用任何修正：分析使用导入时全部可用的行。',
	'qv.undoAll': '撤销全部修正',
	'qv.applying': '正在重建分析表…',
	'qv.asOfNote': '“未来日期”以今天（{asOf}）为准；早于 {start} 的日期视为不合理。',
	'qv.kind.exactDuplicates': '完全重复的行',
	'qv.kind.negativeAmounts': '负金额（退货）',
	'qv.kind.zeroAmounts': '零金额',
	'qv.kind.cancelledOrders': '已取消订单',
	'qv.kind.outliers': '异常值',
	'qv.kind.futureDates': '未来日期',
	'qv.kind.earlyDates': '过早的日期',
	'qv.afterLoad':
		'数据质量：发现 {findings} 类问题，{missing} 个空单元格，{invalid} 个无法识别的值。',
	'qv.afterLoadClean': '数据质量：未发现问题。',
	'qv.open': '查看报告',
	'qv.large':
		'文件较大：数据质量检查需要再次读取每一行（每百万行约需数秒），因此在您需要时再开始。',
	'qv.runNow': '检查数据质量'
};

export const qualityMessages = { en, zh };

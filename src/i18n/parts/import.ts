/**
 * Messages for opening a transactions file: import, load progress, column mapping, roles.
 * en.ts and zh-CN.ts assemble the parts; `zh` has exactly the keys of `en` (type-checked).
 */
const en = {
	'role.customer': 'Customer ID',
	'role.date': 'Order date',
	'role.amount': 'Amount',
	'role.quantity': 'Quantity',
	'role.price': 'Unit price',
	'role.order': 'Order ID',
	'role.cost': 'Cost (of the line)',
	'role.none': '— not used —',
	'role.required': 'required',
	'role.optional': 'optional',

	'import.choose': 'Choose file…',
	'import.sample': 'Load sample data',
	'import.sampleHint':
		'A generated tea & lifestyle chain: about 5,000 customers, 60,000 order lines, 2024–2025.',
	'import.privacy': 'Files are read in this browser only. Nothing is uploaded.',
	'import.loading': 'Reading {file} ({size})…',
	'import.elapsed': '{seconds} s',
	'load.readShare': '{percent} % read',
	'load.readRows': '≈ {rows} rows, ≈ {rate} rows/s',
	'import.cancel': 'Cancel',
	'import.cancelled': 'Loading was cancelled. Nothing was changed.',
	'import.textSuperseded': '{file} has been replaced by a file opened later.',
	'import.busy': 'Another file is still loading: wait for it, or cancel it first.',
	'import.loaded': '{file}: {rows} rows, {columns} columns',
	'import.preview': 'Preview (first rows)',
	'import.empty': 'File {file} is empty: no header and no rows.',
	'import.noRows': 'File {file} has a header but no data rows.',
	'import.readFailed': 'Could not read {file}: {detail}',
	'import.engineFailed': 'The analysis engine could not start: {detail}',
	'import.starting': 'Starting the analysis engine…',

	'mapping.title': 'Map the columns',
	'mapping.hint':
		'Guessed from the column names and values. Change any choice; amount can also be quantity × unit price.',
	'mapping.dateFormat': 'Date format',
	'mapping.apply': 'Analyse',
	'mapping.examples': 'Examples',
	'mapping.missing': '{file}: choose a column for “{role}”.',
	'mapping.missingAmount': '{file}: choose an amount column, or both quantity and unit price.',
	'mapping.sameColumn': '{file}: column {column} is chosen for both “{role}” and “{other}”.',
	'mapping.allEmpty': 'column {column} (“{role}”) is empty in every row of {file}.',
	'mapping.notDates':
		"column {column}: {count} values are not dates, first at row {row}: '{value}'. Choose another column or date format.",
	'mapping.notDatesSome':
		"column {column}: {count} values are not dates (first at row {row}: '{value}'); those rows are left out.",
	'mapping.notNumbers':
		"column {column}: {count} values are not numbers, first at row {row}: '{value}'. Choose another column.",
	'mapping.notNumbersSome':
		"column {column}: {count} values are not numbers (first at row {row}: '{value}'); those rows are left out.",
	'mapping.someEmpty':
		'column {column} (“{role}”): {count} rows are empty; those rows are left out.',
	'mapping.noUsableRows': '{file}: no row has a customer, a date and an amount that can be read.',
	'mapping.used': '{rows} of {total} rows are used.',
	'import.encoding': 'Encoding: {encoding}',
	'import.encodingGuess':
		'The encoding {encoding} is a guess; choose another if the text looks wrong.',
	'load.rate': '{rate}/s',
	'load.rowsRate': '{rows} rows in {seconds} s ({rate} rows/s)',
	'load.oom.engine':
		'The browser ran out of memory while starting the analysis engine ({file}, {size}, after {seconds} s). Close other tabs and try again.',
	'load.oom.reading':
		'The browser ran out of memory while reading {file} ({size}, after {seconds} s). Your previous data is unchanged. Try a smaller file: keep only the columns you need, export a shorter date range, or split the file.',
	'load.oom.checking':
		'The browser ran out of memory while checking the columns of {file} ({size}, after {seconds} s): the file was read, but the transactions could not be built. Try a smaller file: keep only the columns you need, export a shorter date range, or split the file.',
	'load.encodingLabel': 'Text encoding',
	'load.encodingReload': 'Reload with this encoding',
	'load.enc.utf-8': 'UTF-8',
	'load.enc.gb18030': 'GBK / GB18030 (Chinese Windows, Excel)',
	'load.enc.utf-16le': 'UTF-16 LE',
	'load.enc.utf-16be': 'UTF-16 BE',
	'load.enc.windows-1252': 'Windows-1252 / Latin-1',
	'load.parquet':
		'{file} is a Parquet file. Parquet cannot be read offline in this browser (the engine’s Parquet extension is not built in). Export it as CSV and load that.'
} satisfies Record<string, string>;

const zh: Record<keyof typeof en, string> = {
	'role.customer': '客户编号',
	'role.date': '下单日期',
	'role.amount': '金额',
	'role.quantity': '数量',
	'role.price': '单价',
	'role.order': '订单号',
	'role.cost': '成本金额（整行）',
	'role.none': '— 不使用 —',
	'role.required': '必填',
	'role.optional': '可选',

	'import.choose': '选择文件…',
	'import.sample': '加载示例数据',
	'import.sampleHint':
		'一家虚构的茶饮生活连锁店：约 5,000 位客户、60,000 条订单明细，2024–2025 年。',
	'import.privacy': '文件只在本浏览器中读取，不会上传到任何地方。',
	'import.loading': '正在读取 {file}（{size}）…',
	'import.elapsed': '{seconds} 秒',
	'load.readShare': '已读取 {percent}%',
	'load.readRows': '约 {rows} 行，约 {rate} 行/秒',
	'import.cancel': '取消',
	'import.cancelled': '已取消加载，数据未作任何改动。',
	'import.textSuperseded': '{file} 已被之后打开的文件取代。',
	'import.busy': '另一个文件仍在导入：请等待完成，或先取消。',
	'import.loaded': '{file}：{rows} 行，{columns} 列',
	'import.preview': '预览（前几行）',
	'import.empty': '文件 {file} 是空的：没有表头也没有数据行。',
	'import.noRows': '文件 {file} 只有表头，没有数据行。',
	'import.readFailed': '无法读取 {file}：{detail}',
	'import.engineFailed': '分析引擎无法启动：{detail}',
	'import.starting': '正在启动分析引擎…',

	'mapping.title': '列映射',
	'mapping.hint': '已根据列名和数据自动识别，每一项都可以修改；金额也可以用“数量 × 单价”计算。',
	'mapping.dateFormat': '日期格式',
	'mapping.apply': '开始分析',
	'mapping.examples': '示例',
	'mapping.missing': '{file}：请为“{role}”选择一列。',
	'mapping.missingAmount': '{file}：请选择金额列，或同时选择数量列和单价列。',
	'mapping.sameColumn': '{file}：列 {column} 同时被选为“{role}”和“{other}”。',
	'mapping.allEmpty': '{file} 中列 {column}（“{role}”）每一行都是空的。',
	'mapping.notDates':
		"列 {column}：有 {count} 个值不是日期，第一个在第 {row} 行：'{value}'。请换一列或换一种日期格式。",
	'mapping.notDatesSome':
		"列 {column}：有 {count} 个值不是日期（第一个在第 {row} 行：'{value}'），这些行不参与分析。",
	'mapping.notNumbers':
		"列 {column}：有 {count} 个值不是数字，第一个在第 {row} 行：'{value}'。请换一列。",
	'mapping.notNumbersSome':
		"列 {column}：有 {count} 个值不是数字（第一个在第 {row} 行：'{value}'），这些行不参与分析。",
	'mapping.someEmpty': '列 {column}（“{role}”）：有 {count} 行为空，这些行不参与分析。',
	'mapping.noUsableRows': '{file}：没有任何一行能同时读出客户、日期和金额。',
	'mapping.used': '共 {total} 行，其中 {rows} 行参与分析。',
	'import.encoding': '编码：{encoding}',
	'import.encodingGuess': '编码 {encoding} 是推测的；如果文字显示为乱码，请换一种编码。',
	'load.rate': '{rate}/秒',
	'load.rowsRate': '{seconds} 秒读取 {rows} 行（每秒 {rate} 行）',
	'load.oom.engine':
		'启动分析引擎时浏览器内存不足（{file}，{size}，已用 {seconds} 秒）。请关闭其他标签页后重试。',
	'load.oom.reading':
		'读取 {file} 时浏览器内存不足（{size}，已用 {seconds} 秒）。之前的数据保持不变。请换用更小的文件：只保留需要的列、导出更短的日期范围，或拆分文件后再导入。',
	'load.oom.checking':
		'检查 {file} 的各列时浏览器内存不足（{size}，已用 {seconds} 秒）：文件已读入，但无法生成交易表。请换用更小的文件：只保留需要的列、导出更短的日期范围，或拆分文件后再导入。',
	'load.encodingLabel': '文本编码',
	'load.encodingReload': '按此编码重新读取',
	'load.enc.utf-8': 'UTF-8',
	'load.enc.gb18030': 'GBK / GB18030（中文 Windows、Excel）',
	'load.enc.utf-16le': 'UTF-16 LE',
	'load.enc.utf-16be': 'UTF-16 BE',
	'load.enc.windows-1252': 'Windows-1252 / Latin-1（西文）',
	'load.parquet':
		'{file} 是 Parquet 文件。本浏览器离线无法读取 Parquet（分析引擎未内置 Parquet 扩展）。请先导出为 CSV 再导入。'
};

export const importMessages = { en, zh };

/**
 * Messages of messy cells ("never guess silently", issue 11): ids cleaned or in Excel's scientific
 * notation, amounts whose total is not a number, CLV without enough repeat buyers. en.ts and zh-CN.ts
 * assemble the parts.
 */
const en = {
	'ids.nulRemoved':
		'Column “{column}” of {file}: NUL bytes were removed from {count} ids (the first on row {row}), so an id with them and the same id without are one. NUL bytes often mean a damaged export: if the ids look wrong, export the file again.',
	'ids.scientific':
		'Column “{column}” of {file}: {count} rows ({ids} different ids) hold customer ids in Excel’s scientific notation, e.g. “{value}” on row {row}. Excel rounded those numbers, so different customers may now share one id and be counted as one. Export the file again with the id column formatted as text (or straight from the source system, not through Excel).',
	'ids.scientificOrder':
		'Column “{column}” of {file}: {count} rows ({ids} different ids) hold order ids in Excel’s scientific notation, e.g. “{value}” on row {row}. Excel rounded those numbers, so different orders may now share one id and be counted as one. Export the file again with the order column formatted as text.',
	'amounts.notFinite':
		'Column “{column}” of {file}: the amounts add up to more than a number can hold, so every total would be “inf”. {count} rows hold amounts of {limit} or more (the largest {value}; rows {rows}). Correct or remove those rows (a wrong unit or decimal separator?) and load the file again.',
	'clv.tooFewRepeatBuyers':
		'Only {repeat} of {customers} customers bought again by the calibration end {date}; CLV needs at least {min} repeat buyers to estimate how often and how much customers buy again. No predictions are given rather than numbers the models cannot support. Choose a later calibration end or load a longer history.',
	'header.trimmed': 'Column {column} of {file} is headed “{from}” with spaces around it; it is read as “{to}”.',
	'header.duplicate':
		'Column {column} of {file} is headed “{from}”, the same name as column “{other}” (names are compared ignoring case and surrounding spaces); it is read as “{to}”. Check which of the two you map.',
	'header.flagRenamed': '--{option} {column}: that header of {file} is read as “{name}” (written with spaces around it, or repeated). Give --{option} {name}.',
	'encoding.repaired':
		'{file} is read as UTF-8 except for bytes that are not UTF-8 on {lines} line(s) — line numbers {first}{more}. Those bytes are shown as “\uFFFD”; the rest of each line is kept. Save the file again as UTF-8 from the program that made it (Excel: “CSV UTF-8”), or choose its encoding here and read it again.',
	'encoding.cli.repaired':
		'{file} is read as UTF-8 except for bytes that are not UTF-8 on {lines} line(s) — line numbers {first}{more}. Those bytes are read as “\uFFFD”; the rest of each line is kept. Save the file again as UTF-8 from the program that made it (Excel: “CSV UTF-8”) and run again.'
} satisfies Record<string, string>;

const zh: Record<keyof typeof en, string> = {
	'ids.nulRemoved':
		'{file} 的“{column}”列：已从 {count} 个编号中删除 NUL 字节（最早在第 {row} 行），因此带这些字节的编号与不带的同一编号视为同一个。NUL 字节常说明导出文件已损坏：如果编号看起来不对，请重新导出文件。',
	'ids.scientific':
		'{file} 的“{column}”列：有 {count} 行（{ids} 个不同编号）的客户编号是 Excel 的科学计数法，例如第 {row} 行的“{value}”。Excel 已把这些数字四舍五入，不同的客户可能共用一个编号而被算作一个人。请把编号列设为文本格式后重新导出（或直接从源系统导出，不经过 Excel）。',
	'ids.scientificOrder':
		'{file} 的“{column}”列：有 {count} 行（{ids} 个不同编号）的订单编号是 Excel 的科学计数法，例如第 {row} 行的“{value}”。Excel 已把这些数字四舍五入，不同的订单可能共用一个编号而被算作一笔。请把订单列设为文本格式后重新导出。',
	'amounts.notFinite':
		'{file} 的“{column}”列：金额之和超出了数字能表示的范围，所有合计都会变成“inf”。有 {count} 行的金额不小于 {limit}（最大的是 {value}；第 {rows} 行）。请更正或删除这些行（单位或小数点写错了？）后重新载入文件。',
	'clv.tooFewRepeatBuyers':
		'截至校准期截止日 {date}，{customers} 位客户中只有 {repeat} 位再次购买；CLV 至少需要 {min} 位复购客户，才能估计客户再次购买的频率和金额。与其给出模型无法支撑的数字，这里不给出预测。请选择更晚的校准期截止日，或载入更长的历史数据。',
	'header.trimmed': '{file} 的第 {column} 列表头为“{from}”，前后带有空格；读作“{to}”。',
	'header.duplicate': '{file} 的第 {column} 列表头为“{from}”，与“{other}”列同名（比较列名时不区分大小写、忽略前后空格）；读作“{to}”。请确认映射的是哪一列。',
	'header.flagRenamed': '--{option} {column}：{file} 中的这个表头读作“{name}”（前后带空格，或与其他列重名）。请改用 --{option} {name}。',
	'encoding.repaired':
		'{file} 按 UTF-8 读取，但有 {lines} 行含有不是 UTF-8 的字节（行号 {first}{more}）：这些字节显示为“\uFFFD”，每行其余内容保留。请在生成该文件的程序中重新另存为 UTF-8（Excel：“CSV UTF-8”），或在此选择文件的编码后重新读取。',
	'encoding.cli.repaired':
		'{file} 按 UTF-8 读取，但有 {lines} 行含有不是 UTF-8 的字节（行号 {first}{more}）：这些字节读作“\uFFFD”，每行其余内容保留。请在生成该文件的程序中重新另存为 UTF-8（Excel：“CSV UTF-8”）后再运行。'
};

export const messyMessages = { en, zh };

/**
 * Messages for command-line arguments (the CLI prints the English texts).
 * en.ts and zh-CN.ts assemble the parts; `zh` has exactly the keys of `en` (type-checked).
 */
const en = {
	'cli.unknownCommand': 'unknown command: {value}. Commands: {list}',
	'cli.missingOption': 'missing option --{option}',
	'cli.badOption': '{detail}',
	'cli.amountOrQtyPrice': 'give --amount COL, or both --quantity COL and --price COL',
	'cli.noColumn': 'column {column} (--{option}) is not in {file}. Columns: {list}',
	'cli.noFile': 'cannot read {file}: {detail}',
	'cli.badNumber': '--{option} {value} must be a number from {min} to {max}',
	'cli.badDate': '--{option} {value} is not a YYYY-MM-DD date',
	'cli.badChoice': '--{option} {value}: choose one of {list}',
	'cli.badBins': '--bins {value}: give a whole number from 2 to 10',
	'cli.badNumberList':
		"--{option} {value}: '{item}' is not a number (give comma-separated numbers, e.g. 30,90,180)",
	'cli.needsOption': '--{option} needs --{needs}',
	'cli.notWithCustomerTable': '--{option} does not apply to a customer table (--customer-table)',
	'cli.recencyOrLastDate': 'a customer table needs exactly one of --recency COL and --last-date COL'
} satisfies Record<string, string>;

const zh: Record<keyof typeof en, string> = {
	'cli.unknownCommand': '未知命令：{value}。可用命令：{list}',
	'cli.missingOption': '缺少选项 --{option}',
	'cli.badOption': '{detail}',
	'cli.amountOrQtyPrice': '请给出 --amount 列，或同时给出 --quantity 和 --price 列',
	'cli.noColumn': '列 {column}（--{option}）不在 {file} 中。现有列：{list}',
	'cli.noFile': '无法读取 {file}：{detail}',
	'cli.badNumber': '--{option} {value} 必须是 {min} 到 {max} 之间的数字',
	'cli.badDate': '--{option} {value} 不是 YYYY-MM-DD 格式的日期',
	'cli.badChoice': '--{option} {value}：请从 {list} 中选择',
	'cli.badBins': '--bins {value}：请给出 2 到 10 的整数',
	'cli.badNumberList': '--{option} {value}：“{item}”不是数字（请用逗号分隔数字，例如 30,90,180）',
	'cli.needsOption': '--{option} 需要同时给出 --{needs}',
	'cli.notWithCustomerTable': '--{option} 不适用于客户表（--customer-table）',
	'cli.recencyOrLastDate': '客户表需要 --recency 列和 --last-date 列中的恰好一个'
};

export const cliMessages = { en, zh };

/**
 * Messages for rows whose number of fields differs from the header.
 * en.ts and zh-CN.ts assemble the parts; `zh` has exactly the keys of `en` (type-checked).
 */
const en = {
	'ragged.stop':
		'File {file}: rows whose number of fields differs from the header ({expected}): {count}. Line (fields found): {list}{more}. Nothing was loaded; the previous data is kept. Fix these lines, or load again and choose to skip them.',
	'ragged.stopCli':
		'File {file}: rows whose number of fields differs from the header ({expected}): {count}. Line (fields found): {list}{more}. Nothing was written. Fix these lines, or run again with --ragged skip to leave them out.',
	'ragged.askTitle': 'Rows whose number of fields differs from the header ({expected}): {count}',
	'ragged.askBody':
		'A row with fields missing or too many is usually cut or shifted (a comma inside an unquoted value, a line break in the middle of a record). Its values would land in the wrong columns, so it cannot be read as it is.',
	'ragged.listHead': 'First rows found',
	'ragged.line': 'Line {line}',
	'ragged.found': '{found} fields instead of {expected}',
	'ragged.moreRows': '… and {n} more',
	'ragged.skip': 'Skip these rows',
	'ragged.stopButton': 'Stop loading',
	'ragged.skipHint': 'Skip: the other rows are loaded and analysed as usual.',
	'ragged.stopHint': 'Stop: nothing from this file is loaded; the previous data stays.',
	'ragged.skipped':
		'Left out of {file}: {count} rows whose number of fields differs from the header ({expected}). Line (fields found): {list}{more}.',
	'ragged.badOption': '--ragged must be skip or stop, not {value}.'
} satisfies Record<string, string>;

const zh: Record<keyof typeof en, string> = {
	'ragged.stop':
		'文件 {file}：有 {count} 行的字段数与表头的 {expected} 个不一致。行号（实际字段数）：{list}{more}。本次未导入任何数据，之前的数据保持不变。请修正这些行，或重新导入并选择跳过它们。',
	'ragged.stopCli':
		'文件 {file}：有 {count} 行的字段数与表头的 {expected} 个不一致。行号（实际字段数）：{list}{more}。未写出任何结果。请修正这些行，或加上 --ragged skip 重新运行以跳过它们。',
	'ragged.askTitle': '有 {count} 行的字段数与表头（{expected} 个字段）不一致',
	'ragged.askBody':
		'字段缺少或多出的行通常是被截断或错位了（例如未加引号的值里含有逗号，或一条记录中间断了行）。这些行的值会落到错误的列里，无法按原样读取。',
	'ragged.listHead': '最先发现的几行',
	'ragged.line': '第 {line} 行',
	'ragged.found': '{found} 个字段（应为 {expected} 个）',
	'ragged.moreRows': '……另有 {n} 行',
	'ragged.skip': '跳过这些行',
	'ragged.stopButton': '停止导入',
	'ragged.skipHint': '跳过：其余的行照常导入和分析。',
	'ragged.stopHint': '停止：不导入此文件的任何数据，之前的数据保持不变。',
	'ragged.skipped':
		'{file} 中有 {count} 行未导入：字段数与表头（{expected} 个）不一致。行号（实际字段数）：{list}{more}。',
	'ragged.badOption': '--ragged 只能是 skip 或 stop，而不是 {value}。'
};

export const raggedMessages = { en, zh };

/**
 * Messages of the analysis window (the page header's two dates), strict retention, the exact-duplicate
 * rule and the survey scales. en.ts and zh-CN.ts assemble the parts; `zh` has exactly the keys of `en`.
 */
const en = {
	'window.label': 'Analysis window',
	'window.start': 'From',
	'window.asOf': 'As of',
	'window.reset': 'Reset',
	'window.resetHint': 'Back to the whole data: from the first transaction day to the day after the last one.',
	'window.hint':
		'Every view counts the transactions from {start} to {asOf}, both days included; "days since" counts back from {asOf}.',
	'window.badDate': 'The analysis window’s date {value} is not a valid date (use YYYY-MM-DD).',
	'window.order': 'The window starts ({start}) after its as-of date ({asOf}): pick a start on or before the as-of date.',
	'window.cliOrder': '--window-start {start} is after the as-of date {asOf}: give a --window-start on or before it (or a later --as-of).',
	'window.viewNote': 'Window {start} – {asOf} (change it in the page header).'
};

const zh: Record<keyof typeof en, string> = {
	'window.label': '分析区间',
	'window.start': '起始日',
	'window.asOf': '基准日',
	'window.reset': '重置',
	'window.resetHint': '恢复为全部数据：从第一笔交易日到最后一笔交易的次日。',
	'window.hint': '所有视图都统计 {start} 至 {asOf}（含首尾两天）的交易；“距今天数”从 {asOf} 起算。',
	'window.badDate': '分析区间的日期 {value} 无效（格式为 YYYY-MM-DD）。',
	'window.order': '分析区间的起始日（{start}）晚于基准日（{asOf}）：请选择不晚于基准日的起始日。',
	'window.cliOrder': '--window-start {start} 晚于基准日 {asOf}：请给出不晚于基准日的 --window-start（或更晚的 --as-of）。',
	'window.viewNote': '分析区间 {start} – {asOf}（在页面顶部修改）。'
};

export const windowMessages = { en, zh };

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
	'window.viewNote': 'Window {start} – {asOf} (change it in the page header).',
	'survey.scaleAuto': 'detect ({scale})',
	'survey.directionAuto': 'detect ({direction})',
	'survey.direction.ease': 'ease: higher is better',
	'survey.direction.effort': 'effort: lower is better',
	'survey.noScale':
		'{file}: the answers of column “{column}” run from {min} to {max}, which fits none of the scales 1–5, 1–7, 1–10 or 0–10. Check that this is the answer column, or choose its scale.',
	'survey.keptPrevious': 'The survey answers of {file} stay in use until this file loads.',
	'survey.matchRate': '{rate} of {kind} ids are customers of the loaded data ({matched} of {ids}).',
	'survey.kind.surveys': 'survey',
	'survey.kind.touchpoints': 'touchpoint'
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
	'window.viewNote': '分析区间 {start} – {asOf}（在页面顶部修改）。',
	'survey.scaleAuto': '自动识别（{scale}）',
	'survey.directionAuto': '自动识别（{direction}）',
	'survey.direction.ease': '容易程度：越高越好',
	'survey.direction.effort': '费力程度：越低越好',
	'survey.noScale':
		'{file}：列“{column}”的答案从 {min} 到 {max}，不符合 1–5、1–7、1–10 或 0–10 中的任何量表。请确认这是答案列，或手动选择量表。',
	'survey.keptPrevious': '在此文件成功导入之前，继续使用 {file} 的调查答卷。',
	'survey.matchRate': '{kind}数据中的客户编号只有 {rate} 是已加载数据中的客户（{ids} 个中的 {matched} 个）。',
	'survey.kind.surveys': '调查',
	'survey.kind.touchpoints': '触点'
};

export const windowMessages = { en, zh };

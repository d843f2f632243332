/**
 * Messages for RFM analysis: settings texts, errors, the summary table and its charts.
 * en.ts and zh-CN.ts assemble the parts; `zh` has exactly the keys of `en` (type-checked).
 */
const en = {
	'rfm.asOf': 'As-of date',
	'rfm.asOfHint':
		'Recency is counted in days from the last purchase to this date. Default: the day after the last transaction.',
	'rfm.summary': 'Segment summary',
	'rfm.running': 'Computing RFM…',
	'rfm.customersTotal': '{customers} customers, {revenue} revenue',
	'rfm.clickHint': 'Click a segment to list its customers.',
	'rfm.exportSegment': 'Export {segment} (CSV)',
	'rfm.exportAll': 'Export all customers (CSV)',
	'rfm.allCustomers': 'All customers',
	'rfm.showing': 'Showing: {segment}',
	'rfm.strayDates':
		'{count} transactions are dated far after all others (the latest: {last}) and look like errors; the default as-of date {asOf} leaves them out. Set a later date to include them.',
	'rfm.badAsOf': 'The as-of date {value} is not a valid date (use YYYY-MM-DD).',

	'col.segment': 'Segment',
	'col.customers': 'Customers',
	'col.share': 'Share',
	'col.orders': 'Orders',
	'col.revenue': 'Revenue',
	'col.revenueShare': 'Revenue share',
	'col.aov': 'Avg order value',
	'col.medianR': 'Median R (days)',
	'col.medianF': 'Median F',
	'col.medianM': 'Median M',

	'chart.segmentShares': 'Customers and revenue share by segment',
	'chart.customerShare': 'Share of customers',
	'chart.revenueShare': 'Share of revenue',
	'chart.rfHeatmap': 'R × F scores, coloured by mean monetary value',
	'chart.rScore': 'R score (5 = most recent)',
	'chart.fScore': 'F score (5 = most frequent)',
	'chart.meanMonetary': 'Mean monetary',
	'chart.share': 'Share',
	'chart.measure': 'Measure',
	'rfm.methodName.ntile': 'Quintiles (rank)',
	'rfm.methodName.r-rfm': 'R rfm package (exact)',
	'rfm.methodName.thresholds': 'Custom thresholds',
	'rfm.methodName.mean': 'Mean split (high/low)',
	'rfm.methodName.median': 'Median split (high/low)',
	'rfm.methodHint.ntile':
		'Equal-size groups ranked by value; equal values may land in neighbouring groups (ties broken by customer ID).',
	'rfm.methodHint.r-rfm':
		'Exactly as R’s rfm package 0.3.0: cut points are the quantiles plus 1; equal values always share a score, so groups can be unequal.',
	'rfm.methodHint.thresholds':
		'Your own cut points: a value equal to a cut point goes to the higher group.',
	'rfm.methodHint.mean':
		'Two levels: above the mean is high; for recency, below the mean is recent.',
	'rfm.methodHint.median':
		'Two levels: above the median is high; for recency, below the median is recent.',
	'rfm.badBins': 'bins for {dim} must be a whole number from 2 to 10, got {value}',
	'rfm.badMethod': '{dim}: unknown scoring method {value}. Methods: {list}',
	'rfm.thresholdsNotUsed':
		'cut points for {dim} only apply with the methods r-rfm and thresholds, not {method}',
	'rfm.badThresholds': 'cut points for {dim}: {detail}',
	'rfm.levelsMismatch':
		'rule set {set} is written for {levels} score levels, but {dim} has {bins}; use the mean or median split, or {levels} bins',
	'rfm.customerTableBad':
		"{file}: column {column}: {count} rows cannot be read, first at row {row}: '{value}'",
	'rfm.customerTableDuplicate':
		"{file}: customer ID column {column} repeats ids in {count} rows, first at row {row}: '{value}'. A customer table has one row per customer.",
	'rfm.migrationOrder': 'the earlier date {from} must come before the later date {to}',
	'rfm.failed': 'The RFM segments could not be computed: {detail}'
} satisfies Record<string, string>;

const zh: Record<keyof typeof en, string> = {
	'rfm.asOf': '分析基准日',
	'rfm.asOfHint': '最近一次消费（R）按最后一次购买到该日期的天数计算。默认为最后一笔交易的次日。',
	'rfm.summary': '分群汇总',
	'rfm.running': '正在计算 RFM…',
	'rfm.customersTotal': '{customers} 位客户，销售额 {revenue}',
	'rfm.clickHint': '点击某个分群可查看其客户名单。',
	'rfm.exportSegment': '导出“{segment}”（CSV）',
	'rfm.exportAll': '导出全部客户（CSV）',
	'rfm.allCustomers': '全部客户',
	'rfm.showing': '当前显示：{segment}',
	'rfm.strayDates':
		'有 {count} 笔交易的日期远晚于其他交易（最晚：{last}），疑似录入错误；默认基准日 {asOf} 未计入这些交易。如需计入，请设置更晚的基准日。',
	'rfm.badAsOf': '基准日 {value} 不是有效日期（格式为 YYYY-MM-DD）。',

	'col.segment': '分群',
	'col.customers': '客户数',
	'col.share': '客户占比',
	'col.orders': '订单数',
	'col.revenue': '销售额',
	'col.revenueShare': '销售额占比',
	'col.aov': '客单价',
	'col.medianR': 'R 中位数（天）',
	'col.medianF': 'F 中位数',
	'col.medianM': 'M 中位数',

	'chart.segmentShares': '各分群的客户占比与销售额占比',
	'chart.customerShare': '客户占比',
	'chart.revenueShare': '销售额占比',
	'chart.rfHeatmap': 'R × F 得分矩阵（颜色为平均消费金额）',
	'chart.rScore': 'R 得分（5 = 最近）',
	'chart.fScore': 'F 得分（5 = 最频繁）',
	'chart.meanMonetary': '平均消费金额',
	'chart.share': '占比',
	'chart.measure': '指标',
	'rfm.methodName.ntile': '五等分（按排名）',
	'rfm.methodName.r-rfm': 'R rfm 包（完全一致）',
	'rfm.methodName.thresholds': '自定义阈值',
	'rfm.methodName.mean': '均值二分（高/低）',
	'rfm.methodName.median': '中位数二分（高/低）',
	'rfm.methodHint.ntile':
		'按数值排名分成人数相等的组；相同的值可能落在相邻两组（按客户编号决定先后）。',
	'rfm.methodHint.r-rfm':
		'与 R 的 rfm 包 0.3.0 完全一致：分界点为分位数加 1；相同的值总得同一分，因此各组人数可能不等。',
	'rfm.methodHint.thresholds': '使用你给出的分界点：等于分界点的值归入较高的一组。',
	'rfm.methodHint.mean': '两档：高于均值为高；最近消费天数低于均值为近。',
	'rfm.methodHint.median': '两档：高于中位数为高；最近消费天数低于中位数为近。',
	'rfm.badBins': '{dim} 的分档数须为 2 到 10 的整数，实际为 {value}',
	'rfm.badMethod': '{dim}：未知的打分方法 {value}。可用方法：{list}',
	'rfm.thresholdsNotUsed': '{dim} 的分界点只适用于 r-rfm 和 thresholds 方法，不适用于 {method}',
	'rfm.badThresholds': '{dim} 的分界点：{detail}',
	'rfm.levelsMismatch':
		'规则集 {set} 按 {levels} 档分数编写，但 {dim} 有 {bins} 档；请使用均值或中位数二分，或 {levels} 档',
	'rfm.customerTableBad':
		'{file}：列 {column} 有 {count} 行无法读取，第一处在第 {row} 行：“{value}”',
	'rfm.customerTableDuplicate':
		'{file}：客户编号列 {column} 有 {count} 行编号重复，第一处在第 {row} 行：“{value}”。客户表应每位客户一行。',
	'rfm.migrationOrder': '较早的日期 {from} 必须在较晚的日期 {to} 之前',
	'rfm.failed': '无法计算 RFM 分群：{detail}'
};

export const rfmMessages = { en, zh };

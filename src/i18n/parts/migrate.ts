/**
 * Messages for segment migration between two dates.
 * en.ts and zh-CN.ts assemble the parts; `zh` has exactly the keys of `en` (type-checked).
 */
const en = {
	'nav.migration': 'Segment migration',
	'migration.title': 'Segment migration',
	'migration.intro':
		'Segments at two dates, computed from the same transactions: who stayed, who moved up, who slipped.',
	'migration.from': 'Earlier date',
	'migration.to': 'Later date',
	'migration.run': 'Compute',
	'migration.running': 'Computing segments at both dates…',
	'migration.failed': 'The migration could not be computed: {detail}',
	'migration.stale': 'Dates or RFM settings changed: compute again to update.',
	'migration.defaults': 'Defaults: the end of the previous quarter and the RFM as-of date.',
	'migration.settings':
		'Scoring, frequency, monetary, returns and the rule set are those of the RFM view; each date is scored on the customers who had bought by then.',
	'migration.summary':
		'{both} customers at both dates; {moved} changed segment ({share}); {new} new customers since {from}.',
	'migration.empty': 'No customers had bought by either date.',
	'migration.matrix': 'Transition matrix',
	'migration.matrixHint':
		'Rows: segment at the earlier date; columns: at the later date. Each cell: customers and the row share. The diagonal (shaded) stayed put.',
	'migration.matrixChart': 'Transition matrix (colour = row share)',
	'migration.axisFrom': 'Segment on {date}',
	'migration.axisTo': 'Segment on {date}',
	'migration.rowShare': 'Row share',
	'migration.rowTotal': 'Total',
	'migration.fromTo': 'From ＼ to',
	'migration.new': 'No purchase yet',
	'migration.flow': 'Flow from {from} to {to}',
	'migration.flowHint': 'Band width = customers moving; hover a bar or a band for numbers.',
	'migration.exportMatrix': 'Export matrix (CSV)',
	'migration.exportFallen': 'Export list (CSV)',
	'migration.fallen': 'Fell from valuable to at risk',
	'migration.fallenHint':
		'Valuable: {valuable}. At risk: {atRisk}. Sorted by earlier revenue: the customers most worth winning back come first.',
	'migration.fallenGrid': 'Customers who fell',
	'migration.col.customer_id': 'Customer ID',
	'migration.col.segment_from': 'Segment before',
	'migration.col.segment_to': 'Segment after',
	'migration.col.rfm_score_from': 'RFM score before',
	'migration.col.rfm_score_to': 'RFM score after',
	'migration.col.monetary_from': 'Revenue (then)',
	'migration.col.monetary_to': 'Revenue (now)',
	'migration.noLists':
		'This rule set does not say which segments are valuable or at risk, so there is no such list.',
	'migration.listSep': ', '
} satisfies Record<string, string>;

const zh: Record<keyof typeof en, string> = {
	'nav.migration': '客户迁移',
	'migration.title': '客户分群迁移',
	'migration.intro': '用同一份交易数据计算两个日期的客户分群：谁保持不变，谁升级了，谁流失了。',
	'migration.from': '较早日期',
	'migration.to': '较晚日期',
	'migration.run': '计算',
	'migration.running': '正在计算两个日期的分群…',
	'migration.failed': '无法计算客户迁移：{detail}',
	'migration.stale': '日期或 RFM 设置已更改，请重新计算。',
	'migration.defaults': '默认：上一季度末与 RFM 分析基准日。',
	'migration.settings':
		'评分方法、频次、金额、退货处理和分群规则均沿用 RFM 页面的设置；每个日期只对当时已有购买的客户评分。',
	'migration.summary':
		'两个日期均有记录的客户 {both} 位，其中 {moved} 位分群发生变化（{share}）；自 {from} 以来新增客户 {new} 位。',
	'migration.empty': '两个日期之前都没有客户购买记录。',
	'migration.matrix': '迁移矩阵',
	'migration.matrixHint':
		'行：较早日期的分群；列：较晚日期的分群。每格显示客户数和行占比，阴影对角线为分群未变的客户。',
	'migration.matrixChart': '迁移矩阵（颜色 = 行占比）',
	'migration.axisFrom': '{date} 的分群',
	'migration.axisTo': '{date} 的分群',
	'migration.rowShare': '行占比',
	'migration.rowTotal': '合计',
	'migration.fromTo': '从 ＼ 到',
	'migration.new': '此前未购买',
	'migration.flow': '{from} 至 {to} 的客户流向',
	'migration.flowHint': '色带宽度 = 迁移的客户数；将鼠标悬停在柱或色带上可查看数字。',
	'migration.exportMatrix': '导出矩阵（CSV）',
	'migration.exportFallen': '导出名单（CSV）',
	'migration.fallen': '从高价值分群跌入风险分群的客户',
	'migration.fallenHint':
		'高价值分群：{valuable}。风险分群：{atRisk}。按较早日期的消费金额从高到低排列，最值得挽回的客户排在前面。',
	'migration.fallenGrid': '跌入风险分群的客户',
	'migration.col.customer_id': '客户编号',
	'migration.col.segment_from': '原分群',
	'migration.col.segment_to': '现分群',
	'migration.col.rfm_score_from': '原 RFM 分',
	'migration.col.rfm_score_to': '现 RFM 分',
	'migration.col.monetary_from': '原累计金额',
	'migration.col.monetary_to': '现累计金额',
	'migration.noLists': '当前分群规则未指定哪些分群属于高价值或风险分群，因此无法列出。',
	'migration.listSep': '、'
};

export const migrateMessages = { en, zh };

/**
 * The route from a file to an explained action list: the RFM results first (settings folded, a
 * segment's customers in a side panel), why a tab is disabled, and the CLI's labels for --lang.
 */
const en = {
	'route.settingsShow': 'Change',
	'route.exportAllHint': 'One row per customer with its segment, what the segment means and the action recommended.',
	'route.panelLabel': 'Customers of the segment {segment}',
	'route.close': 'Close',
	'route.closeHint': 'Esc closes this panel',
	'route.stats': '{customers} customers ({share}) · revenue {revenue} ({revenueShare})',
	'route.noExplanation': 'No meaning or action is written for this rule. A rule set file may carry them: "meaning" and "action".',
	'route.tabOff.data': 'Needs a file. To enable: load a file, or the sample data, on the Import tab.',
	'route.tabOff.quality': 'Needs a transactions file (not a customer table or survey). To enable: load transactions, or the sample data, on the Import tab.',
	'route.tabOff.rfm': 'Needs mapped transactions or a customer table. To enable: load a file, or the sample data, on the Import tab and confirm its columns.',
	'route.tabOff.migration': 'Needs transactions with dates (a customer table has no purchase history). To enable: load transactions, or the sample data, on the Import tab.',
	'route.tabOff.value': 'Needs transactions (a customer table has no purchase history). To enable: load transactions, or the sample data, on the Import tab.',
	'route.tabOff.abc': 'Needs transactions (a customer table has no single purchases). To enable: load transactions, or the sample data, on the Import tab.',
	'label.all': 'all'
} satisfies Record<string, string>;

const zh: Record<keyof typeof en, string> = {
	'route.settingsShow': '修改',
	'route.exportAllHint': '每位客户一行：所属分群、分群含义与建议策略。',
	'route.panelLabel': '分群“{segment}”的客户',
	'route.close': '关闭',
	'route.closeHint': '按 Esc 关闭此面板',
	'route.stats': '{customers} 位客户（{share}）· 销售额 {revenue}（{revenueShare}）',
	'route.noExplanation': '这条规则没有写含义和建议策略。规则集文件可以带上 "meaning" 和 "action"。',
	'route.tabOff.data': '需要先载入文件。启用方法：在“导入”页载入文件或示例数据。',
	'route.tabOff.quality': '需要交易明细文件（不是客户汇总表或调查）。启用方法：在“导入”页载入交易明细或示例数据。',
	'route.tabOff.rfm': '需要已确认列映射的交易明细或客户汇总表。启用方法：在“导入”页载入文件或示例数据并确认各列。',
	'route.tabOff.migration': '需要带日期的交易明细（客户汇总表没有购买历史）。启用方法：在“导入”页载入交易明细或示例数据。',
	'route.tabOff.value': '需要交易明细（客户汇总表没有购买历史）。启用方法：在“导入”页载入交易明细或示例数据。',
	'route.tabOff.abc': '需要交易明细（客户汇总表没有逐笔消费）。启用方法：在“导入”页载入交易明细或示例数据。',
	'label.all': '全部'
};

export const routeMessages = { en, zh };

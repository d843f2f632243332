/**
 * Messages for customer tables (one row per customer) as input.
 * en.ts and zh-CN.ts assemble the parts; `zh` has exactly the keys of `en` (type-checked).
 */
const en = {
	'ct.title': 'Open a transactions file or a customer table',
	'ct.kindLabel': 'What is in this file?',
	'ct.kind.transactions': 'Transactions (one row per order line)',
	'ct.kind.customers': 'Customer table (one row per customer)',
	'ct.kindHint.transactions':
		'Every order line with customer, date and amount: all analyses are available.',
	'ct.kindHint.customers':
		'As R rfm’s rfm_table_customer: customer ID, recency in days or last purchase date, number of orders and total revenue. RFM only.',
	'ct.guessed': 'Guessed from the column names; change it if it is wrong.',
	'ct.mappingTitle': 'Map the customer-table columns',
	'ct.mappingHint':
		'Guessed from the column names. Give either the recency in days or the last purchase date, not both.',
	'ct.role.customer': 'Customer ID',
	'ct.role.recency': 'Recency (days since last purchase)',
	'ct.role.lastDate': 'Last purchase date',
	'ct.role.orders': 'Number of orders',
	'ct.role.revenue': 'Total revenue',
	'ct.oneOf': 'this or the next',
	'ct.oneOfLast': 'this or the previous',
	'ct.missingCustomer': '{file}: choose the customer ID column.',
	'ct.missingRecency': '{file}: choose a recency (days) column or a last-purchase-date column.',
	'ct.missingOrders': '{file}: choose the number-of-orders column.',
	'ct.missingRevenue': '{file}: choose the total-revenue column.',
	'ct.sameColumn': '{file}: column {column} is chosen for two roles.',
	'ct.noRows': '{file}: no row has a customer ID.',
	'ct.ok': '{customers} customers checked: RFM runs from this customer table.',
	'ct.okAsOf': 'Default as-of date: {asOf}, the day after the latest last purchase.',
	'ct.okRecency':
		'Recency is taken from column {column} as it is; the as-of date only labels the data.',
	'ct.prospects':
		'Customers with 0 orders are prospects: the Shopify 11 groups list them as “Prospects”.',
	'ct.offViews':
		'Segment migration, the value matrix, ABC and the transaction KPIs need transactions and are turned off. Load a transactions file to use them again.',
	'ct.rfmBanner': 'RFM from the customer table {file}: {customers} customers, one row each.',
	'ct.asOfRecency':
		'Recency comes from column {column} as it is: the as-of date only labels the data (last purchase = as-of − recency) and may stay empty.',
	'ct.asOfLastDate':
		'Recency = as-of date − last purchase date (column {column}). Default: the day after the latest last purchase.',
	'ct.baseOff':
		'Frequency and monetary come from the customer table (number of orders, total revenue). Counting orders, days or rows, average per order and returns need transactions.',
	'ct.summaryBase':
		'Frequency = number of orders (column {orders}); monetary = total revenue (column {revenue}); from the customer table.'
} satisfies Record<string, string>;

const zh: Record<keyof typeof en, string> = {
	'ct.title': '打开交易明细或客户表',
	'ct.kindLabel': '这个文件是什么？',
	'ct.kind.transactions': '交易明细（每个订单行一行）',
	'ct.kind.customers': '客户表（每位客户一行）',
	'ct.kindHint.transactions': '每个订单行都有客户、日期和金额：所有分析均可使用。',
	'ct.kindHint.customers':
		'与 R rfm 的 rfm_table_customer 相同：客户编号、最近消费天数或最近消费日期、订单数和累计消费金额。仅可做 RFM 分析。',
	'ct.guessed': '根据列名推断；如有误请更改。',
	'ct.mappingTitle': '对应客户表的列',
	'ct.mappingHint': '根据列名推断。最近消费天数与最近消费日期二选一，不要同时选择。',
	'ct.role.customer': '客户编号',
	'ct.role.recency': '最近消费天数（距上次消费）',
	'ct.role.lastDate': '最近消费日期',
	'ct.role.orders': '订单数',
	'ct.role.revenue': '累计消费金额',
	'ct.oneOf': '与下一项二选一',
	'ct.oneOfLast': '与上一项二选一',
	'ct.missingCustomer': '{file}：请选择客户编号列。',
	'ct.missingRecency': '{file}：请选择最近消费天数列或最近消费日期列。',
	'ct.missingOrders': '{file}：请选择订单数列。',
	'ct.missingRevenue': '{file}：请选择累计消费金额列。',
	'ct.sameColumn': '{file}：列 {column} 被同时用于两个角色。',
	'ct.noRows': '{file}：没有任何一行有客户编号。',
	'ct.ok': '已检查 {customers} 位客户：RFM 将基于此客户表计算。',
	'ct.okAsOf': '默认分析基准日：{asOf}，即最近一次消费日期中最晚一天的次日。',
	'ct.okRecency': '最近消费天数直接取自列 {column}；分析基准日仅用于标注数据。',
	'ct.prospects': '订单数为 0 的客户为潜在客户：Shopify 11 组会将其列为“潜在客户”。',
	'ct.offViews':
		'客户迁移、价值矩阵、ABC 分析和基于交易的指标需要交易明细，已停用。载入交易明细文件即可重新使用。',
	'ct.rfmBanner': 'RFM 基于客户表 {file}：{customers} 位客户，每位一行。',
	'ct.asOfRecency':
		'最近消费天数直接取自列 {column}：分析基准日仅用于标注数据（最近消费日期 = 基准日 − 天数），可以留空。',
	'ct.asOfLastDate':
		'最近消费天数 = 分析基准日 − 最近消费日期（列 {column}）。默认为最近消费日期中最晚一天的次日。',
	'ct.baseOff':
		'消费频次和消费金额取自客户表（订单数、累计消费金额）。按订单、天数或行计数、按单均金额以及退货处理都需要交易明细。',
	'ct.summaryBase':
		'消费频次 = 订单数（列 {orders}）；消费金额 = 累计消费金额（列 {revenue}）；取自客户表。'
};

export const customerTableMessages = { en, zh };

/**
 * Messages of the presentation work (issue 12): grid column labels, plurals, value-matrix scale notes,
 * accessible names of controls. en.ts and zh-CN.ts assemble the parts; `zh` has exactly the keys of `en`.
 */
const en = {
	'value.col.strategy': 'Service strategy',
	'grid.oneRow': '{rows} row',
	'journeyui.channelOf': 'Channel of {touchpoint}',
	'value.logAuto': 'Log scale, chosen because the values are skewed: the top 1 % reach {ratio}× the median. Untick “Log scale” for a linear one.',
	'value.logAutoZero': 'Log scale, chosen because the values are skewed: most are 0 and a few are large. Untick “Log scale” for a linear one.',
	'role.requiredOrQtyPrice': 'required, or quantity × unit price',
	'role.insteadOfAmount': 'with the other, instead of amount',
	// Result tables' column ids as their readers know them (ui/DataGrid, labelColumns).
	'col.customer_id': 'Customer ID',
	'col.segment': 'Segment',
	'col.recency_days': 'Days since last purchase',
	'col.frequency': 'Frequency',
	'col.monetary': 'Monetary',
	'col.r_score': 'R score',
	'col.f_score': 'F score',
	'col.m_score': 'M score',
	'col.rfm_score': 'RFM score',
	'col.matches': 'Rules matched',
	'col.matched': 'Matching segments'
};

const zh: Record<keyof typeof en, string> = {
	'value.col.strategy': '服务策略',
	'grid.oneRow': '{rows} 行',
	'journeyui.channelOf': '{touchpoint} 的渠道',
	'value.logAuto': '已自动使用对数刻度：数值分布偏斜，前 1% 达到中位数的 {ratio} 倍。取消勾选“对数刻度”可改为线性刻度。',
	'value.logAutoZero': '已自动使用对数刻度：数值分布偏斜，多数为 0、少数很大。取消勾选“对数刻度”可改为线性刻度。',
	'role.requiredOrQtyPrice': '必填，或用 数量 × 单价',
	'role.insteadOfAmount': '与另一项相乘，可代替金额',
	'col.customer_id': '客户编号',
	'col.segment': '分群',
	'col.recency_days': '距上次购买天数',
	'col.frequency': '购买频次',
	'col.monetary': '消费金额',
	'col.r_score': 'R 分',
	'col.f_score': 'F 分',
	'col.m_score': 'M 分',
	'col.rfm_score': 'RFM 分',
	'col.matches': '命中规则数',
	'col.matched': '命中的分群'
};

export const presentMessages = { en, zh };

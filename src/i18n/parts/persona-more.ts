/**
 * Messages of the persona cards' satisfaction (surveys joined), groups by a transactions column, the
 * channel preference's source, and the forecast's groups by a basis (issue 14's later part).
 * en.ts and zh-CN.ts assemble the parts; `zh` has exactly the keys of `en`.
 */
const en = {
	'persona.sat.nps': 'NPS {value} (rest of the base {rest}, {n} answers)',
	'persona.sat.csat': 'CSAT {value} (rest of the base {rest}, {n} answers)',
	'persona.sat.beyond': 'beyond chance',
	'persona.sat.within': 'within chance',
	'persona.sat.none': 'No survey answers from this group’s customers.',
	'persona.sat.hint': 'Satisfaction from the survey answers of each group’s customers against the answers of the rest of the base: NPS difference by its 95 % Wald interval, CSAT by χ² (Fisher under 5 expected).',
	'persona.columnsProfile': 'Profile columns',
	'persona.columnsTx': 'Transaction columns',
	'persona.channelFrom.column': 'Channel preference from the transactions’ column “{column}”: each customer’s channel of most orders.',
	'persona.channelFrom.touchpoints': 'Channel preference from the touchpoint events (no channel column chosen): online when at least ⅔ of a customer’s online/offline events are online, offline when at most ⅓, mixed between (touchpoint → channel by the journey’s default table, or the events’ channel column).',
	'persona.channel.online': 'online',
	'persona.channel.mixed': 'mixed',
	'persona.channel.offline': 'offline',
	'forecastui.groupBy.quadrant': 'By value-matrix quadrant',
	'forecastui.groupBy.tier': 'By grading tier',
	'forecastui.groupBy.stage': 'By lifecycle stage',
	'forecastui.groupBy.column': 'By a transactions column',
	'forecastui.groupBy.channel': 'By channel (online / offline)',
	'forecastui.groupColumn': 'Column',
	'forecastui.groupsHint': 'Quadrants appear once the value matrix has run, tiers once customers are graded.'
};

const zh: Record<keyof typeof en, string> = {
	'persona.sat.nps': 'NPS {value}（其余客户 {rest}，{n} 份答卷）',
	'persona.sat.csat': 'CSAT {value}（其余客户 {rest}，{n} 份答卷）',
	'persona.sat.beyond': '差异显著',
	'persona.sat.within': '差异不显著',
	'persona.sat.none': '本组客户没有问卷答卷。',
	'persona.sat.hint': '满意度取自各组客户的问卷答卷，与其余客户的答卷对比：NPS 差值看 95% Wald 区间，CSAT 用 χ² 检验（期望频数低于 5 时用 Fisher 精确检验）。',
	'persona.columnsProfile': '客户档案列',
	'persona.columnsTx': '交易数据列',
	'persona.channelFrom.column': '渠道偏好取自交易数据的“{column}”列：每位客户订单最多的渠道。',
	'persona.channelFrom.touchpoints': '渠道偏好取自触点事件（未选渠道列）：客户的线上/线下事件中线上至少占 ⅔ 为线上，至多占 ⅓ 为线下，其间为混合（触点按旅程的默认对照表归入渠道，或用事件的渠道列）。',
	'persona.channel.online': '线上',
	'persona.channel.mixed': '混合',
	'persona.channel.offline': '线下',
	'forecastui.groupBy.quadrant': '按价值矩阵象限',
	'forecastui.groupBy.tier': '按分级',
	'forecastui.groupBy.stage': '按生命周期阶段',
	'forecastui.groupBy.column': '按交易数据的某一列',
	'forecastui.groupBy.channel': '按渠道（线上 / 线下）',
	'forecastui.groupColumn': '列',
	'forecastui.groupsHint': '价值矩阵算过后才有象限，客户分级后才有分级。'
};

export const personaMoreMessages = { en, zh };

/**
 * Messages for the touchpoints & surveys tab (datasets besides transactions).
 * en.ts and zh-CN.ts assemble the parts; `zh` has exactly the keys of `en` (type-checked).
 */
const en = {
	'nav.datasets': 'Profiles, touchpoints & surveys',

	'datasets.intro':
		'Besides transactions, load touchpoint events (for the journey view) and survey answers (for the KPI view). Columns are recognised from Chinese or English headers; check the mapping and apply.',
	'datasets.touchpoints.title': 'Touchpoint events',
	'datasets.touchpoints.hint':
		'One row per event: customer ID, time and touchpoint (website, App, mini-program, store, hotline …); optional channel, stage, satisfaction score, outcome.',
	'datasets.surveys.title': 'Survey answers',
	'datasets.surveys.hint':
		'One row per answer: NPS (0–10), CSAT (1–5, 1–7 or 1–10) and/or CES; optional customer ID, date, comment, region and product.',
	'datasets.sample': 'Load the sample file',
	'datasets.loadSampleHere': 'Load the sample data',
	'datasets.openTab': 'Open Touchpoints & surveys',
	'datasets.loading': 'Reading {file}…',
	'datasets.applying': 'Checking and applying the mapping of {file}…',
	'datasets.ready': '{file}: {rows} rows loaded and mapped.',
	'datasets.none': 'No file loaded yet.',
	'datasets.needScore': '{file}: map at least one answer column (NPS, CSAT or CES).',
	'datasets.needTouchpointRoles':
		'{file}: map the customer ID, the time and the touchpoint columns.',
	'ds.role.customer': 'Customer ID',
	'ds.role.date': 'Date / time',
	'ds.role.touchpoint': 'Touchpoint',
	'ds.role.channel': 'Channel',
	'ds.role.stage': 'Stage',
	'ds.role.score': 'Satisfaction score',
	'ds.role.outcome': 'Outcome',
	'ds.role.segment': 'Segment',
	'ds.role.nps': 'NPS (0–10)',
	'ds.role.csat': 'CSAT',
	'ds.role.ces': 'CES (effort)',
	'ds.role.comment': 'Comment',
	'ds.role.region': 'Region',
	'ds.role.product': 'Product line'
} satisfies Record<string, string>;

const zh: Record<keyof typeof en, string> = {
	'nav.datasets': '档案、触点与调查',

	'datasets.intro':
		'除交易数据外，还可以导入触点事件（用于客户旅程）和调查答卷（用于指标看板）。系统会根据中英文表头自动识别列，请核对映射后应用。',
	'datasets.touchpoints.title': '触点事件',
	'datasets.touchpoints.hint':
		'每行一个事件：客户编号、时间、触点（官网、App、小程序、门店、客服电话……）；可选渠道、阶段、满意度评分、结果。',
	'datasets.surveys.title': '调查答卷',
	'datasets.surveys.hint':
		'每行一份答卷：NPS（0–10）、CSAT（1–5、1–7 或 1–10）和/或 CES；可选客户编号、日期、评论、地区和产品。',
	'datasets.sample': '导入示例文件',
	'datasets.loadSampleHere': '导入示例数据',
	'datasets.openTab': '前往“触点与调查”',
	'datasets.loading': '正在读取 {file}……',
	'datasets.applying': '正在检查并应用 {file} 的列映射……',
	'datasets.ready': '{file}：已导入并映射 {rows} 行。',
	'datasets.none': '尚未导入文件。',
	'datasets.needScore': '{file}：请至少映射一个答题列（NPS、CSAT 或 CES）。',
	'datasets.needTouchpointRoles': '{file}：请映射客户编号、时间和触点三列。',
	'ds.role.customer': '客户编号',
	'ds.role.date': '日期 / 时间',
	'ds.role.touchpoint': '触点',
	'ds.role.channel': '渠道',
	'ds.role.stage': '阶段',
	'ds.role.score': '满意度评分',
	'ds.role.outcome': '结果',
	'ds.role.segment': '客户细分',
	'ds.role.nps': 'NPS（0–10）',
	'ds.role.csat': 'CSAT 满意度',
	'ds.role.ces': 'CES 费力度',
	'ds.role.comment': '评论',
	'ds.role.region': '地区',
	'ds.role.product': '产品 / 业务线'
};

export const datasetsMessages = { en, zh };

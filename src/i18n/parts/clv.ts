/**
 * Messages for CLV model errors and fit warnings.
 * en.ts and zh-CN.ts assemble the parts; `zh` has exactly the keys of `en` (type-checked).
 */
const en = {
	'clv.noData': 'There are no transactions to fit the CLV models on.',
	'clv.noCalibrationCustomers':
		'No customer made a first purchase on or before the calibration end {date} (the first purchase is on {first}). Choose a later calibration end.',
	'clv.badUnit': "--unit {value} must be 'day' or 'week'",
	'clv.badCalibrationEnd':
		'The calibration end {value} must be a date between the first purchase {first} and the last day {last}.',
	'clv.observationBeforeCalibration':
		'The observation end {observation} is before the calibration end {calibration}.',
	'clv.fitFailed': 'The CLV models could not be fitted: {detail}',
	'clv.warning.few-customers':
		'Few customers: the model parameters rest on little data; treat the predictions as rough.',
	'clv.warning.not-converged':
		'The fit did not converge: the parameters may not be the best ones. Try a longer calibration period or the other time unit.',
	'clv.warning.at-bound':
		'A model parameter ran to the edge of its range: the data hardly pin this model down (often too short a history or too few repeat buyers).',
	'clv.warning.no-repeat-customers':
		'No customer bought twice in the calibration period: repeat behaviour and spend cannot be estimated, so no CLV is given.',
	'clv.warning.infinite-mean':
		'The spend model has no finite average (q ≤ 1): CLV is left out for customers without repeat purchases.'
} satisfies Record<string, string>;

const zh: Record<keyof typeof en, string> = {
	'clv.noData': '没有可用于拟合 CLV 模型的交易。',
	'clv.noCalibrationCustomers':
		'在校准期截止日 {date} 当天或之前没有客户首次购买（最早一笔购买在 {first}）。请选择更晚的校准期截止日。',
	'clv.badUnit': "--unit {value} 只能是 'day' 或 'week'",
	'clv.badCalibrationEnd': '校准期截止日 {value} 必须在首笔购买 {first} 与最后一天 {last} 之间。',
	'clv.observationBeforeCalibration': '观察期截止日 {observation} 早于校准期截止日 {calibration}。',
	'clv.fitFailed': 'CLV 模型拟合失败：{detail}',
	'clv.warning.few-customers': '客户数量偏少：模型参数所依据的数据不多，预测结果仅供粗略参考。',
	'clv.warning.not-converged':
		'拟合未收敛：参数可能不是最优解。可尝试延长校准期或换用另一种时间单位。',
	'clv.warning.at-bound':
		'有模型参数落在取值范围的边界：数据不足以确定该模型（常见原因是历史太短或复购客户太少）。',
	'clv.warning.no-repeat-customers':
		'校准期内没有客户复购：无法估计复购行为和客单价，因此不给出 CLV。',
	'clv.warning.infinite-mean': '消费金额模型的均值无穷大（q ≤ 1）：未复购客户不计算 CLV。'
};

export const clvMessages = { en, zh };

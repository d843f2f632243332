/**
 * Messages of demand forecasting (需求预测): errors, model notes, the forecast view.
 * en.ts and zh-CN.ts assemble the parts; `zh` has exactly the keys of `en` (type-checked).
 */
const en = {
	'forecast.noData': 'No data to forecast {metric} from: no row has a readable date (and, for orders, customers and revenue, an amount).',
	'forecast.noFullPeriod': 'The data ends on {lastDay}, before its first period is complete: choose a shorter period (--freq day) or load more data.',
	'forecast.partialDropped': 'The last period {period} ends after the last day with data ({lastDay}): it is partial, so it is left out of the history and the fit.',
	'forecast.noColumn': '{file}: there is no column “{column}” to group by (--by). Give a column name as it is in the header.',
	'forecast.eventsMetric': '--metric {metric}: events are forecast from a touchpoint file (--events --metric events); orders, revenue and customers from transactions.',
	'forecast.badHolidayHeader': '{file}: the holiday table must start with the header {expected} (found “{header}”).',
	'forecast.badHolidayRow': '{file}, row {row}, column {column}: “{value}” is not valid (date as YYYY-MM-DD, a name, whole numbers of days).',
	'forecast.mapeLeftOut': 'MAPE leaves out {count} backtest periods whose actual value is 0.',
	'forecast.note.noYearly': 'Yearly seasonality left out: under two years of history.',
	'forecast.note.noWeekly': 'Weekly seasonality left out: under two weeks of history.',
	'forecast.note.tooShort': 'Under 6 periods of history: the forecast is the mean (a simple fallback).'
};

const zh: Record<keyof typeof en, string> = {
	'forecast.noData': '没有可用于预测{metric}的数据：没有任何一行有可读的日期（订单、客户和收入还需要金额）。',
	'forecast.noFullPeriod': '数据在 {lastDay} 结束，第一个周期还不完整：请选更短的周期（--freq day）或载入更多数据。',
	'forecast.partialDropped': '最后一个周期 {period} 在数据最后一天（{lastDay}）之后才结束，是不完整周期，已从历史和拟合中去掉。',
	'forecast.noColumn': '{file}：没有可分组的列“{column}”（--by）。请按表头写列名。',
	'forecast.eventsMetric': '--metric {metric}：事件需从触点文件预测（--events --metric events）；订单、收入和客户从交易数据预测。',
	'forecast.badHolidayHeader': '{file}：节假日表的表头必须是 {expected}（实际为“{header}”）。',
	'forecast.badHolidayRow': '{file}，第 {row} 行，列 {column}：“{value}”无效（日期写作 YYYY-MM-DD，名称不能为空，天数为整数）。',
	'forecast.mapeLeftOut': 'MAPE 未计入 {count} 个实际值为 0 的回测周期。',
	'forecast.note.noYearly': '未建模年度季节性：历史不足两年。',
	'forecast.note.noWeekly': '未建模每周季节性：历史不足两周。',
	'forecast.note.tooShort': '历史不足 6 个周期：预测取均值（简单后备模型）。'
};

export const forecastMessages = { en, zh };

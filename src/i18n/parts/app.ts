/**
 * Messages for the app frame: title, navigation, engine state, loading/error states, the data grid.
 * en.ts and zh-CN.ts assemble the parts; `zh` has exactly the keys of `en` (type-checked).
 */
const en = {
	'app.title': 'Clientele',
	'app.tagline': 'Customer segmentation workbench — your data never leaves this browser',
	'app.language': 'Language',
	'app.engine.starting': 'Starting the analysis engine…',
	'app.engine.ready': 'Analysis engine ready (offline)',
	'app.engine.failed': 'Analysis engine could not start',
	'app.engineHint':
		'DuckDB runs in this browser tab, in a background worker: no data is sent anywhere.',
	'nav.import': 'Import',
	'nav.data': 'Data',
	'nav.rfm': 'RFM segments',

	'kind.empty': 'empty',
	'kind.date': 'date',
	'kind.integer': 'whole number',
	'kind.number': 'number',
	'kind.text': 'text',

	'grid.rows': '{rows} rows',
	'grid.sortHint': 'Click a column header to sort',
	'grid.row': '#',
	'grid.loading': 'Loading rows…',
	'grid.outOfMemory':
		'The analysis engine ran out of memory showing these rows. Reload the page; if the file is very wide or large, remove the columns you do not need (in Excel) and load it again. Your file was not changed.',
	'grid.empty': 'No rows.',
	'grid.raw': 'Raw data',
	'grid.preparing': 'Reading every column of {file}…',
	'grid.customers': 'Customers',

	'state.loading': 'Loading…',
	'state.noData': 'No data yet. Open a file or load the sample data.',
	'state.dismiss': 'Dismiss'
} satisfies Record<string, string>;

const zh: Record<keyof typeof en, string> = {
	'app.title': 'Clientele 客户分析工作台',
	'app.tagline': '客户细分与分析——数据只在本浏览器中处理，不会上传',
	'app.language': '语言',
	'app.engine.starting': '正在启动分析引擎…',
	'app.engine.ready': '分析引擎已就绪（离线）',
	'app.engine.failed': '分析引擎无法启动',
	'app.engineHint': 'DuckDB 在本浏览器标签页的后台线程中运行：数据不会发送到任何地方。',
	'nav.import': '导入',
	'nav.data': '数据',
	'nav.rfm': 'RFM 分群',

	'kind.empty': '空',
	'kind.date': '日期',
	'kind.integer': '整数',
	'kind.number': '数值',
	'kind.text': '文本',

	'grid.rows': '{rows} 行',
	'grid.sortHint': '点击列标题排序',
	'grid.row': '#',
	'grid.loading': '正在加载…',
	'grid.outOfMemory': '分析引擎在显示这些行时内存不足。请重新载入页面；如果文件很宽或很大，请先（在 Excel 中）删去不需要的列再重新载入。您的文件没有被修改。',
	'grid.empty': '没有数据。',
	'grid.raw': '原始数据',
	'grid.preparing': '正在读取 {file} 的全部列…',
	'grid.customers': '客户',

	'state.loading': '加载中…',
	'state.noData': '还没有数据。请打开文件或加载示例数据。',
	'state.dismiss': '关闭'
};

export const appMessages = { en, zh };

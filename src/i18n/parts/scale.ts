/** Messages of the page's memory ceiling (core/import/memory-ceiling.ts, views/import/SizePrompt.svelte). */
const en = {
	'scale.askTitle': '{file} is {size}: more than this page can hold',
	'scale.askBody':
		'The analysis engine in a browser tab holds about {limit} of CSV text; past that it runs out of memory part-way through reading, after minutes. Your current data stays as it is either way.',
	'scale.commandHead': 'The same analysis on native DuckDB (on this computer, no size limit but its memory; replace COLUMN with the file’s column names):',
	'scale.stop': 'Stop — I will use the command line',
	'scale.continue': 'Try in the browser anyway',
	'scale.copy': 'Copy the command',
	'scale.copied': 'Copied',
	'scale.hint': 'Or make the file smaller: keep only the columns you need, export a shorter date range, or split it by month.'
};

const zh: Record<keyof typeof en, string> = {
	'scale.askTitle': '{file} 有 {size}，超出本页能处理的大小',
	'scale.askBody': '浏览器标签页中的分析引擎最多能容纳约 {limit} 的 CSV 文本；更大的文件会在读取几分钟后因内存不足而中断。无论如何选择，当前数据都保持不变。',
	'scale.commandHead': '在本机用原生 DuckDB 运行同样的分析（不受浏览器限制，只受本机内存限制；请把 COLUMN 换成文件中的列名）：',
	'scale.stop': '停止——改用命令行',
	'scale.continue': '仍在浏览器中尝试',
	'scale.copy': '复制命令',
	'scale.copied': '已复制',
	'scale.hint': '也可以把文件变小：只保留需要的列、导出更短的日期范围，或按月拆分。'
};

export const scaleMessages = { en, zh };

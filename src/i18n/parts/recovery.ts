/** Issue 11 §4, nothing lost: the engine's recovery after it broke, .gz progress, wide files. */
const en = {
	'engine.restarted':
		'The analysis engine ran out of memory and was restarted. The file loaded before was read again, with your column choices.',
	'engine.reloadNeeded':
		'The analysis engine stopped and could not read {file} again. Reload the page (your files are not changed) and load the file again.',
	'import.gzProgress':
		'Progress counts the compressed file ({size} compressed, {inflated} once decompressed).',
	'import.previewColumns': 'Columns {from}–{to} of {total}',
	'role.search': 'Find a column (of {count})'
} satisfies Record<string, string>;

const zh: Record<keyof typeof en, string> = {
	'engine.restarted': '分析引擎内存不足，已自动重启；之前导入的文件已按您的列设置重新读取。',
	'engine.reloadNeeded':
		'分析引擎已停止，无法重新读取 {file}。请刷新页面（您的文件不会被修改），再重新导入。',
	'import.gzProgress': '进度按压缩文件计算（压缩后 {size}，解压后 {inflated}）。',
	'import.previewColumns': '第 {from}–{to} 列，共 {total} 列',
	'role.search': '查找列（共 {count} 列）'
};

export const recoveryMessages = { en, zh };

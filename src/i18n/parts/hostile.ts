/**
 * Messages for files that are not what they seem and for failures inside the engine: one sentence
 * each, naming the file and saying what to load instead (core/import/file-signature.ts,
 * core/xlsx/zip-directory.ts, core/import/gzip-guard.ts, core/user-error.ts).
 */
const en = {
	'file.image':
		'{file} is a {format} image, not a table. Export the data itself from the system it came from, as CSV or Excel (.xlsx).',
	'file.pdf':
		'{file} is a PDF document, not a table. Export the data as CSV or Excel (.xlsx) from the system that made the PDF.',
	'file.zip':
		'{file} is a ZIP archive, not an Excel workbook (files inside: {count} — {list}). Unzip it and load the CSV or .xlsx inside.',
	'file.archive': '{file} is a {format} archive. Unpack it and load the CSV or .xlsx inside.',
	'file.gzipName':
		'{file} is gzip-compressed but its name does not end in .gz. Rename it to end in .csv.gz (or unpack it) and load it again.',
	'file.badGzip':
		'The compressed file {file} is damaged or ends early. Download or copy it again, then load the new copy.',
	'file.bomb':
		'{file} unpacks to {size} or more — more than the analysis engine can hold ({limit}). Filter or split the export (by month, say), or unpack it and load a part.',
	'file.binary':
		'{file} is binary data (a program, database or damaged file), not text. Load a CSV or Excel (.xlsx) export instead.',
	'file.html':
		'{file} is a web page (HTML), not a CSV — some “export to Excel” buttons write one. Open it in Excel and save it as “CSV UTF-8” or .xlsx, then load that.',
	'file.json': '{file} is JSON, not a table. Export the data as CSV or Excel (.xlsx) instead.',
	'file.xmlSheet':
		'{file} is an Excel 2003 XML spreadsheet, which Clientele cannot read. Open it in Excel and save it as .xlsx or “CSV UTF-8”.',
	'xlsx.tooLarge':
		'Sheet “{sheet}” of {file} is too large to read here: {cells} cells (at most {limit}). Save it as “CSV UTF-8” in Excel and load the CSV.',
	'engine.outOfMemory':
		'The analysis engine ran out of memory while reading {file}. Load a smaller file (filter or split the export), or close other tabs and try again.',
	'engine.tooLarge':
		'{file} is too large for this browser to handle as one piece. Split the export into smaller files (by month, say) and load them one at a time.',
	'engine.lineTooLong':
		'A line of {file} is too long to read (a cell of many megabytes, or a quote that is never closed). Check the file in a text editor and save it again as CSV.',
	'engine.unclosedQuote':
		'{file} has a quote (") that is never closed, so the rest of the file reads as one cell. Fix that cell in Excel or a text editor and save it again as CSV.',
	'engine.csvFailed':
		'{file} could not be read as a CSV table: its rows do not split into the same columns. Open it in Excel and save it as “CSV UTF-8”, then load that.',
	'engine.unexpected':
		'Something went wrong inside the analysis engine; your file was not changed. Try again; if it happens again, reload the page.'
} satisfies Record<string, string>;

const zh: Record<keyof typeof en, string> = {
	'file.image': '{file} 是一张 {format} 图片，不是数据表。请从原系统导出数据本身（CSV 或 Excel .xlsx）。',
	'file.pdf': '{file} 是 PDF 文档，不是数据表。请从生成该 PDF 的系统导出 CSV 或 Excel（.xlsx）文件。',
	'file.zip': '{file} 是 ZIP 压缩包，不是 Excel 工作簿（内含 {count} 个文件：{list}）。请解压后导入其中的 CSV 或 .xlsx 文件。',
	'file.archive': '{file} 是 {format} 压缩包。请解压后导入其中的 CSV 或 .xlsx 文件。',
	'file.gzipName': '{file} 是 gzip 压缩文件，但文件名不以 .gz 结尾。请改名为以 .csv.gz 结尾（或先解压），再导入。',
	'file.badGzip': '压缩文件 {file} 已损坏或不完整。请重新下载或复制一份，再导入新文件。',
	'file.bomb':
		'{file} 解压后至少有 {size}，超出分析引擎能容纳的大小（{limit}）。请筛选或拆分导出（例如按月），或解压后导入其中一部分。',
	'file.binary': '{file} 是二进制数据（程序、数据库或已损坏的文件），不是文本。请改为导入 CSV 或 Excel（.xlsx）导出文件。',
	'file.html':
		'{file} 是网页（HTML），不是 CSV——有些“导出为 Excel”按钮生成的就是网页。请用 Excel 打开并另存为“CSV UTF-8”或 .xlsx，再导入。',
	'file.json': '{file} 是 JSON 数据，不是表格。请改为导出 CSV 或 Excel（.xlsx）文件。',
	'file.xmlSheet': '{file} 是 Excel 2003 XML 表格，无法直接读取。请用 Excel 打开并另存为 .xlsx 或“CSV UTF-8”。',
	'xlsx.tooLarge':
		'{file} 的工作表“{sheet}”太大，无法在此读取：共 {cells} 个单元格（上限 {limit}）。请在 Excel 中另存为“CSV UTF-8”，再导入 CSV。',
	'engine.outOfMemory': '读取 {file} 时分析引擎内存不足。请导入较小的文件（筛选或拆分导出），或关闭其他标签页后重试。',
	'engine.tooLarge': '{file} 太大，本浏览器无法一次处理。请把导出拆成较小的文件（例如按月），逐个导入。',
	'engine.lineTooLong':
		'{file} 中有一行过长，无法读取（某个单元格有数兆字节，或有引号未闭合）。请用文本编辑器检查后重新保存为 CSV。',
	'engine.unclosedQuote':
		'{file} 中有一个引号（"）没有闭合，导致后面的内容都被读成一个单元格。请在 Excel 或文本编辑器中修正该单元格，再保存为 CSV。',
	'engine.csvFailed': '无法把 {file} 读成 CSV 表格：各行拆分出的列不一致。请用 Excel 打开并另存为“CSV UTF-8”，再导入。',
	'engine.unexpected': '分析引擎内部出错，您的文件没有被修改。请重试；若仍出错，请刷新页面。'
};

export const hostileMessages = { en, zh };

/**
 * Messages for Excel workbooks.
 * en.ts and zh-CN.ts assemble the parts; `zh` has exactly the keys of `en` (type-checked).
 */
const en = {
	'xlsx.hint':
		'Excel workbooks (.xlsx, .xlsm) are read directly, in this browser. Older .xls, WPS .et, .ods or Numbers files: save them as .xlsx or “CSV UTF-8” first.',
	'xlsx.sheet': 'Sheet',
	'xlsx.drop': 'Drop a CSV file or an Excel workbook here (.csv, .csv.gz, .xlsx, .xlsm)',
	'xlsx.sheetOption': '{sheet} · rows: {rows}',
	'xlsx.sheetEmpty': '{sheet} (empty)',
	'xlsx.sheetCount': 'This workbook has {count} sheets.',
	'xlsx.sheetCountDefault':
		'This workbook has {count} sheets; the first one with data was read. Choose another to read it instead.',
	'xlsx.legacy':
		'{file} is a legacy Excel 97–2003 workbook (.xls), which Clientele cannot read. Open it in Excel or WPS and choose File → Save As → “Excel Workbook (*.xlsx)” or “CSV UTF-8 (comma delimited) (*.csv)”, then load the new file.',
	'xlsx.otherFormat':
		'{file} is a {format} spreadsheet, which Clientele cannot read. Save it as an Excel workbook (.xlsx) or as “CSV UTF-8” (File → Save As / Export), then load the new file.',
	'xlsx.encrypted':
		'{file} is password-protected (encrypted), so it cannot be read. Open it in Excel, remove the password (File → Info → Protect Workbook → Encrypt with Password, clear the box), save it, and load it again — or save a copy as “CSV UTF-8”.',
	'xlsx.corrupt':
		'{file} is not a readable Excel workbook: the file is damaged or incomplete (it is not a valid ZIP archive). Copy or download it again, or open it in Excel and save it as .xlsx or “CSV UTF-8”.',
	'xlsx.invalid':
		'{file} could not be read as an Excel workbook ({detail}). Open it in Excel and save it again as .xlsx, or as “CSV UTF-8”.',
	'xlsx.noSheet': 'There is no sheet “{sheet}” in {file}. Sheets: {list}.',
	'xlsx.emptySheet':
		'Sheet “{sheet}” of {file} is empty. Choose the sheet that holds the transactions.',
	'xlsx.noData': 'Every sheet of {file} is empty: there is nothing to read.',
	'xlsx.readFailed': 'Could not read sheet “{sheet}” of {file}: {detail}',
	'xlsx.notWorkbook': '--sheet applies to Excel workbooks (.xlsx, .xlsm) only; {file} is not one.'
} satisfies Record<string, string>;

const zh: Record<keyof typeof en, string> = {
	'xlsx.hint':
		'Excel 工作簿（.xlsx、.xlsm）可直接在本浏览器中读取。旧版 .xls、WPS .et、.ods 或 Numbers 文件，请先另存为 .xlsx 或“CSV UTF-8”。',
	'xlsx.sheet': '工作表',
	'xlsx.drop': '把 CSV 文件或 Excel 工作簿拖到这里（支持 .csv、.csv.gz、.xlsx、.xlsm）',
	'xlsx.sheetOption': '{sheet} · {rows} 行',
	'xlsx.sheetEmpty': '{sheet}（空）',
	'xlsx.sheetCount': '该工作簿共有 {count} 个工作表。',
	'xlsx.sheetCountDefault':
		'该工作簿共有 {count} 个工作表，已读取第一个有数据的工作表；如需读取其他工作表，请在此选择。',
	'xlsx.legacy':
		'{file} 是旧版 Excel 97–2003 工作簿（.xls），无法直接读取。请用 Excel 或 WPS 打开，选择“文件 → 另存为 → Excel 工作簿 (*.xlsx)”或“CSV UTF-8（逗号分隔）(*.csv)”，再导入新文件。',
	'xlsx.otherFormat':
		'{file} 是 {format} 格式的表格，无法直接读取。请先另存为 Excel 工作簿（.xlsx）或“CSV UTF-8”（文件 → 另存为/导出），再导入新文件。',
	'xlsx.encrypted':
		'{file} 设有打开密码（已加密），无法读取。请在 Excel 中打开，取消密码（文件 → 信息 → 保护工作簿 → 用密码进行加密，清空密码）后保存再导入；或另存一份“CSV UTF-8”文件。',
	'xlsx.corrupt':
		'{file} 不是可读取的 Excel 工作簿：文件已损坏或不完整（不是有效的 ZIP 压缩包）。请重新复制或下载该文件，或用 Excel 打开后另存为 .xlsx 或“CSV UTF-8”。',
	'xlsx.invalid':
		'{file} 无法按 Excel 工作簿读取（{detail}）。请用 Excel 打开后重新另存为 .xlsx 或“CSV UTF-8”。',
	'xlsx.noSheet': '{file} 中没有名为“{sheet}”的工作表。现有工作表：{list}。',
	'xlsx.emptySheet': '{file} 的工作表“{sheet}”是空的。请选择存放交易明细的工作表。',
	'xlsx.noData': '{file} 的所有工作表都是空的，没有可读取的数据。',
	'xlsx.readFailed': '无法读取 {file} 的工作表“{sheet}”：{detail}',
	'xlsx.notWorkbook': '--sheet 只适用于 Excel 工作簿（.xlsx、.xlsm）；{file} 不是工作簿。'
};

export const xlsxMessages = { en, zh };

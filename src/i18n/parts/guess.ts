/**
 * Messages of "never guess silently" and "nothing lost" (issue 11): stray dates and the default
 * as-of date, the day/month decision, files with no purchases, and command-line flags that conflict
 * or would lose data. `zh` has exactly the keys of `en` (type-checked).
 */
const en = {
	'asof.strays':
		'{file}: {count} rows are dated after {lastDay} — in the future (today is {today}) or far after the rest of the data — and look like typing errors ({days}; first at rows {rows}). The default as-of date {asOf} leaves them out; set the date yourself to include them.',
	'asof.beforeFirst':
		'--as-of {asOf} is on or before the first purchase ({first}) in {file}: no customer has bought yet. Choose a day after {first}.',
	'rfm.noPurchases':
		'No row is a purchase — every amount is zero or negative (returns only) — so frequency and spend cannot be scored. Check the amount column, or how returns are counted.',
	'dates.dayMonthUndecided':
		'{file}, column {column}: every date reads both as day/month and as month/day (e.g. {value}: {dmy} or {mdy}). Choose how to read them before the analysis runs.',
	'dates.cli.dayMonthUndecided':
		'{file}, column {column}: every date reads both as day/month and as month/day (e.g. {value}: {dmy} or {mdy}). Say which with --date-format DD/MM/YYYY or --date-format MM/DD/YYYY.',
	'dates.mixedOrder':
		'{file}, column {column}: the dates are written in both orders — row {dmyRow} ({dmyValue}) can only be day/month, row {mdyRow} ({mdyValue}) only month/day. Export the file again with one date order; no row was dropped.',
	'cli.outIsInput': '--{option} {out} is an input file of this command: writing the result would destroy it. Choose another output file.',
	'cli.cannotWrite': 'cannot write {file}: {detail}. Choose an --out in a folder you can write to (checked before the analysis ran).',
	'cli.amountWithQtyPrice':
		'--amount cannot be combined with --{other}: the amount is read from one column, or computed as quantity × price. Give --amount COL, or --quantity COL and --price COL.',
	'cli.qtyPricePair': '--{given} needs --{missing} (amount = quantity × price). Add --{missing} COL, or give --amount COL instead.',
	'cli.binsNoEffect':
		'--bins {bins} has no effect: every score uses {method}, which always splits into fixed groups. Drop --bins, or choose --method ntile or r-rfm.',
} satisfies Record<string, string>;

const zh: Record<keyof typeof en, string> = {
	'asof.strays':
		'{file}：有 {count} 行的日期晚于 {lastDay}——在未来（今天是 {today}）或远晚于其余数据——疑似录入错误（{days}；最先出现在第 {rows} 行）。默认基准日 {asOf} 未计入这些行；如需计入，请自行设置日期。',
	'asof.beforeFirst': '--as-of {asOf} 不晚于 {file} 中的第一笔购买（{first}）：那时还没有客户购买。请选择 {first} 之后的日期。',
	'rfm.noPurchases':
		'没有一行是购买——所有金额都为零或负数（只有退货）——无法计算购买频次和金额。请检查金额列，或退货的计算方式。',
	'dates.dayMonthUndecided':
		'{file} 的 {column} 列：所有日期既可理解为“日/月”，也可理解为“月/日”（例如 {value}：{dmy} 或 {mdy}）。请在分析之前选择读法。',
	'dates.cli.dayMonthUndecided':
		'{file} 的 {column} 列：所有日期既可理解为“日/月”，也可理解为“月/日”（例如 {value}：{dmy} 或 {mdy}）。请用 --date-format DD/MM/YYYY 或 --date-format MM/DD/YYYY 指明。',
	'dates.mixedOrder':
		'{file} 的 {column} 列：日期混用了两种顺序——第 {dmyRow} 行（{dmyValue}）只能是“日/月”，第 {mdyRow} 行（{mdyValue}）只能是“月/日”。请用统一的日期顺序重新导出文件；没有删除任何行。',
	'cli.outIsInput': '--{option} {out} 是本命令的输入文件：写入结果会毁掉它。请换一个输出文件。',
	'cli.cannotWrite': '无法写入 {file}：{detail}。请为 --out 选择可写的文件夹（已在分析之前检查）。',
	'cli.amountWithQtyPrice':
		'--amount 不能与 --{other} 同时使用：金额要么读自一列，要么按 数量 × 单价 计算。请给出 --amount 列名，或 --quantity 列名 和 --price 列名。',
	'cli.qtyPricePair': '--{given} 需要同时给出 --{missing}（金额 = 数量 × 单价）。请添加 --{missing} 列名，或改用 --amount 列名。',
	'cli.binsNoEffect': '--bins {bins} 不起作用：所有评分都使用 {method}，它总是分成固定的组。请去掉 --bins，或选择 --method ntile 或 r-rfm。',
};

export const guessMessages = { en, zh };

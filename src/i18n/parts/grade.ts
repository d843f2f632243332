/**
 * Messages of grading standards (分级标准): the standard's checks, the grade view, the CLI's words.
 * en.ts and zh-CN.ts assemble the parts; `zh` has exactly the keys of `en` (type-checked).
 */
const en = {
	'grade.std.notJson':
		'The standard is not valid JSON ({detail}). Save it from the grade view or write it as the README shows.',
	'grade.std.notObject': 'In the standard, {path} must be an object ({ … }).',
	'grade.std.notText': 'In the standard, {path} must be a non-empty text.',
	'grade.std.notNumber': 'In the standard, {path} must be a number, not {value}.',
	'grade.std.badWeight':
		'The weight of indicator “{indicator}” must be 0 or more (percent), not {value}.',
	'grade.std.notList': 'In the standard, {path} must be a non-empty list ([ … ]).',
	'grade.std.badChoice': 'In the standard, {path} is {value}; write one of {list}.',
	'grade.std.badRule':
		'In the standard, {path} must be {"thresholds": [t1, …], "points": [p0, …]}, {"quantiles": k} or {"minmax": {"clip": [0.01, 0.99]}}.',
	'grade.std.thresholds':
		'The thresholds of indicator “{indicator}” must rise strictly (t1 < t2 < …).',
	'grade.std.pointsCount':
		'Indicator “{indicator}” has {thresholds} thresholds and {points} points; it needs {needed} points (one below the first threshold, one per threshold).',
	'grade.std.pointsRange': 'Points of indicator “{indicator}” must be from 0 to 100, not {value}.',
	'grade.std.quantiles':
		'Indicator “{indicator}”: quantiles must be a whole number from 2 to 100, not {value}.',
	'grade.std.clip':
		'Indicator “{indicator}”: clip must be two shares 0 ≤ low < high ≤ 1, not {value}.',
	'grade.std.collision':
		'An indicator cannot be named “{name}”: the output already has that column. Names to avoid: {list}.',
	'grade.std.duplicate': 'Indicator “{name}” is listed twice. Each indicator may appear once.',
	'grade.std.noIndicators': 'The standard has no indicators. Add at least one.',
	'grade.std.weights': 'The weights of a weighted standard must add up to more than 0.',
	'grade.std.noTiers': 'The standard has no tiers. Add at least one, with min 0.',
	'grade.std.lowestTier':
		'The lowest tier “{tier}” starts at {min}; it must start at 0 so that every graded customer gets a tier.',
	'grade.std.tierName':
		'Tier “{name}” uses a name kept for ABC classes (A, B, C). Choose another name, e.g. VIP or 重要.',
	'grade.std.tierDuplicate':
		'Two tiers share “{value}”. Tier names and minimum totals must each be different.',
	'grade.std.tierRange':
		'Tier “{tier}” starts at {min}, outside the totals this method gives (0–{max}).',
	'grade.badStandardFile': 'Standard {file}: {detail}',
	'grade.needsCost':
		'Indicator “{name}” needs a cost column: map one on import (CLI: --cost COL), or remove the indicator.',
	'grade.needsClv':
		'Indicator “{name}” needs the CLV model: fit it in the Value view first (the CLI fits it itself).',
	'grade.needsSurvey':
		'Indicator “{name}” needs survey answers with that question: load a survey file and map its column (CLI: --surveys FILE --surveys-id COL and --recommend COL or --csat COL).',
	'grade.profileNotNumeric':
		'Profile column “{name}” is not numeric, so it cannot be an indicator.',
	'grade.unknownIndicator':
		'“{name}” is not an indicator. Use one of: {list} (or a numeric column of the customer profiles).',
	'grade.failed': 'Grading failed: {detail}',
	'grade.surveyDates':
		'{file}: column {column} (--surveys-date) does not hold dates in a format we can read.',
	'grade.reason.total': 'total',
	'grade.reason.ungraded': 'not graded, missing:'
};

const zh: Record<keyof typeof en, string> = {
	'grade.std.notJson':
		'分级标准不是有效的 JSON（{detail}）。请从“客户分级”页保存，或按 README 的格式编写。',
	'grade.std.notObject': '分级标准中 {path} 必须是对象（{ … }）。',
	'grade.std.notText': '分级标准中 {path} 必须是非空文本。',
	'grade.std.notNumber': '分级标准中 {path} 必须是数字，而不是 {value}。',
	'grade.std.badWeight': '指标“{indicator}”的权重必须不小于 0（百分比），而不是 {value}。',
	'grade.std.notList': '分级标准中 {path} 必须是非空列表（[ … ]）。',
	'grade.std.badChoice': '分级标准中 {path} 为 {value}；请写 {list} 之一。',
	'grade.std.badRule':
		'分级标准中 {path} 必须是 {"thresholds": [t1, …], "points": [p0, …]}、{"quantiles": k} 或 {"minmax": {"clip": [0.01, 0.99]}}。',
	'grade.std.thresholds': '指标“{indicator}”的阈值必须严格递增（t1 < t2 < …）。',
	'grade.std.pointsCount':
		'指标“{indicator}”有 {thresholds} 个阈值和 {points} 个分值；需要 {needed} 个分值（低于第一个阈值一个，每个阈值一个）。',
	'grade.std.pointsRange': '指标“{indicator}”的分值必须在 0 到 100 之间，而不是 {value}。',
	'grade.std.quantiles': '指标“{indicator}”：分位组数必须是 2 到 100 的整数，而不是 {value}。',
	'grade.std.clip': '指标“{indicator}”：截尾须为两个比例，0 ≤ 下限 < 上限 ≤ 1，而不是 {value}。',
	'grade.std.collision': '指标不能命名为“{name}”：输出中已有同名列。需避开的名称：{list}。',
	'grade.std.duplicate': '指标“{name}”出现了两次，每个指标只能出现一次。',
	'grade.std.noIndicators': '分级标准没有指标，请至少添加一个。',
	'grade.std.weights': '加权法的权重之和必须大于 0。',
	'grade.std.noTiers': '分级标准没有等级，请至少添加一个，且最低分为 0。',
	'grade.std.lowestTier':
		'最低等级“{tier}”从 {min} 分开始；它必须从 0 开始，才能让每位参与分级的客户都有等级。',
	'grade.std.tierName':
		'等级“{name}”使用了 ABC 分类保留的名称（A、B、C），请改用其他名称，如 VIP 或 重要。',
	'grade.std.tierDuplicate': '有两个等级同为“{value}”。等级名称和最低分都必须各不相同。',
	'grade.std.tierRange': '等级“{tier}”从 {min} 分开始，超出了该方法总分的范围（0–{max}）。',
	'grade.badStandardFile': '分级标准 {file}：{detail}',
	'grade.needsCost':
		'指标“{name}”需要成本列：请在导入时映射成本列（命令行：--cost COL），或删除该指标。',
	'grade.needsClv': '指标“{name}”需要 CLV 模型：请先在“客户价值”页拟合（命令行会自动拟合）。',
	'grade.needsSurvey':
		'指标“{name}”需要含该题的问卷答案：请加载问卷文件并映射该列（命令行：--surveys FILE --surveys-id COL，以及 --recommend COL 或 --csat COL）。',
	'grade.profileNotNumeric': '客户档案列“{name}”不是数值列，不能作为指标。',
	'grade.unknownIndicator': '“{name}”不是可用指标。可用：{list}（或客户档案中的数值列）。',
	'grade.failed': '分级失败：{detail}',
	'grade.surveyDates': '{file}：列 {column}（--surveys-date）不是可识别格式的日期。',
	'grade.reason.total': '总分',
	'grade.reason.ungraded': '未分级，缺少：'
};

export const gradeMessages = { en, zh };

/**
 * Messages for the plan evaluation's migration between groups (the evaluation panel's matrix and
 * `evaluate --migration`). en.ts and zh-CN.ts assemble the parts; `zh` has exactly the keys of `en`.
 */
const en = {
	'evaluate.migration.title': 'Migration between groups',
	'evaluate.migration.intro':
		'Each customer’s group in the action list against the group the same settings give at the after period’s last day, {asOf}. Rows: the group at the start; columns: the group then; colour: the share of the row.',
	'evaluate.migration.orderNote': 'Up and down follow the groups’ order, best first: {order}.',
	'evaluate.migration.stageNote': 'Stages have no value order; up means more engaged: active > new > silent > churned > potential.',
	'evaluate.migration.noOrder': 'Segments have no order: a customer stays or changes.',
	'evaluate.migration.moves': '{side}: {up} up ({upShare}) · {same} same ({sameShare}) · {down} down ({downShare}) · {changed} other',
	'evaluate.migration.changes': '{side}: {same} same ({sameShare}) · {changed} changed ({changedShare})',
	'evaluate.migration.movesCli': '{side}: {up} up, {same} same, {down} down, {changed} other of {total} (groups at {asOf})',
	'evaluate.migration.changesCli': '{side}: {same} same, {changed} changed of {total} (groups at {asOf})',
	'evaluate.migration.contacted': 'Contacted',
	'evaluate.migration.control': 'Control',
	'evaluate.migration.everyone': 'Everyone',
	'evaluate.migration.export': 'Export matrix CSV',
	'evaluate.migration.show': 'Matrix of',
	'evaluate.migration.from': 'Group in the action list',
	'evaluate.migration.to': 'Group at {asOf}',
	'evaluate.migration.rowShare': 'Share of the row',
	'evaluate.migration.customers': 'Customers',
	'evaluate.migration.none': 'not in the data',
	'evaluate.migration.unavailable':
		'Migration is computed for RFM segments, lifecycle stages and tiers (with the grading tab’s last applied standard: apply one there first). Value-matrix quadrants are not recomputed: their model is fitted on a window of its own, not at a date.',
	'evaluate.migration.fileNote': 'An uploaded list’s groups are recomputed with the basis and settings of this plan view: choose the ones the list was made with.',
	'evaluate.migrationQuadrant':
		'Migration is not computed for value-matrix quadrants: they come from a model fitted on a window of its own, not from an as-of date, so there are no “same settings” at the end. Use --basis segment, tier or stage.',
	'evaluate.migrationTierClv':
		'The grading standard uses “{name}”, which comes from a CLV model fitted on a window of its own: the page does not refit it at the after period’s end, so tiers are not recomputed here. Use the CLI (evaluate --migration FILE --basis tier with the standard and its CLV flags), or a standard without CLV indicators.',
	'evaluate.migrationNoMatch':
		'None of the action list’s groups ({groups}) is a {basis} group of these settings ({names}). Give --basis and the settings the list was made with.'
};

const zh: Record<keyof typeof en, string> = {
	'evaluate.migration.title': '分组迁移',
	'evaluate.migration.intro': '每位客户在行动清单中的分组，对比以相同设置在开始后周期最后一天（{asOf}）重新计算的分组。行：开始时的分组；列：届时的分组；颜色：占该行的比例。',
	'evaluate.migration.orderNote': '上升与下降按分组顺序（由好到差）判断：{order}。',
	'evaluate.migration.stageNote': '生命周期阶段没有价值顺序；“上升”表示更活跃：活跃 > 新 > 沉默 > 流失 > 潜在。',
	'evaluate.migration.noOrder': 'RFM 分群没有顺序：客户只有“不变”或“变化”。',
	'evaluate.migration.moves': '{side}：上升 {up}（{upShare}）· 不变 {same}（{sameShare}）· 下降 {down}（{downShare}）· 其他 {changed}',
	'evaluate.migration.changes': '{side}：不变 {same}（{sameShare}）· 变化 {changed}（{changedShare}）',
	'evaluate.migration.movesCli': '{side}：共 {total} 人，上升 {up}，不变 {same}，下降 {down}，其他 {changed}（{asOf} 的分组）',
	'evaluate.migration.changesCli': '{side}：共 {total} 人，不变 {same}，变化 {changed}（{asOf} 的分组）',
	'evaluate.migration.contacted': '触达组',
	'evaluate.migration.control': '对照组',
	'evaluate.migration.everyone': '全部客户',
	'evaluate.migration.export': '导出迁移矩阵 CSV',
	'evaluate.migration.show': '矩阵范围',
	'evaluate.migration.from': '行动清单中的分组',
	'evaluate.migration.to': '{asOf} 的分组',
	'evaluate.migration.rowShare': '占该行比例',
	'evaluate.migration.customers': '客户数',
	'evaluate.migration.none': '数据中无此客户',
	'evaluate.migration.unavailable':
		'分组迁移适用于当前行动清单的 RFM 分群、生命周期阶段和分级层级（按分级页最近应用的标准：请先在分级页应用一个标准）。价值矩阵象限不重新计算：其模型按自身的时间窗拟合，而非按某一日期。',
	'evaluate.migration.fileNote': '上传清单的分组按本方案视图当前的分组依据和设置重新计算：请选择生成该清单时的依据和设置。',
	'evaluate.migrationQuadrant': '价值矩阵象限不计算分组迁移：象限来自按自身时间窗拟合的模型，而非某一截止日期，因此期末不存在“相同设置”。请使用 --basis segment、tier 或 stage。',
	'evaluate.migrationTierClv':
		'分级标准使用了“{name}”，它来自按自身时间窗拟合的 CLV 模型：页面不会在后测期末重新拟合，因此这里不重新计算层级。请使用命令行（evaluate --migration FILE --basis tier，并给出分级标准及其 CLV 参数），或使用不含 CLV 指标的标准。',
	'evaluate.migrationNoMatch': '行动清单的分组（{groups}）都不是此设置下的{basis}分组（{names}）。请给出生成该清单时的 --basis 和设置。'
};

export const evaluateMigrationMessages = { en, zh };

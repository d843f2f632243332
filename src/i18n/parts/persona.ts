/**
 * Messages of personas (客户画像) and behaviour classes (按消费习惯/地理/兴趣分类): the CLI's words and
 * errors, the persona view. en.ts and zh-CN.ts assemble the parts; `zh` has exactly the keys of `en`.
 */
const en = {
	// errors
	'persona.noBasis': 'Name what puts customers in groups: --by segment|quadrant|tier|stage, or --by-column COL.',
	'persona.bothBases': 'Give either --by or --by-column, not both.',
	'persona.noColumn': 'The column "{column}" (--by-column) is neither a profile column nor a column of {file}. Columns: {list}.',
	// CLI notes
	'persona.noTimes': 'the dates carry no times of day: daypart and night_owl are not offered',
	'persona.small': 'group {group} has {count} customers (under {min}): too small to describe',
	'persona.skipped': 'profile column {column} is not described (a date, or text with more than {max} values)'
};

const zh: Record<keyof typeof en, string> = {
	'persona.noBasis': '请指定分组依据：--by segment|quadrant|tier|stage，或 --by-column 列名。',
	'persona.bothBases': '--by 与 --by-column 只能给出其一。',
	'persona.noColumn': '列“{column}”（--by-column）既不是档案列，也不在 {file} 中。现有列：{list}。',
	'persona.noTimes': '日期不含时刻：不提供时段与夜猫子分类',
	'persona.small': '分组 {group} 只有 {count} 位客户（少于 {min}）：人数太少，不宜描述',
	'persona.skipped': '档案列 {column} 未纳入画像（日期列，或取值超过 {max} 种的文本列）'
};

export const personaMessages = { en, zh };

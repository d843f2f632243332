/**
 * Messages for date formats and time zones.
 * en.ts and zh-CN.ts assemble the parts; `zh` has exactly the keys of `en` (type-checked).
 */
const en = {
	'dates.zone': 'Time zone',
	'dates.zoneLocal': '{zone} (local)',
	'dates.zoneApplies':
		'Unix times and timestamps with a UTC offset are shown as clock time in this zone.',
	'dates.zoneNotApplied':
		'Dates without a UTC offset and Excel serial numbers are read as written: the zone does not shift them.',
	'dates.preview': '{value} → {wall}',
	'dates.kind.unix-s': 'Unix time in seconds',
	'dates.kind.unix-ms': 'Unix time in milliseconds',
	'dates.kind.excel-serial': 'Excel serial day numbers',
	'dates.instant': 'with UTC offset',
	'dates.ask': 'Day and month cannot be told apart in this file. How should {value} be read?',
	'dates.readingDmy': '{date} (day/month)',
	'dates.readingMdy': '{date} (month/day)',
	'dates.summaryZone': 'Times in {zone}',
	'dates.cli.badZone': '--tz {value}: not a time zone name. Use an IANA name, e.g. {examples}',
	'dates.cli.badFormat': '--date-format {value}: choose one of {list}'
} satisfies Record<string, string>;

const zh: Record<keyof typeof en, string> = {
	'dates.zone': '时区',
	'dates.zoneLocal': '{zone}（本机）',
	'dates.zoneApplies': 'Unix 时间和带 UTC 偏移的时间戳按此时区的当地时间显示。',
	'dates.zoneNotApplied': '不带 UTC 偏移的日期和 Excel 序列号按原样读取，时区不会改变它们。',
	'dates.preview': '{value} → {wall}',
	'dates.kind.unix-s': 'Unix 时间（秒）',
	'dates.kind.unix-ms': 'Unix 时间（毫秒）',
	'dates.kind.excel-serial': 'Excel 日期序列号',
	'dates.instant': '带 UTC 偏移',
	'dates.ask': '无法从文件中判断日和月的顺序。{value} 应理解为：',
	'dates.readingDmy': '{date}（日/月）',
	'dates.readingMdy': '{date}（月/日）',
	'dates.summaryZone': '时间按 {zone}',
	'dates.cli.badZone': '--tz {value}：不是有效的时区名称。请使用 IANA 名称，例如 {examples}',
	'dates.cli.badFormat': '--date-format {value}：请从 {list} 中选择'
};

export const datesTzMessages = { en, zh };

/** The README section on the English twin (public/sample/en/), with its value tables. */

import { englishGlossary, type SampleTable } from './english.ts';

const HEADERS: Record<SampleTable, readonly string[]> = {
	transactions: ['订单号', '客户编号', '下单时间', '商品类别', '数量', '单价', '实付金额', '渠道', '城市'],
	customers: ['客户编号', '姓名', '性别', '年龄段', '城市', '注册日期', '会员等级'],
	touchpoints: ['客户编号', '时间', '触点', '渠道', '阶段', '满意度', '结果'],
	surveys: ['客户编号', '日期', 'NPS', 'CSAT', 'CES', '评论', '地区', '业务线']
};

function valueTable(table: SampleTable, header: readonly string[]): string {
	const byColumn = new Map<number, string[]>();
	for (const [i, zh, en] of englishGlossary(table)) {
		const cell = `${zh.replaceAll('\n', '⏎')} → ${en.replaceAll('\n', '⏎')}`;
		byColumn.set(i, [...(byColumn.get(i) ?? []), cell]);
	}
	const rows = [...byColumn].map(([i, cells]) => `| ${header[i] ?? i} | ${cells.join('; ').replaceAll('|', '\\|')} |`);
	return `**${table}.csv**\n\n| 列 | 中文 → English |\n| --- | --- |\n${rows.join('\n')}`;
}

export function englishReadme(): string {
	const tables = (Object.keys(HEADERS) as SampleTable[]).map((t) => valueTable(t, HEADERS[t]));
	return `## en/ — the English twin / 英文版

\`en/\` holds the same four files for the English UI ("Load the sample data" loads the twin of the
page's language). They have the same headers, rows, order, ids, names, times and numbers as the
Chinese files; only the categorical values below (and the survey comments, drawn from a fixed
list) are in English, one English value per Chinese value. The planted flaws are the same lines;
the unparseable order time reads \`TBC\`. The channel type is written \`online\` / \`offline\`, the
page's own channel words. A unit test (test/unit/scripts/sample-english.test.ts) checks the two
twins against each other.

英文界面加载 \`en/\` 中的英文版：表头、行、编号、姓名、时间和数字都与中文版相同，只有下列分类值
（以及来自固定列表的评论）译成英文，一一对应。

${tables.join('\n\n')}
`;
}

/**
 * Column roles of the two extra datasets (touchpoint events and survey answers) and a guess from
 * the header names (zh and en aliases) and the sniffed values. Pure: no DOM, no database.
 */
import { normalizeHeader } from '../csv/roles.ts';
import type { ColumnProfile } from '../csv/sniff.ts';

export type DatasetKind = 'touchpoints' | 'surveys';

export type TouchpointRoleName = 'customer' | 'date' | 'touchpoint' | 'channel' | 'stage' | 'score' | 'outcome' | 'segment';
export type SurveyRoleName = 'customer' | 'date' | 'nps' | 'csat' | 'ces' | 'comment' | 'region' | 'product';
export type DatasetRole = TouchpointRoleName | SurveyRoleName;

export interface RoleSpec {
	role: DatasetRole;
	required: boolean;
	/** What the values must look like for a guess. */
	kind: 'date' | 'number' | 'any';
}

export const DATASET_ROLES: Record<DatasetKind, readonly RoleSpec[]> = {
	touchpoints: [
		{ role: 'customer', required: true, kind: 'any' },
		{ role: 'date', required: true, kind: 'date' },
		{ role: 'touchpoint', required: true, kind: 'any' },
		{ role: 'channel', required: false, kind: 'any' },
		{ role: 'stage', required: false, kind: 'any' },
		{ role: 'score', required: false, kind: 'number' },
		{ role: 'outcome', required: false, kind: 'any' },
		{ role: 'segment', required: false, kind: 'any' }
	],
	surveys: [
		{ role: 'customer', required: false, kind: 'any' },
		{ role: 'date', required: false, kind: 'date' },
		{ role: 'nps', required: false, kind: 'number' },
		{ role: 'csat', required: false, kind: 'number' },
		{ role: 'ces', required: false, kind: 'number' },
		{ role: 'comment', required: false, kind: 'any' },
		{ role: 'region', required: false, kind: 'any' },
		{ role: 'product', required: false, kind: 'any' }
	]
};

/** Header aliases after normalizeHeader (lower case; spaces, _, - and . removed). Exact matches win. */
const ALIASES: Record<DatasetRole, readonly string[]> = {
	customer: ['customerid', 'customer', 'custid', 'clientid', 'memberid', 'userid', 'user', '客户编号', '客户id', '客户号', '客户', '会员号', '会员编号', '会员id', '用户id', '用户编号', '顾客编号'],
	date: ['timestamp', 'datetime', 'time', 'date', 'eventtime', 'eventdate', 'surveydate', 'responsedate', 'createdat', '时间', '日期', '发生时间', '事件时间', '接触时间', '调查日期', '填写时间', '提交时间', '回答日期'],
	touchpoint: ['touchpoint', 'touchpointname', 'touch', 'eventtype', 'event', 'source', 'contactpoint', 'interaction', '触点', '接触点', '触点名称', '事件', '来源'],
	channel: ['channel', 'channeltype', 'onlineoffline', 'medium', '渠道', '渠道类型', '线上线下'],
	stage: ['stage', 'journeystage', 'phase', 'step', '阶段', '旅程阶段', '接触阶段'],
	score: ['satisfaction', 'score', 'rating', 'emotion', 'sentiment', 'csat', '满意度', '评分', '打分', '情绪', '情感得分'],
	outcome: ['outcome', 'result', 'status', 'conversion', '结果', '状态', '处理结果'],
	segment: ['segment', 'customersegment', 'group', '细分', '客户细分', '分群', '客群'],
	nps: ['nps', 'npsscore', 'recommend', 'likelihoodtorecommend', 'ltr', '推荐意愿', '净推荐值', '推荐度', '推荐'],
	csat: ['csat', 'satisfaction', 'csatscore', 'rating', '满意度', '满意度评分', '满意'],
	ces: ['ces', 'effort', 'customereffort', 'effortscore', '费力度', '客户费力度', '费力', '便利度'],
	comment: ['comment', 'comments', 'feedback', 'text', 'verbatim', 'remark', '评论', '评价', '意见', '备注', '留言'],
	region: ['region', 'area', 'province', 'city', 'location', '地区', '区域', '大区', '省份', '城市'],
	product: ['product', 'businessline', 'businessunit', 'bu', 'line', 'category', 'productline', '业务线', '产品', '产品线', '事业部', '品类', '业务单元']
};

function nameScore(role: DatasetRole, header: string): number {
	const h = normalizeHeader(header);
	const list = ALIASES[role];
	const exact = list.indexOf(h);
	if (exact >= 0) return 100 - exact * 0.1;
	return list.some((a) => a.length >= 2 && h.includes(a)) ? 50 : 0;
}

function fits(spec: RoleSpec, c: ColumnProfile): boolean {
	if (c.kind === 'empty') return false;
	if (spec.kind === 'date') return c.date !== null && c.date.share >= 0.5;
	if (spec.kind === 'number') return c.number !== null && c.number.share >= 0.5 && c.kind !== 'date';
	return true;
}

export type DatasetRoles = Partial<Record<DatasetRole, string>>;

/**
 * Guesses roles from the headers: the best (role, column) pairs by name score, each column used
 * once. A role whose values don't fit (a date role on text) is not guessed.
 */
export function guessDatasetRoles(kind: DatasetKind, columns: readonly ColumnProfile[]): DatasetRoles {
	const pairs: { role: DatasetRole; col: string; score: number; order: number }[] = [];
	DATASET_ROLES[kind].forEach((spec, order) => {
		for (const c of columns) {
			const score = nameScore(spec.role, c.name);
			if (score > 0 && fits(spec, c)) pairs.push({ role: spec.role, col: c.name, score, order });
		}
	});
	pairs.sort((a, b) => b.score - a.score || a.order - b.order);
	const out: DatasetRoles = {};
	const used = new Set<string>();
	for (const p of pairs) {
		if (out[p.role] !== undefined || used.has(p.col)) continue;
		out[p.role] = p.col;
		used.add(p.col);
	}
	return out;
}

/** Required roles that are not mapped; a survey needs at least one of NPS, CSAT or CES. */
export function missingRoles(kind: DatasetKind, roles: DatasetRoles): DatasetRole[] {
	const missing = DATASET_ROLES[kind].filter((s) => s.required && !roles[s.role]).map((s) => s.role);
	if (kind === 'surveys' && !roles.nps && !roles.csat && !roles.ces) missing.push('nps');
	return missing;
}

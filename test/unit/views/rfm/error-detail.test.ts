import { describe, expect, it } from 'vitest';
import { ClienteleError, isClienteleError } from '../../../../src/core/errors.ts';
import { parseSegmentSetJson } from '../../../../src/core/segments/rules-json.ts';
import { resolveScoring } from '../../../../src/core/segments/scoring.ts';
import { translate } from '../../../../src/i18n/translate.ts';
import { errorMessage, localDetail } from '../../../../src/views/rfm/error-detail.ts';

const rule = { id: 'a', r: [1, 5], f: [1, 5], m: [1, 5] };
const set = (over: object) => JSON.stringify({ id: 's', rules: [rule], ...over });

function caught(f: () => unknown): ClienteleError {
	try {
		f();
	} catch (e) {
		if (isClienteleError(e)) return e;
		throw e;
	}
	throw new Error('no error thrown');
}

/** Every detail the core writes must be recognised, or the page would show English in zh. */
const CASES: [string, () => unknown, string][] = [
	['not JSON', () => parseSegmentSetJson('{'), '不是有效的 JSON'],
	['top level', () => parseSegmentSetJson('[]'), '必须是包含 "id" 和 "rules" 的对象'],
	['unknown field', () => parseSegmentSetJson(set({ x: 1 })), '未知字段'],
	['empty id', () => parseSegmentSetJson(set({ id: '' })), '必须是非空文本'],
	['rules not a list', () => parseSegmentSetJson(set({ rules: 3 })), '必须是规则列表'],
	['no rules', () => parseSegmentSetJson(set({ rules: [] })), '至少需要一条规则'],
	[
		'rule not an object',
		() => parseSegmentSetJson(set({ rules: [1] })),
		'必须是包含 id、r、f、m 的对象'
	],
	['reserved id', () => parseSegmentSetJson(set({ rules: [{ ...rule, id: 'others' }] })), '保留给'],
	['duplicate id', () => parseSegmentSetJson(set({ rules: [rule, rule] })), 'id "a" 重复'],
	[
		'bad range shape',
		() => parseSegmentSetJson(set({ rules: [{ ...rule, r: 3 }] })),
		'[最低分, 最高分]'
	],
	[
		'score out of range',
		() => parseSegmentSetJson(set({ rules: [{ ...rule, r: [0, 5] }] })),
		'1 到 10 之间的整数分值，实际为 0'
	],
	[
		'lowest above highest',
		() => parseSegmentSetJson(set({ rules: [{ ...rule, f: [3, 1] }] })),
		'最低分 3 高于最高分 1'
	],
	[
		'prospects not boolean',
		() => parseSegmentSetJson(set({ rules: [{ ...rule, prospects: 1 }] })),
		'true 或 false'
	],
	['bad levels', () => parseSegmentSetJson(set({ levels: 1 })), '2 到 10 之间的整数'],
	['above levels', () => parseSegmentSetJson(set({ levels: 2 })), '分值 5 超过了 levels = 2'],
	[
		'valuable not a list',
		() => parseSegmentSetJson(set({ valuable: 'a' })),
		'必须是规则 id 的列表'
	],
	[
		'valuable unknown id',
		() => parseSegmentSetJson(set({ valuable: ['b'] })),
		'没有 id 为 "b" 的规则'
	],
	[
		'too many cuts',
		() =>
			resolveScoring({ f: { method: 'thresholds', thresholds: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] } }),
		'最多 9 个分界点'
	],
	[
		'cuts out of order',
		() => resolveScoring({ f: { method: 'thresholds', thresholds: [5, 2] } }),
		'2 没有大于前一个值 5'
	],
	['no cuts', () => resolveScoring({ f: { method: 'thresholds' } }), '未填写分界点'],
	[
		'cut not a number',
		() => resolveScoring({ f: { method: 'thresholds', thresholds: [Number.NaN] } }),
		'“NaN”不是数字'
	]
];

describe('localised error details', () => {
	it.each(CASES)('%s', (_name, fail, zh) => {
		const e = caught(fail);
		const detail = String(e.params.detail);
		expect(localDetail(detail, String(e.params.field))).not.toBeNull();
		const msg = errorMessage(e, (k, p) => translate('zh-CN', k, p));
		expect(msg).toContain(zh);
		expect(msg).not.toMatch(/must|given|unknown field/);
		// English stays as the core wrote it.
		if (e.params.field !== '(JSON)' && e.params.field !== '(top level)')
			expect(errorMessage(e, (k, p) => translate('en', k, p))).toContain(detail);
	});

	it('names the field path and passes unknown details through', () => {
		const e = new ClienteleError('segments.badJsonFile', {
			file: 'r.json',
			field: 'rules[2].m[1]',
			detail: 'something new'
		});
		expect(errorMessage(e, (k, p) => translate('zh-CN', k, p))).toBe(
			'r.json：规则集字段 rules[2].m[1]：something new'
		);
	});
});

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sniffSample } from '../../../../src/core/csv/sniff.ts';
import { guessDatasetRoles, missingRoles, type DatasetKind, type DatasetRoles } from '../../../../src/core/import/dataset-roles.ts';

const SAMPLE = path.resolve(import.meta.dirname, '../../../../public/sample');

function columnsOf(text: string, fileName = 'x.csv') {
	return sniffSample(text, { fileName }).columns;
}

describe('dataset role guessing', () => {
	it.each<[DatasetKind, string, DatasetRoles]>([
		['touchpoints', 'touchpoints.csv', { customer: '客户编号', date: '时间', touchpoint: '触点', channel: '渠道', stage: '阶段', score: '满意度', outcome: '结果' }],
		['surveys', 'surveys.csv', { customer: '客户编号', date: '日期', nps: 'NPS', csat: 'CSAT', ces: 'CES', comment: '评论', region: '地区', product: '业务线' }]
	])('maps every column of the sample %s file', (kind, file, expected) => {
		const text = fs.readFileSync(path.join(SAMPLE, file), 'utf8').slice(0, 64 * 1024);
		const roles = guessDatasetRoles(kind, columnsOf(text, file));
		expect(roles).toEqual(expected);
		expect(missingRoles(kind, roles)).toEqual([]);
	});

	it.each<[string, DatasetKind, string, DatasetRoles]>([
		['English touchpoint headers', 'touchpoints', 'customer_id,timestamp,touchpoint,stage,rating\nA1,2024-01-02 10:00:00,App,before,4\nA2,2024-01-03 11:00:00,Store,during,5\n', { customer: 'customer_id', date: 'timestamp', touchpoint: 'touchpoint', stage: 'stage', score: 'rating' }],
		['English survey headers', 'surveys', 'Customer ID,Survey Date,Likelihood to recommend,Satisfaction,Region\nA1,2024-01-02,9,4,East\nA2,2024-01-03,6,3,West\n', { customer: 'Customer ID', date: 'Survey Date', nps: 'Likelihood to recommend', csat: 'Satisfaction', region: 'Region' }],
		['a date role is not guessed on text', 'surveys', '日期,NPS\nsoon,9\nlater,7\n', { nps: 'NPS' }]
	])('%s', (_name, kind, text, expected) => {
		expect(guessDatasetRoles(kind, columnsOf(text))).toEqual(expected);
	});

	it.each<[DatasetKind, DatasetRoles, string[]]>([
		['touchpoints', { customer: 'a', date: 'b' }, ['touchpoint']],
		['surveys', { customer: 'a' }, ['nps']],
		['surveys', { ces: 'c' }, []]
	])('names what is missing (%s)', (kind, roles, missing) => {
		expect(missingRoles(kind, roles)).toEqual(missing);
	});
});

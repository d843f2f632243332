import { describe, expect, it } from 'vitest';
import { companionLang, sampleFileName, sampleLangOf } from '../../../src/state/sample.ts';

describe('the sample twins: names and languages', () => {
	it('names each twin so the page can tell which one is loaded', () => {
		expect(sampleFileName('transactions.csv', 'zh-CN')).toBe('示例-transactions.csv');
		expect(sampleFileName('touchpoints.csv', 'en')).toBe('sample-touchpoints.csv');
		expect(sampleLangOf('示例-transactions.csv', 'transactions.csv')).toBe('zh-CN');
		expect(sampleLangOf('sample-transactions.csv', 'transactions.csv')).toBe('en');
		expect(sampleLangOf('sample-customers.csv', 'transactions.csv')).toBeNull();
		expect(sampleLangOf('transactions.csv', 'transactions.csv')).toBeNull();
		expect(sampleLangOf(undefined, 'transactions.csv')).toBeNull();
	});

	it('opens the companions in the language of the loaded sample transactions, else the page’s', () => {
		expect(companionLang('示例-transactions.csv', 'en')).toBe('zh-CN');
		expect(companionLang('sample-transactions.csv', 'zh-CN')).toBe('en');
		expect(companionLang('my-shop.csv', 'en')).toBe('en');
		expect(companionLang(undefined, 'zh-CN')).toBe('zh-CN');
	});
});

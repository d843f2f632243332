import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SEED, generate } from '../../../scripts/gen-sample.ts';
import { DEFAULT_CHANNELS, DEFAULT_STAGE_ORDER } from '../../../src/core/sql/journey.ts';

/*
 * The English twin of the sample (public/sample/en/) against the Chinese files, read back from disk
 * as the page and the CLI read them: the same rows and numbers, only categorical values translated,
 * one English value per Chinese value.
 */

const DIR = path.resolve(__dirname, '../../../public/sample');
const FILES = ['transactions.csv', 'customers.csv', 'touchpoints.csv', 'surveys.csv'] as const;
/** The columns that are translated; every other column must be equal cell by cell. */
const TRANSLATED: Record<(typeof FILES)[number], string[]> = {
	'transactions.csv': ['商品类别', '渠道', '城市'],
	'customers.csv': ['性别', '年龄段', '城市', '会员等级'],
	'touchpoints.csv': ['触点', '渠道', '阶段', '结果'],
	'surveys.csv': ['评论', '地区', '业务线']
};
const CJK = /[\u3400-\u9fff\uff00-\uffef]/;

function read(rel: string): string[][] {
	const parsed = Papa.parse<string[]>(fs.readFileSync(path.join(DIR, rel), 'utf8'), { skipEmptyLines: true });
	expect(parsed.errors, rel).toEqual([]);
	return parsed.data;
}

describe('public/sample/en: the English twin', () => {
	it.each(FILES)('%s: same header, rows and numbers; categorical values mapped 1:1', (name) => {
		const zh = read(name);
		const en = read(`en/${name}`);
		expect(en[0]).toEqual(zh[0]);
		expect(en.length).toBe(zh.length);
		const header = zh[0]!;
		expect(en.every((row, r) => row.length === zh[r]!.length)).toBe(true);
		const changed = new Set<string>();
		const maps: Record<string, Record<string, string>> = {};
		for (let c = 0; c < header.length; c++) {
			const col = header[c]!;
			const forward = new Map<string, string>();
			const backward = new Map<string, string>();
			let differs = 0;
			for (let r = 1; r < zh.length; r++) {
				const a = zh[r]![c] ?? '';
				const b = en[r]![c] ?? '';
				if (a !== b) differs++;
				// A function both ways: each Chinese value has one English value and vice versa.
				if ((forward.get(a) ?? b) !== b || (backward.get(b) ?? a) !== a) throw new Error(`${name} ${col}: ${a} ↔ ${b} is not 1:1`);
				forward.set(a, b);
				backward.set(b, a);
			}
			if (differs > 0) changed.add(col);
			maps[col] = Object.fromEntries(forward);
			if (TRANSLATED[name].includes(col)) {
				if (forward.has('')) expect(forward.get(''), `${name} ${col}: blank stays blank`).toBe('');
				for (const v of backward.keys()) expect(CJK.test(v), `${name} ${col}: ${v}`).toBe(false);
			}
		}
		// Only the listed columns differ (the order time only on the planted unparseable lines, below).
		changed.delete('下单时间');
		expect([...changed].sort()).toEqual([...TRANSLATED[name]].sort());
		// The journey's words, as the English UI shows them (written here by hand).
		if (name === 'touchpoints.csv') {
			expect(maps['阶段']).toEqual({ 接触前: 'Pre-purchase', 接触中: 'Purchase', 接触后: 'Post-purchase' });
			expect(maps['渠道']).toEqual({ 线上: 'online', 线下: 'offline' });
			expect(maps['触点']?.['门店']).toBe('Store');
		}
		if (name === 'transactions.csv') expect(maps['渠道']).toEqual({ 门店: 'Store', 官网: 'Website', 小程序: 'Mini program', App: 'App' });
	});

	it('keeps the numbers: amounts, quantities and scores add up to the same totals', () => {
		const sum = (rows: string[][], c: number) => rows.slice(1).reduce((s, r) => s + Math.round(Number(r[c] || 0) * 100), 0);
		for (const [name, cols] of [['transactions.csv', [4, 5, 6]], ['surveys.csv', [2, 3, 4]], ['touchpoints.csv', [5]]] as const) {
			const zh = read(name);
			const en = read(`en/${name}`);
			for (const c of cols) expect(sum(en, c), `${name} column ${c}`).toBe(sum(zh, c));
		}
	});

	it('translates the unparseable order times only, and the planted flaws stay on the same lines', () => {
		const zh = read('transactions.csv');
		const en = read('en/transactions.csv');
		const diff = zh.flatMap((r, i) => (r[2] !== en[i]![2] ? [[r[0], r[2], en[i]![2]]] : []));
		expect(diff.length).toBe(5);
		expect(diff.every(([, a, b]) => a === '待确认' && b === 'TBC')).toBe(true);
		expect(zh.filter((r) => r[1] === '').length).toBe(en.filter((r) => r[1] === '').length);
	});

	it('has no Chinese in the English files except the headers and the customer names', () => {
		for (const name of FILES) {
			const en = read(`en/${name}`);
			const nameCol = en[0]!.indexOf('姓名');
			const cjk = en.slice(1).flatMap((r) => r.filter((v, c) => c !== nameCol && CJK.test(v)));
			expect(cjk.slice(0, 3), name).toEqual([]);
		}
	});

	it('gets the same default channels and stage order in the journey as the Chinese sample', () => {
		const zh = read('touchpoints.csv').slice(1);
		const en = read('en/touchpoints.csv').slice(1);
		const pairs = new Set(zh.map((r, i) => `${r[2]}|${en[i]![2]}`));
		for (const p of pairs) {
			const [a, b] = p.split('|') as [string, string];
			expect(DEFAULT_CHANNELS[b], b).toBe(DEFAULT_CHANNELS[a]);
			expect(DEFAULT_CHANNELS[a], a).toBeDefined();
		}
		const rank = (s: string) => DEFAULT_STAGE_ORDER.indexOf(s.toLowerCase());
		const stages = (rows: string[][]) => [...new Set(rows.map((r) => r[4]!))].sort((x, y) => rank(x) - rank(y));
		expect(stages(zh)).toEqual(['接触前', '接触中', '接触后']);
		expect(stages(en)).toEqual(['Pre-purchase', 'Purchase', 'Post-purchase']);
		expect(stages(en).every((s) => rank(s) >= 0)).toBe(true);
	});

	it('stays about as small as the Chinese files (within 10 %)', () => {
		const size = (rel: string) => fs.statSync(path.join(DIR, rel)).size;
		const zh = FILES.reduce((a, f) => a + size(f), 0);
		const en = FILES.reduce((a, f) => a + size(`en/${f}`), 0);
		expect(en / zh).toBeLessThan(1.1);
	});

	it('is what the generator writes for the default seed', () => {
		const out = generate(DEFAULT_SEED);
		for (const name of FILES) {
			expect(out.files[`en/${name}`] === fs.readFileSync(path.join(DIR, 'en', name), 'utf8'), name).toBe(true);
			expect(out.files[name] === fs.readFileSync(path.join(DIR, name), 'utf8'), name).toBe(true);
		}
	});
});

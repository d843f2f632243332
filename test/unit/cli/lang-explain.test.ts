/**
 * `--lang en|zh` and `rfm --explain`: the labels come from the catalogue, the columns and every
 * other cell stay as they are. Commands run in this process (the same code the CLI's main calls).
 */
import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { abcCommand } from '../../../src/cli/abc.ts';
import { journeyCommand } from '../../../src/cli/journey.ts';
import { kpiCommand } from '../../../src/cli/kpi.ts';
import { migrateCommand } from '../../../src/cli/migrate.ts';
import { rfmCommand } from '../../../src/cli/rfm.ts';
import { valueMatrixCommand } from '../../../src/cli/value-matrix.ts';
import { R_SEGMENT_NAMES } from '../../../src/core/segments/rules.ts';
import { en } from '../../../src/i18n/en.ts';
import { zhCN } from '../../../src/i18n/zh-CN.ts';
import { fixture, useTmpDir } from '../../helpers/db.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const tmp = useTmpDir('clientele-lang-');
const HAND = ['--input', fixture('foundation', 'rfm_hand.csv'), '--customer', 'customer_id', '--date', 'order_date', '--amount', 'amount', '--order', 'order_id'];
const SAMPLE = path.join(ROOT, 'public/sample');
const TX = ['--input', path.join(SAMPLE, 'transactions.csv'), '--customer', '客户编号', '--date', '下单时间', '--amount', '实付金额', '--order', '订单号'];
const ID_OF_R_NAME = Object.fromEntries(Object.entries(R_SEGMENT_NAMES).map(([id, name]) => [name, id]));

type Cmd = (argv: string[]) => Promise<string | null>;
let n = 0;
/** Runs a command with --out; the CSV's header and rows (cells as text). */
async function run(cmd: Cmd, args: string[]): Promise<{ fields: string[]; rows: Record<string, string>[] }> {
	const out = path.join(tmp(), `out-${n++}.csv`);
	expect(await cmd([...args, '--out', out])).toBeNull();
	const p = Papa.parse<Record<string, string>>(fs.readFileSync(out, 'utf8'), { header: true, skipEmptyLines: true });
	return { fields: p.meta.fields ?? [], rows: p.data };
}
const zh = (key: string) => zhCN[key as keyof typeof zhCN];

describe('rfm --explain and --lang', () => {
	it('--explain appends meaning and action (the catalogue’s, by segment) and changes nothing else', async () => {
		const plain = await run(rfmCommand, [...HAND, '--as-of', '2024-07-01']);
		const x = await run(rfmCommand, [...HAND, '--as-of', '2024-07-01', '--explain']);
		expect(x.fields).toEqual([...plain.fields, 'meaning', 'action']);
		expect(x.rows.map((r) => Object.fromEntries(plain.fields.map((f) => [f, r[f]])))).toEqual(plain.rows);
		for (const r of x.rows) {
			const id = ID_OF_R_NAME[r.segment!]!;
			expect(r.meaning).toBe(en[`segment.${id}.meaning` as keyof typeof en]);
			expect(r.action).toBe(en[`segment.${id}.action` as keyof typeof en]);
		}
	});

	it('--lang zh writes the Chinese segment names (and meanings), columns and other cells unchanged', async () => {
		const plain = await run(rfmCommand, [...HAND, '--as-of', '2024-07-01']);
		const z = await run(rfmCommand, [...HAND, '--as-of', '2024-07-01', '--lang', 'zh', '--explain']);
		expect(z.fields).toEqual([...plain.fields, 'meaning', 'action']);
		const rest = (r: Record<string, string>) => Object.fromEntries(Object.entries(r).filter(([k]) => !['segment', 'meaning', 'action'].includes(k)));
		expect(z.rows.map(rest)).toEqual(plain.rows.map(rest));
		z.rows.forEach((r, i) => {
			const id = ID_OF_R_NAME[plain.rows[i]!.segment!]!;
			expect(r.segment).toBe(zh(`segment.${id}`));
			expect(r.meaning).toBe(zh(`segment.${id}.meaning`));
		});
		expect(new Set(z.rows.map((r) => r.segment))).toEqual(new Set(['潜在忠诚客户', '忠诚客户', '即将沉睡客户', '不能失去的客户', '已流失客户']));
	});

	it('an unknown language stops with the flag named', async () => {
		await expect(rfmCommand([...HAND, '--lang', 'fr'])).rejects.toMatchObject({ code: 'cli.badChoice', params: { option: 'lang', value: 'fr' } });
	});

	it('migrate --lang zh: both segment columns in Chinese, rows unchanged', async () => {
		const args = [...HAND, '--from', '2024-03-01', '--to', '2024-07-01'];
		const plain = await run(migrateCommand, args);
		const z = await run(migrateCommand, [...args, '--lang', 'zh']);
		expect(z.fields).toEqual(plain.fields);
		const name = (s: string | undefined) => (s ? zh(`segment.${ID_OF_R_NAME[s]!}`) : s);
		expect(z.rows).toEqual(plain.rows.map((r) => ({ ...r, segment_from: name(r.segment_from), segment_to: name(r.segment_to) })));
	});
});

describe('--lang zh on the other commands that write labels', () => {
	it('abc: the classes as the page names them in Chinese', async () => {
		const plain = await run(abcCommand, TX);
		const z = await run(abcCommand, [...TX, '--lang', 'zh']);
		expect(z.fields).toEqual(plain.fields);
		expect(z.rows).toEqual(plain.rows.map((r) => ({ ...r, abc_class: zh(`abc.class.${r.abc_class}`) })));
		expect(new Set(z.rows.map((r) => r.abc_class))).toEqual(new Set(['A 类 · 重点客户', 'B 类 · 维护培育', 'C 类 · 标准服务']));
	});

	it('value-matrix: the quadrants in Chinese', async () => {
		const args = [...TX, '--current', 'rfm', '--potential', 'monetary', '--split', 'median'];
		const plain = await run(valueMatrixCommand, args);
		const z = await run(valueMatrixCommand, [...args, '--lang', 'zh']);
		expect(z.fields).toEqual(plain.fields);
		expect(z.rows).toEqual(plain.rows.map((r) => ({ ...r, quadrant: zh(`value.quadrant.${r.quadrant}`) })));
		expect(new Set(plain.rows.map((r) => r.quadrant))).toEqual(new Set(['core', 'potential', 'general', 'low']));
	});

	it('kpi nps: the overall group is 全部', async () => {
		const args = ['nps', '--input', path.join(SAMPLE, 'surveys.csv'), '--score', 'NPS'];
		const plain = await run(kpiCommand, args);
		const z = await run(kpiCommand, [...args, '--lang', 'zh']);
		expect(plain.rows.map((r) => r.group)).toEqual(['all']);
		expect(z.fields).toEqual(plain.fields);
		expect(z.rows).toEqual([{ ...plain.rows[0], group: '全部' }]);
	});

	it('journey channels: online / offline / unknown as the page shows them in Chinese', async () => {
		const args = ['--input', path.join(SAMPLE, 'touchpoints.csv'), '--customer', '客户编号', '--date', '时间', '--touchpoint', '触点', '--report', 'channels'];
		const plain = await run(journeyCommand, args);
		const z = await run(journeyCommand, [...args, '--lang', 'zh']);
		expect(z.fields).toEqual(plain.fields);
		expect(z.rows).toEqual(plain.rows.map((r) => ({ ...r, channel: zh(`journeyui.channel.${r.channel}`) })));
		expect(z.rows.map((r) => r.channel)).toContain('线上');
	});
});

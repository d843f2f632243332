import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateCommand } from '../../../src/cli/evaluate.ts';
import { rfmCommand } from '../../../src/cli/rfm.ts';
import { isClienteleError } from '../../../src/core/errors.ts';
import { fixture, useTmpDir } from '../../helpers/db.ts';

/*
 * `clientele evaluate --migration FILE.csv --basis …` (README "Evaluation / 绩效评估"): the contract,
 * on test/fixtures/evaluate/migration_* (S = 2024-07-01, L = 30: the groups of 06-30 against those of
 * 07-30; the stage figures are worked out in test/unit/run/evaluate-migration.test.ts).
 */
const HEADER = 'group_from,group_to,customers,contacted,control';
const TX = ['--input', fixture('evaluate', 'migration_tx.csv'), '--customer', 'customer_id', '--date', 'order_date', '--amount', 'amount', '--order', 'order_id', '--days', '30'];
const STAGES = fixture('evaluate', 'migration_actions.csv');
const tmp = useTmpDir('clientele-evaluate-migration-');

const file = (name: string) => path.join(tmp(), `${name}-${Math.random().toString(36).slice(2)}.csv`);

function readCsv(p: string): string[][] {
	return fs.readFileSync(p, 'utf8').trimEnd().split('\r\n').map((l) => l.split(','));
}

/** Runs evaluate with --migration; returns the matrix rows (header checked) and the evaluation's header. */
async function run(args: string[]): Promise<{ rows: string[][]; evalHeader: string }> {
	const out = file('out');
	const migration = file('migration');
	expect(await evaluateCommand([...TX, ...args, '--migration', migration, '--out', out])).toBeNull();
	const [head, ...rows] = readCsv(migration);
	expect(head!.join(',')).toBe(HEADER);
	return { rows, evalHeader: readCsv(out)[0]!.join(',') };
}

async function code(args: string[]): Promise<string> {
	try {
		await evaluateCommand([...TX, ...args, '--out', file('x')]);
	} catch (e) {
		if (isClienteleError(e)) return e.code;
		throw e;
	}
	return 'no error';
}

describe('clientele evaluate --migration', () => {
	it('stages: the hand-checked matrix, by stage order; the evaluation itself is unchanged', async () => {
		const plain = file('plain');
		expect(await evaluateCommand([...TX, '--actions', STAGES, '--out', plain])).toBeNull();
		const days = ['--new-days', '10', '--active-days', '20', '--churn-days', '40'];
		const { rows, evalHeader } = await run(['--actions', STAGES, '--basis', 'stage', ...days]);
		expect(evalHeader).toBe(readCsv(plain)[0]!.join(','));
		expect(rows).toEqual([
			['active', 'active', '1', '1', '0'],
			['active', 'churned', '1', '0', '1'],
			['active', 'not in the data', '1', '1', '0'],
			['new', 'silent', '1', '1', '0'],
			['silent', 'active', '1', '0', '1'],
			['churned', 'active', '1', '1', '0']
		]);
	});

	it('stages named as the page exports them (Active …) or in Chinese: the matrix speaks the list\'s naming', async () => {
		const days = ['--new-days', '10', '--active-days', '20', '--churn-days', '40'];
		const rename = (m: Record<string, string>) => {
			const p = file('renamed');
			fs.writeFileSync(p, fs.readFileSync(STAGES, 'utf8').replace(/,(active|new|silent|churned),/g, (_, g: string) => `,${m[g]},`));
			return p;
		};
		const page = await run(['--actions', rename({ active: 'Active', new: 'New', silent: 'Silent', churned: 'Churned' }), '--basis', 'stage', ...days]);
		expect(page.rows.map((r) => `${r[0]}>${r[1]}`)).toEqual(['Active>Active', 'Active>Churned', 'Active>not in the data', 'New>Silent', 'Silent>Active', 'Churned>Active']);
		const zh = await run(['--actions', rename({ active: '活跃', new: '新', silent: '沉默', churned: '流失' }), '--basis', 'stage', ...days]);
		expect(zh.rows.map((r) => `${r[0]}>${r[1]}`)).toEqual(['活跃>活跃', '活跃>流失', '活跃>数据中无此客户', '新>沉默', '沉默>活跃', '流失>活跃']);
	});

	it('tiers: re-graded with the same standard, in its order (best first), whatever the file lists first', async () => {
		// frequency (orders up to the date) 2 → Silver, 3 → Gold: A 2 → 3 up, B 1 → 2 up, C 1 → 1, D 2 → 2,
		// F 1 → 2 up (its 07-31 order is after S + L − 1), G not in the data.
		const { rows } = await run(['--actions', fixture('evaluate', 'migration_tiers.csv'), '--basis', 'tier', '--standard', fixture('evaluate', 'migration_standard.json')]);
		expect(rows).toEqual([
			['Gold', 'not in the data', '1', '1', '0'],
			['Silver', 'Gold', '1', '1', '0'],
			['Silver', 'Silver', '1', '0', '1'],
			['Bronze', 'Silver', '2', '1', '1'],
			['Bronze', 'Bronze', '1', '1', '0']
		]);
	});

	it('segments: the list made from `rfm` at S − 1 against `rfm` at S + L − 1, customer by customer', async () => {
		const rfmAt = async (asOf: string) => {
			const out = file(`rfm-${asOf}`);
			expect(await rfmCommand([...TX.slice(0, 10), '--as-of', asOf, '--out', out])).toBeNull();
			const [head, ...rows] = readCsv(out);
			const seg = head!.indexOf('segment');
			return new Map(rows.map((r) => [r[0]!, r[seg]!]));
		};
		const before = await rfmAt('2024-06-30');
		const after = await rfmAt('2024-07-30');
		const ids = [...before.keys()];
		const control = new Set(['D', 'F']);
		const actions = file('segment-actions');
		fs.writeFileSync(actions, ['customer_id,group,next_contact,control', ...ids.map((id) => `${id},${before.get(id)},2024-07-01,${control.has(id)}`)].join('\n'));
		const expected = new Map<string, number[]>();
		for (const id of ids) {
			const k = `${before.get(id)},${after.get(id)}`;
			const c = expected.get(k) ?? [0, 0, 0];
			expected.set(k, [c[0]! + 1, c[1]! + (control.has(id) ? 0 : 1), c[2]! + (control.has(id) ? 1 : 0)]);
		}
		const { rows } = await run(['--actions', actions, '--basis', 'segment']);
		expect(new Map(rows.map((r) => [`${r[0]},${r[1]}`, r.slice(2).map(Number)]))).toEqual(expected);
		expect(rows.length).toBe(expected.size);
	});

	it('refuses: --basis without --migration and back, quadrants, a list whose groups the basis does not have', async () => {
		expect(await code(['--actions', STAGES, '--basis', 'stage'])).toBe('cli.needsOption');
		expect(await code(['--actions', STAGES, '--migration', file('m')])).toBe('cli.needsOption');
		expect(await code(['--actions', STAGES, '--migration', file('m'), '--basis', 'quadrant'])).toBe('evaluate.migrationQuadrant');
		expect(await code(['--actions', STAGES, '--migration', file('m'), '--basis', 'segment'])).toBe('evaluate.migrationNoMatch');
	});
});

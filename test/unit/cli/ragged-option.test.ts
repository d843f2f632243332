import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { abcCommand } from '../../../src/cli/abc.ts';
import { isClienteleError } from '../../../src/core/errors.ts';
import { fixture, useTmpDir } from '../../helpers/db.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const MAP = ['--customer', 'customer', '--date', 'date', '--amount', 'amount'];
const MULTI = fixture('import', 'ragged_multiline.csv');
const tmp = useTmpDir('clientele-ragged-cli-');

describe('--ragged (in process)', () => {
	it.each([[[]], [['--ragged', 'skip']]])('skip (%j, the default, as before --ragged existed the command went on): the ragged rows are left out and a warning lists their lines', async (opt) => {
		const out = path.join(tmp(), 'skip.csv');
		const warn = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
		try {
			await abcCommand(['--input', MULTI, ...MAP, ...opt, '--out', out]);
			expect(warn.mock.calls.map((c) => String(c[0]))).toContainEqual(expect.stringMatching(/^warning: Left out of .*ragged_multiline\.csv: 2 rows .*header \(4\)\. Line \(fields found\): 8 \(3\), 10 \(5\)\.\n$/));
		} finally {
			warn.mockRestore();
		}
		expect(fs.readFileSync(out, 'utf8').split('\r\n').filter(Boolean)).toHaveLength(4); // header + A1, A2, A4
	});

	it('stop: ragged.stopCli, nothing written', async () => {
		const out = path.join(tmp(), 'stop.csv');
		const e: unknown = await abcCommand(['--input', MULTI, ...MAP, '--ragged', 'stop', '--out', out]).catch((x: unknown) => x);
		expect(isClienteleError(e) && e.code).toBe('ragged.stopCli');
		expect(fs.existsSync(out)).toBe(false);
	});

	it('an unknown value is refused before reading', async () => {
		const e: unknown = await abcCommand(['--input', MULTI, ...MAP, '--ragged', 'pad']).catch((x: unknown) => x);
		expect(isClienteleError(e) && [e.code, e.params.value]).toEqual(['ragged.badOption', 'pad']);
	});
});

describe('--ragged (spawned)', () => {
	it('stop → exit 2, one line naming the lines and --ragged skip, no output file; help documents it', () => {
		const out = path.join(tmp(), 'never.csv');
		const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'abc', '--input', MULTI, ...MAP, '--ragged', 'stop', '--out', out], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } });
		const stderr = r.stderr.split('\n').filter((l) => l !== '' && !l.startsWith('npm warn'));
		expect(r.status).toBe(2);
		expect(stderr).toHaveLength(1);
		expect(stderr[0]).toMatch(/^clientele abc: File .*ragged_multiline\.csv: .*\(4\): 2\. Line \(fields found\): 8 \(3\), 10 \(5\)\. .*--ragged skip/);
		expect(fs.existsSync(out)).toBe(false);
		const help = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'abc', '--help'], { cwd: ROOT, encoding: 'utf8' });
		expect(help.stdout).toMatch(/--ragged skip\|stop +rows whose number of fields differs/);
	});
});

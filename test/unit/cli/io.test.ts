/**
 * Nothing lost: an --out that is the input is refused (the input stays as it was), an output that
 * cannot be written fails before the analysis, and temporary files go when the run is interrupted.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { abcCommand } from '../../../src/cli/abc.ts';
import { checkOutputs } from '../../../src/cli/io.ts';
import { isClienteleError } from '../../../src/core/errors.ts';
import { fixture, useTmpDir } from '../../helpers/db.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const tmp = useTmpDir('clientele-io-');
const ROLES = ['--customer', 'customer_id', '--date', 'order_date', '--amount', 'amount'];

async function codeOf(p: Promise<unknown>): Promise<string | null> {
	return p.then(
		() => null,
		(e: unknown) => (isClienteleError(e) ? e.code : String(e))
	);
}

describe('--out', () => {
	it('resolving to the input (another spelling, a link) is refused and the input is untouched', async () => {
		const input = path.join(tmp(), 'tx.csv');
		fs.copyFileSync(fixture('guess', 'stray_2099.csv'), input);
		const before = fs.readFileSync(input, 'utf8');
		const spelled = path.join(tmp(), '.', '..', path.basename(tmp()), 'tx.csv');
		expect(await codeOf(abcCommand(['--input', input, ...ROLES, '--out', spelled]))).toBe('cli.outIsInput');
		const link = path.join(tmp(), 'link.csv');
		fs.symlinkSync(input, link);
		expect(await codeOf(abcCommand(['--input', link, ...ROLES, '--out', input]))).toBe('cli.outIsInput');
		expect(fs.readFileSync(input, 'utf8')).toBe(before);
	});

	it('in a missing folder: "cannot write", before the input is even read', async () => {
		const out = path.join(tmp(), 'no-such-folder', 'out.csv');
		// The input does not exist either: the output is checked first.
		expect(await codeOf(abcCommand(['--input', '/nonexistent.csv', ...ROLES, '--out', out]))).toBe('cli.cannotWrite');
		expect(() => checkOutputs({ out: tmp() })).toThrow(/cannotWrite/);
	});

	it('--params over --out is refused too', () => {
		const f = path.join(tmp(), 'p.json');
		fs.writeFileSync(f, '{}');
		expect(() => checkOutputs({ out: f, params: f })).toThrow(/outIsInput/);
	});
});

describe('temporary files', () => {
	it('are removed when the run gets SIGTERM; the process ends by the signal', async () => {
		const script = path.join(tmp(), 'hold.ts');
		fs.writeFileSync(
			script,
			`import { tempDir } from ${JSON.stringify(path.join(ROOT, 'src/cli/temp-files.ts'))};\nconst t = tempDir();\nprocess.stdout.write(t.dir + '\\n');\nsetInterval(() => undefined, 1000);\n`
		);
		const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
		const dir = await new Promise<string>((resolve) => child.stdout.once('data', (b: Buffer) => resolve(b.toString().trim())));
		expect(fs.existsSync(dir)).toBe(true);
		const ended = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
		child.kill('SIGTERM');
		expect(await ended).toBe('SIGTERM');
		expect(fs.existsSync(dir)).toBe(false);
	});
});

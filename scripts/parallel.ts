/**
 * tsx scripts/parallel.ts <npm script> … — runs the named npm scripts at the same time and prints each
 * one's output as a block when it ends (never interleaved); exits 1 when any of them failed.
 *
 * `npm test` runs `check` (svelte-check, tsc) beside `lint` (eslint, jscpd): each is one single-threaded
 * process, so on a 2-core machine one after the other left a core idle for ≈ 2.5 minutes.
 */
import { spawn } from 'node:child_process';

const names = process.argv.slice(2);
if (names.length === 0) {
	process.stderr.write('usage: tsx scripts/parallel.ts <npm script> …\n');
	process.exit(2);
}

function run(name: string): Promise<boolean> {
	return new Promise((resolve) => {
		const started = Date.now();
		const chunks: Buffer[] = [];
		const child = spawn('npm', ['run', name], {
			stdio: ['ignore', 'pipe', 'pipe'],
			shell: process.platform === 'win32'
		});
		child.stdout.on('data', (c: Buffer) => chunks.push(c));
		child.stderr.on('data', (c: Buffer) => chunks.push(c));
		child.on('error', (e) => {
			chunks.push(Buffer.from(`${e.message}\n`));
			finish(1);
		});
		child.on('close', (code) => finish(code ?? 1));
		let done = false;
		function finish(code: number): void {
			if (done) return;
			done = true;
			const secs = ((Date.now() - started) / 1000).toFixed(1);
			process.stdout.write(Buffer.concat(chunks));
			process.stdout.write(
				`== npm run ${name}: ${code === 0 ? 'ok' : `failed (exit ${code})`} in ${secs} s\n\n`
			);
			resolve(code === 0);
		}
	});
}

const results = await Promise.all(names.map(run));
process.exit(results.every(Boolean) ? 0 : 1);

/** Builds dist/ with `npx vite build` when it is missing or older than its sources. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

function newest(p: string): number {
	if (!fs.existsSync(p)) return 0;
	const st = fs.statSync(p);
	if (!st.isDirectory()) return st.mtimeMs;
	let m = st.mtimeMs;
	for (const e of fs.readdirSync(p)) m = Math.max(m, newest(path.join(p, e)));
	return m;
}

export function ensureBuilt(
	root: string,
	log: (s: string) => void
): { built: boolean; ms: number } {
	const index = path.join(root, 'dist/index.html');
	const built = fs.existsSync(index) ? fs.statSync(index).mtimeMs : 0;
	const sources = Math.max(
		...['src', 'public', 'index.html', 'vite.config.ts', 'package.json'].map((p) =>
			newest(path.join(root, p))
		)
	);
	if (built > sources) return { built: false, ms: 0 };
	log(built ? 'dist/ is older than src/: npx vite build …' : 'dist/ is missing: npx vite build …');
	const t0 = performance.now();
	execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
	return { built: true, ms: performance.now() - t0 };
}

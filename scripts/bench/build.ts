/**
 * Builds the page with `npx vite build` when its folder (dist/, or --dist DIR) is missing or older
 * than its sources. Another folder than dist/ keeps the bench's build apart from parallel builds.
 */
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
	log: (s: string) => void,
	dist = path.join(root, 'dist')
): { built: boolean; ms: number } {
	const index = path.join(dist, 'index.html');
	const built = fs.existsSync(index) ? fs.statSync(index).mtimeMs : 0;
	const sources = Math.max(
		...['src', 'public', 'index.html', 'vite.config.ts', 'package.json'].map((p) =>
			newest(path.join(root, p))
		)
	);
	if (built > sources) return { built: false, ms: 0 };
	const name = path.relative(root, dist) || dist;
	log(built ? `${name} is older than src/: npx vite build …` : `${name} is missing: npx vite build …`);
	const t0 = performance.now();
	execFileSync(
		'npx',
		['vite', 'build', '--logLevel', 'warn', '--outDir', dist, '--emptyOutDir'],
		{ cwd: root, stdio: 'inherit' }
	);
	return { built: true, ms: performance.now() - t0 };
}

/**
 * Vite plugin (build only): writes dist/sw.js, the service worker of src/workers/service-worker.ts,
 * bundled on its own (one classic script) with the build's precache list baked in. The list is every
 * file the build writes (hashed assets, index.html, public/: icons, manifest, sample data) and its
 * version a digest of their names and contents, so each build is a new sw.js and caches never mix.
 * No dependency: the worker is ~80 lines and Vite bundles it; a framework (Workbox) would add more
 * than it saves.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { build, type Plugin, type ResolvedConfig } from 'vite';
import { precacheFiles, type PrecacheManifest } from '../src/core/offline/precache.ts';

const ENTRY = path.resolve(import.meta.dirname, '../src/workers/service-worker.ts');

function walk(dir: string, base = dir): string[] {
	if (!dir || !fs.existsSync(dir)) return [];
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
		const full = path.join(dir, d.name);
		return d.isDirectory() ? walk(full, base) : [path.relative(base, full).split(path.sep).join('/')];
	});
}

async function bundleWorker(manifest: PrecacheManifest): Promise<string> {
	const out = await build({
		configFile: false,
		logLevel: 'warn',
		publicDir: false,
		define: { __PRECACHE__: JSON.stringify(manifest) },
		build: {
			write: false,
			target: 'es2022',
			minify: true,
			lib: { entry: ENTRY, formats: ['iife'], name: 'clienteleServiceWorker', fileName: () => 'sw.js' }
		}
	});
	const outputs = (Array.isArray(out) ? out : [out]) as { output: { type: string; code?: string }[] }[];
	const chunk = outputs.flatMap((o) => o.output).find((o) => o.type === 'chunk');
	if (!chunk?.code) throw new Error('offline plugin: the service worker did not bundle');
	return chunk.code;
}

export function offlinePlugin(): Plugin {
	let config: ResolvedConfig;
	return {
		name: 'clientele-offline',
		apply: 'build',
		enforce: 'post',
		configResolved(c) {
			config = c;
		},
		async generateBundle(_options, bundle) {
			const digest = createHash('sha256');
			const contents = new Map<string, string | Uint8Array>();
			for (const [name, item] of Object.entries(bundle)) contents.set(name, item.type === 'chunk' ? item.code : item.source);
			const pub = config.publicDir;
			for (const f of walk(pub)) if (!contents.has(f)) contents.set(f, fs.readFileSync(path.join(pub, f)));
			const files = precacheFiles([...contents.keys()]);
			for (const f of files) digest.update(f).update('\0').update(contents.get(f) ?? '').update('\0');
			const manifest: PrecacheManifest = { version: digest.digest('hex').slice(0, 16), files };
			this.emitFile({ type: 'asset', fileName: 'sw.js', source: await bundleWorker(manifest) });
		}
	};
}

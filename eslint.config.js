import fs from 'node:fs';
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';

// Layer boundaries (docs/architecture.md): core ← db ← run ← state ← views; cli uses run, core, db, i18n.
// Each layer lists the src/ folders it must not import. A relative path that climbs (../) into one of
// them is refused, as is a package that belongs to another layer.
const LAYERS = ['core', 'db', 'run', 'state', 'views', 'ui', 'charts', 'cli', 'i18n', 'workers'];
const FORBIDDEN = {
	core: ['db', 'run', 'state', 'views', 'ui', 'charts', 'cli', 'i18n', 'workers'],
	db: ['run', 'state', 'views', 'ui', 'charts', 'cli', 'i18n', 'workers'],
	run: ['state', 'views', 'ui', 'charts', 'cli', 'i18n', 'workers'],
	cli: ['state', 'views', 'ui', 'charts', 'workers'],
	workers: ['db', 'run', 'state', 'views', 'ui', 'charts', 'cli', 'i18n'],
	i18n: ['db', 'run', 'state', 'views', 'ui', 'charts', 'cli', 'workers'],
	charts: ['db', 'run', 'state', 'views', 'cli', 'workers'],
	state: ['views', 'cli'],
	ui: ['views', 'cli', 'run'],
	views: ['cli']
};
const PACKAGES = {
	svelte: { group: ['svelte', 'svelte/*'], message: 'this layer does not depend on Svelte' },
	duckdb: { group: ['@duckdb/*'], message: 'only src/db imports DuckDB' },
	plot: { group: ['@observablehq/*'], message: 'charts live in src/charts' }
};
const NO_PACKAGES = {
	core: ['svelte', 'duckdb', 'plot'],
	db: ['svelte', 'plot'],
	run: ['svelte', 'duckdb', 'plot'],
	cli: ['svelte', 'duckdb', 'plot'],
	workers: ['svelte', 'duckdb', 'plot'],
	i18n: ['duckdb', 'plot'],
	charts: ['duckdb'],
	state: ['duckdb', 'plot'],
	ui: ['duckdb'],
	views: ['duckdb']
};
const climbInto = (folders) => `^(\\.\\./)+(${folders.join('|')})(/|$)`;
const VIEW_FOLDERS = fs
	.readdirSync(new URL('./src/views', import.meta.url), { withFileTypes: true })
	.filter((d) => d.isDirectory())
	.map((d) => d.name);

function boundary(layer, files, extra = []) {
	const patterns = [
		{ regex: climbInto(FORBIDDEN[layer]), message: `src/${layer} must not import ${FORBIDDEN[layer].join(', ')}` },
		...NO_PACKAGES[layer].map((p) => PACKAGES[p]),
		...extra
	];
	return { files, rules: { 'no-restricted-imports': ['error', { patterns }] } };
}
const layerFiles = (layer) => [`src/${layer}/**/*.ts`, `src/${layer}/**/*.svelte`];

export default ts.config(
	{ ignores: ['dist/', 'node_modules/', 'coverage/', 'public/', 'bench/data/', 'test-results/'] },
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	{
		languageOptions: {
			globals: { ...globals.browser, ...globals.node },
			parserOptions: {
				projectService: { allowDefaultProject: ['eslint.config.js', 'vite.config.ts', 'vitest.e2e.config.ts'] },
				extraFileExtensions: ['.svelte'],
				tsconfigRootDir: import.meta.dirname
			}
		},
		rules: {
			'@typescript-eslint/no-floating-promises': 'error',
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }]
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts'],
		languageOptions: { parserOptions: { parser: ts.parser } }
	},
	...LAYERS.filter((l) => l !== 'views').map((l) => boundary(l, layerFiles(l))),
	// A view folder never imports another view folder: what two views share lives in ui/ or state/.
	...VIEW_FOLDERS.map((v) =>
		boundary('views', [`src/views/${v}/**/*.ts`, `src/views/${v}/**/*.svelte`], [
			{ regex: `^\\.\\./(?!${v}/)[^./][^/]*/`, message: `views/${v} must not import another view folder (share through ui/ or state/)` }
		])
	),
	{
		// Files stay small enough to read: split by concern before 300 lines.
		files: ['src/**/*.ts', 'src/**/*.svelte'],
		rules: { 'max-lines': ['error', { max: 300 }] }
	},
	{
		// The domain core is pure: no DOM either.
		files: ['src/core/**/*.ts'],
		rules: { 'no-restricted-globals': ['error', 'document', 'window', 'localStorage'] }
	},
	{
		// Everything else in src (App.svelte, main.ts): still one door to DuckDB.
		files: ['src/*.ts', 'src/*.svelte'],
		rules: { 'no-restricted-imports': ['error', { patterns: [PACKAGES.duckdb] }] }
	}
);

import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';

export default ts.config(
	{ ignores: ['dist/', 'node_modules/', 'coverage/', 'public/', 'bench/data/'] },
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
	{
		// The domain core is pure: no UI, no database, no DOM, no charts.
		files: ['src/core/**/*.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{ group: ['svelte', 'svelte/*'], message: 'core must not depend on Svelte' },
						{ group: ['@duckdb/*'], message: 'only src/db talks to DuckDB' },
						{ group: ['@observablehq/*'], message: 'charts live in src/charts' },
						{ group: ['**/db/**', '**/views/**', '**/ui/**', '**/charts/**', '**/state/**'], message: 'core knows nothing of the layers above it' }
					]
				}
			],
			'no-restricted-globals': ['error', 'document', 'window', 'localStorage']
		}
	},
	{
		// One door to DuckDB.
		files: ['src/**/*.ts', 'src/**/*.svelte'],
		ignores: ['src/db/**', 'src/core/**'],
		rules: {
			'no-restricted-imports': ['error', { patterns: [{ group: ['@duckdb/*'], message: 'only src/db imports DuckDB' }] }]
		}
	}
);

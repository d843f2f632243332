import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const CHARTS = new URL('../../../src/charts/', import.meta.url);
const builders: [string, (...args: unknown[]) => unknown][] = [];
for (const file of readdirSync(CHARTS).filter((f) => f.endsWith('.ts'))) {
	const m = (await import(new URL(file, CHARTS).href)) as Record<string, unknown>;
	for (const [name, v] of Object.entries(m))
		if (/Options$/.test(name) && typeof v === 'function') builders.push([`${file}: ${name}`, v as (...args: unknown[]) => unknown]);
}

describe('chart builders take (data, options)', () => {
	it('finds the builders', () => {
		expect(builders.length).toBeGreaterThanOrEqual(24);
	});

	it.each(builders)('%s has two parameters', (_name, fn) => {
		// A parameter with a default is not counted by Function.length: count the source's parameters.
		const params = /^[^(]*\(([^)]*)\)/.exec(String(fn))?.[1] ?? '';
		expect(params.split(',').filter((p) => p.trim() !== '')).toHaveLength(2);
	});
});

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_SPECS } from '../../src/settings-owner.ts';

const SRC = join(import.meta.dirname, '../../src');

/** The `$state` class fields declared in a source file (`name = $state(…)`, `private name = $state.raw<…>(…)`). */
function stateFields(text: string): string[] {
	const out = new Set<string>();
	for (const m of text.matchAll(/^\s*(?:(?:private|protected|public|readonly|static)\s+)*(#?[A-Za-z_]\w*)\s*=\s*\$state(?:\.raw)?\s*[(<]/gm)) out.add(m[1]!);
	return [...out];
}

/** Every rune module of the view models and of app state. */
function modelFiles(): string[] {
	const views = readdirSync(join(SRC, 'views'), { withFileTypes: true })
		.filter((d) => d.isDirectory())
		.flatMap((d) => readdirSync(join(SRC, 'views', d.name)).filter((f) => f.endsWith('.svelte.ts')).map((f) => `views/${d.name}/${f}`));
	const state = readdirSync(join(SRC, 'state')).filter((f) => f.endsWith('.svelte.ts')).map((f) => `state/${f}`);
	return [...views, ...state];
}

describe('every setting of every model is in the project file', () => {
	it('the field scanner finds fields of each declaration form (checked on a hand-written class)', () => {
		const src = 'class A {\n\tx = $state(1);\n\tprivate y = $state<string>("");\n\tz = $state.raw<T[]>([]);\n\t#w = $state.raw(null);\n\tget v() { return 1; }\n\tu = 3;\n}';
		expect(stateFields(src).sort()).toEqual(['#w', 'x', 'y', 'z']);
	});

	it('finds the models (the scan is not empty)', () => {
		const files = modelFiles();
		expect(files).toContain('views/rfm/rfm-model.svelte.ts');
		expect(files).toContain('state/window.svelte.ts');
		expect(files.length).toBeGreaterThan(20);
	});

	// A new `$state` field fails here until its spec (views/<v>/settings.ts, state/settings-specs.ts)
	// lists it as a setting (saved and restored) or as not one (results, status, selection).
	it.each(modelFiles())('%s: each $state field is a setting or named as not one', (file) => {
		const fields = stateFields(readFileSync(join(SRC, file), 'utf8'));
		const specs = ALL_SPECS.filter((s) => s.files.includes(file));
		const known = new Set(specs.flatMap((s) => [...s.fields, ...s.transient]));
		const unclassified = fields.filter((f) => !known.has(f));
		expect(unclassified, `${file}: add these to a spec's fields or transient`).toEqual([]);
	});

	it('each spec names only fields its files declare, and no field both ways', () => {
		for (const spec of ALL_SPECS) {
			const declared = new Set(spec.files.flatMap((f) => stateFields(readFileSync(join(SRC, f), 'utf8'))));
			const stale = [...spec.fields, ...spec.transient].filter((f) => !declared.has(f));
			expect(stale, `${spec.key}: names no $state field of ${spec.files.join(', ')}`).toEqual([]);
			expect(spec.fields.filter((f) => spec.transient.includes(f)), spec.key).toEqual([]);
			expect((spec.fromData ?? []).filter((f) => !spec.fields.includes(f)), spec.key).toEqual([]);
		}
	});

	it('keys are unique (a key names one model in project.json)', () => {
		const keys = ALL_SPECS.map((s) => s.key);
		expect(new Set(keys).size).toBe(keys.length);
	});
});

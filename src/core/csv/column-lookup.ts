import type { ColumnProfile } from './sniff.ts';

/**
 * A column's profile by name, through one Map per column list (built once, kept as long as the list
 * is). A wide file's mapping form looks columns up by name for every role and every redraw: a
 * `columns.find(c => c.name === model.roles.x)` reads the reactive `roles` once per column, and at
 * 10,000 columns the form's first draw took 90 ms of the main thread in these scans alone.
 */
const maps = new WeakMap<readonly ColumnProfile[], Map<string, ColumnProfile>>();

export function columnByName(columns: readonly ColumnProfile[], name: string | undefined): ColumnProfile | undefined {
	if (name === undefined) return undefined;
	let map = maps.get(columns);
	if (!map) {
		map = new Map();
		// The first of two equal names wins, as `find` would give it.
		for (const c of columns) if (!map.has(c.name)) map.set(c.name, c);
		maps.set(columns, map);
	}
	return map.get(name);
}

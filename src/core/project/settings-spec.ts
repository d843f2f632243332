/**
 * What a view model keeps as the user's settings (pure): a spec names the model's `$state` fields
 * that are settings (saved in the project file) and the ones that are not (results, status, what is
 * selected on screen). test/unit/core/project reads every model's source and fails on a `$state` field
 * that no spec classifies, so a setting added later cannot be left out of the project file silently.
 */

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
/** One model's settings, by field name (plain JSON). */
export type ModelSettings = Record<string, Json>;
/** Every model's settings, by the model's stable key. */
export type ProjectSettings = Record<string, ModelSettings>;

export interface SettingsSpec {
	/** Stable key in project.json and the link (never rename: a migration would be needed). */
	readonly key: string;
	/** The source files (relative to src/) whose `$state` fields this spec classifies (a class and its bases). */
	readonly files: readonly string[];
	/** The settings: saved and restored by name. */
	readonly fields: readonly string[];
	/** `$state` fields that are not settings (results, status, errors, selection, defaults from the data). */
	readonly transient: readonly string[];
	/**
	 * Settings taken from the data (status values, filter values, customer lists, text the user wrote
	 * about the client): in the project file, never in a link. Column *names* may go in a link.
	 */
	readonly fromData?: readonly string[];
}

/** A deep plain-JSON copy of a value (undefined → null; Svelte's proxies are read through). */
export function toJson(value: unknown): Json {
	if (value === undefined) return null;
	return JSON.parse(JSON.stringify(value)) as Json;
}

/** A model's settings by its spec: each field, copied as plain JSON. */
export function pickSettings(model: object, spec: SettingsSpec): ModelSettings {
	const m = model as Record<string, unknown>;
	const out: ModelSettings = {};
	for (const f of spec.fields) out[f] = toJson(m[f]);
	return out;
}

/** Writes saved settings back into a model: only the spec's fields, only those present. */
export function putSettings(model: object, spec: SettingsSpec, values: ModelSettings): string[] {
	const m = model as Record<string, unknown>;
	const done: string[] = [];
	for (const f of spec.fields) {
		if (!(f in values)) continue;
		const v = values[f];
		m[f] = v === null && m[f] === undefined ? undefined : structuredClone(v);
		done.push(f);
	}
	return done;
}

/** The settings that may go in a link: every spec's `fromData` fields left out; unknown keys dropped. */
export function linkSettings(settings: ProjectSettings, specs: readonly SettingsSpec[]): ProjectSettings {
	const out: ProjectSettings = {};
	for (const spec of specs) {
		const s = settings[spec.key];
		if (!s) continue;
		const keep = Object.fromEntries(Object.entries(s).filter(([k]) => !(spec.fromData ?? []).includes(k)));
		out[spec.key] = keep;
	}
	return out;
}

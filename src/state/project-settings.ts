/**
 * The page's settings registry (project files and links): every view model that holds settings is
 * attached here under its spec's key when it is made (src/settings-owner.ts). Settings restored for a
 * model not made yet (a view not opened, a model of the next data) wait here and are applied when it
 * is attached.
 */
import { pickSettings, putSettings, type ModelSettings, type ProjectSettings, type SettingsSpec } from '../core/project/settings-spec.ts';

export interface SettingsAdapter {
	snapshot(): ModelSettings;
	restore(values: ModelSettings): Promise<void> | void;
}

const attached = new Map<string, SettingsAdapter>();
let pending: ProjectSettings = {};

/** The generic adapter: the spec's fields by name; `after` runs once settings were written (re-run). */
export function fieldAdapter<T extends object>(spec: SettingsSpec, model: T, after?: (m: T, changed: string[]) => unknown): SettingsAdapter {
	return {
		snapshot: () => pickSettings(model, spec),
		restore: async (values) => {
			const before = JSON.stringify(pickSettings(model, spec));
			const done = putSettings(model, spec, values);
			if (after && done.length > 0 && JSON.stringify(pickSettings(model, spec)) !== before) await after(model, done);
		}
	};
}

/** Attaches a model (the newest of a key replaces the older); settings waiting for it are applied. */
export function attachSettings<T extends object>(spec: SettingsSpec, model: T, adapter: SettingsAdapter = fieldAdapter(spec, model)): T {
	attached.set(spec.key, adapter);
	const waiting = pending[spec.key];
	if (waiting) {
		delete pending[spec.key];
		// Later, not now: a model may be made inside a $derived, where writing state is refused.
		queueMicrotask(() => void adapter.restore(waiting));
	}
	return model;
}

/** Every attached model's settings, and those still waiting for their model. */
export function currentSettings(): ProjectSettings {
	const out: ProjectSettings = { ...pending };
	for (const [key, a] of attached) out[key] = a.snapshot();
	return out;
}

/** Restores settings, in `order` (keys): attached models now, the others when they are made. */
export async function restoreSettings(settings: ProjectSettings, order: readonly string[]): Promise<void> {
	const keys = [...order.filter((k) => k in settings), ...Object.keys(settings).filter((k) => !order.includes(k))];
	for (const key of keys) {
		const values = settings[key]!;
		const a = attached.get(key);
		if (a) await a.restore(values);
		else pending[key] = values;
	}
}

/** Forgets settings still waiting (a new project or link replaces them). */
export function clearPendingSettings(): void {
	pending = {};
}

/** Detaches the models of the previous data (their keys wait for the next data's models). */
export function detachSettings(keys: readonly string[]): void {
	for (const k of keys) attached.delete(k);
}

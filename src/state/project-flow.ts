/**
 * Applying a project's settings to data (a project file, a link): the mapping and cleaning choices
 * first (checked against the file's columns; the file is mapped again when they differ), then — once
 * the RFM run of that mapping has set the window's defaults — every analysis setting. Models not made
 * yet get theirs when they are made (state/project-settings.ts).
 */
import { TEXT_ENCODINGS, type EncodingDetection, type TextEncoding } from '../core/csv/encoding.ts';
import { checkMapping, type MappingReport } from '../core/project/mapping-check.ts';
import type { ProjectSettings } from '../core/project/settings-spec.ts';
import { datasets } from './datasets.svelte.ts';
import { profiles } from './profiles.svelte.ts';
import { clearPendingSettings, currentSettings, restoreSettings } from './project-settings.ts';
import { rfmRuns } from './rfm-runs.ts';
import { session } from './session.svelte.ts';

/** What the project flow asks of the import (the import view's model is it). */
export interface ProjectImport {
	readonly lastFile: readonly File[] | null;
	readonly error: unknown;
	readonly detection: EncodingDetection | null;
	open(files: readonly File[]): Promise<void>;
	reopen(encoding: TextEncoding): Promise<void>;
	apply(): Promise<void>;
}

export interface ApplyOptions {
	/** Keys restored before the data is mapped (src/settings-owner.ts MAPPING_KEYS). */
	mappingKeys: readonly string[];
	/** Restore order (src/settings-owner.ts RESTORE_ORDER). */
	order: readonly string[];
	/** The columns of the file the settings were made on (a link has none). */
	columns: readonly string[];
}

const isEncoding = (x: unknown): x is TextEncoding => (TEXT_ENCODINGS as readonly unknown[]).includes(x);

/** The other files a project may carry, by role: loaded after the transactions. */
export const DATASET_ROLES = ['touchpoints', 'surveys', 'profiles'] as const;
export type DatasetRole = (typeof DATASET_ROLES)[number];

/** The loaded touchpoint, survey and profile files (for a project that carries the data). */
export function datasetSources(): { role: DatasetRole; file: File }[] {
	const out: { role: DatasetRole; file: File }[] = [];
	for (const [role, d] of [['touchpoints', datasets.touchpoints], ['surveys', datasets.surveys], ['profiles', profiles]] as const)
		if (d.source && d.file) out.push({ role, file: d.source });
	return out;
}

async function openDatasets(extra: readonly { role: DatasetRole; file: File }[]): Promise<void> {
	for (const { role, file } of extra) await (role === 'profiles' ? profiles : datasets[role]).open(file);
}

/** The mapping differences (null: no file was loaded to apply the settings to). */
export async function applyProject(settings: ProjectSettings, imp: ProjectImport, files: readonly File[] | null, o: ApplyOptions, extra: readonly { role: DatasetRole; file: File }[] = []): Promise<MappingReport | null> {
	clearPendingSettings();
	if (files && files.length > 0) await imp.open(files);
	// The project's encoding, when this file's was a guess (no byte-order mark).
	const encoding = settings.import?.encoding;
	const d = imp.detection;
	if (session.file && d && d.confidence !== 'certain' && isEncoding(encoding) && encoding !== d.encoding) await imp.reopen(encoding);
	const file = session.file;
	if (!file || (files && imp.error)) {
		await restoreSettings(settings, o.order);
		return null;
	}
	const columns = file.sniff.columns.map((c) => c.name);
	const mapping: ProjectSettings = {};
	const rest: ProjectSettings = {};
	for (const [k, v] of Object.entries(settings)) (o.mappingKeys.includes(k) ? mapping : rest)[k] = v;
	const now = currentSettings();
	const checked = checkMapping(o.columns, (settings.import?.roles ?? {}) as Record<string, unknown>, columns);
	if (mapping.import) mapping.import = { ...mapping.import, roles: { ...(now.import?.roles as Record<string, string>), ...checked.roles } };
	const before = JSON.stringify(o.mappingKeys.map((k) => now[k]));
	await restoreSettings(mapping, o.order);
	const after = currentSettings();
	if (JSON.stringify(o.mappingKeys.map((k) => after[k])) !== before) await imp.apply();
	await rfmRuns.settled(session.txVersion);
	await openDatasets(extra);
	await restoreSettings(rest, o.order);
	return checked.report;
}

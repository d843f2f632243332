/**
 * project.json, the heart of a `.clientele` file (pure): a versioned envelope around the settings.
 * A file of an older version is migrated step by step (MIGRATIONS[v] turns version v into v + 1);
 * a file of a newer version is refused with a message saying which version this app reads.
 */
import { ClienteleError } from '../errors.ts';
import type { ProjectSettings } from './settings-spec.ts';

export const PROJECT_FORMAT = 'clientele-project';
export const PROJECT_VERSION = 1;
/** The entry of the settings inside the zip. */
export const PROJECT_ENTRY = 'project.json';

/** A data file carried in the project (its bytes are the zip entry `entry`, encrypted when `encryption`). */
export interface ProjectDataFile {
	/** What the file is: the transactions (or customer table), touchpoints, surveys, profiles. */
	role: string;
	name: string;
	size: number;
	entry: string;
}

export interface ProjectEncryption {
	algorithm: 'AES-GCM';
	kdf: 'PBKDF2-SHA-256';
	iterations: number;
	/** base64 */
	salt: string;
}

export interface ProjectJson {
	format: typeof PROJECT_FORMAT;
	version: typeof PROJECT_VERSION;
	savedAt: string;
	/** The columns of the transaction file the settings were made on (names only): checked on a new file. */
	columns: string[];
	settings: ProjectSettings;
	/** The data, only when the user ticked it. */
	data: ProjectDataFile[];
	encryption: ProjectEncryption | null;
}

/** Version v → v + 1 (none yet: version 1 is the first). */
const MIGRATIONS: Record<number, (p: Record<string, unknown>) => Record<string, unknown>> = {};

export function newProject(settings: ProjectSettings, columns: string[], savedAt: string): ProjectJson {
	return { format: PROJECT_FORMAT, version: PROJECT_VERSION, savedAt, columns, settings, data: [], encryption: null };
}

/** Reads project.json: checks the envelope, refuses a newer version, migrates an older one. */
export function readProjectJson(text: string, file: string): ProjectJson {
	let p: Record<string, unknown>;
	try {
		p = JSON.parse(text) as Record<string, unknown>;
	} catch {
		throw new ClienteleError('projectFile.notProject', { file });
	}
	if (!p || typeof p !== 'object' || p.format !== PROJECT_FORMAT || typeof p.version !== 'number')
		throw new ClienteleError('projectFile.notProject', { file });
	if (p.version > PROJECT_VERSION)
		throw new ClienteleError('projectFile.newer', { file, version: p.version, supported: PROJECT_VERSION });
	for (let v = p.version; v < PROJECT_VERSION; v++) {
		const step = MIGRATIONS[v];
		if (!step) throw new ClienteleError('projectFile.notProject', { file });
		p = { ...step(p), version: v + 1 };
	}
	const settings = p.settings && typeof p.settings === 'object' ? (p.settings as ProjectSettings) : {};
	return {
		format: PROJECT_FORMAT,
		version: PROJECT_VERSION,
		savedAt: typeof p.savedAt === 'string' ? p.savedAt : '',
		columns: Array.isArray(p.columns) ? p.columns.filter((c): c is string => typeof c === 'string') : [],
		settings,
		data: Array.isArray(p.data) ? (p.data as ProjectDataFile[]) : [],
		encryption: (p.encryption as ProjectEncryption | null) ?? null
	};
}


/**
 * A `.clientele` project file (pure): a ZIP with project.json and, only when the user asked, the data
 * files (deflated; then, with a passphrase, encrypted with AES-GCM — see crypto.ts).
 */
import { ClienteleError } from '../errors.ts';
import { decryptBytes, deriveKey, encryptBytes, newEncryption } from './crypto.ts';
import { PROJECT_ENTRY, readProjectJson, type ProjectDataFile, type ProjectJson } from './format.ts';
import { deflateRaw, inflateRaw, readZip, writeZip, type ZipInput } from './zip.ts';

export interface DataFile {
	role: string;
	name: string;
	bytes: Uint8Array;
}

export interface SaveOptions {
	/** The data to carry (empty: settings only). */
	files?: readonly DataFile[];
	/** Encrypts the data (not the settings) with this passphrase. */
	passphrase?: string;
	/** PBKDF2 iterations (tests use fewer). */
	iterations?: number;
}

/** The project file's bytes. */
export async function writeProjectFile(project: ProjectJson, o: SaveOptions = {}): Promise<Uint8Array> {
	const files = o.files ?? [];
	const encryption = files.length > 0 && o.passphrase ? newEncryption(o.iterations) : null;
	const key = encryption ? await deriveKey(o.passphrase!, encryption) : null;
	const entries: ZipInput[] = [];
	const data: ProjectDataFile[] = [];
	for (const [i, f] of files.entries()) {
		const entry = `data/${i + 1}-${f.role}`;
		const packed = await deflateRaw(f.bytes);
		entries.push({ name: entry, bytes: key ? await encryptBytes(key, packed) : packed, deflate: false });
		data.push({ role: f.role, name: f.name, size: f.bytes.length, entry });
	}
	const json: ProjectJson = { ...project, data, encryption };
	const text = new TextEncoder().encode(JSON.stringify(json, null, '\t'));
	return writeZip([{ name: PROJECT_ENTRY, bytes: text, deflate: true }, ...entries]);
}

/** How big the data will be in the project file (deflated), before saving. */
export async function packedSize(files: readonly DataFile[]): Promise<number> {
	let n = 0;
	for (const f of files) n += (await deflateRaw(f.bytes)).length;
	return n;
}

export interface OpenedProject {
	project: ProjectJson;
	files: DataFile[];
}

/** Is the project's data encrypted (the page then asks for the passphrase)? */
export async function projectNeedsPassphrase(bytes: Uint8Array, file: string): Promise<boolean> {
	const zip = await readZip(bytes);
	const json = zip?.get(PROJECT_ENTRY);
	if (!json) throw new ClienteleError('projectFile.notProject', { file });
	return readProjectJson(new TextDecoder().decode(json), file).encryption !== null;
}

/** Reads a project file: its settings and (when it carries them) its data files. */
export async function readProjectFile(bytes: Uint8Array, file: string, passphrase?: string): Promise<OpenedProject> {
	const zip = await readZip(bytes);
	const json = zip?.get(PROJECT_ENTRY);
	if (!zip || !json) throw new ClienteleError('projectFile.notProject', { file });
	const project = readProjectJson(new TextDecoder().decode(json), file);
	if (project.data.length === 0) return { project, files: [] };
	if (project.encryption && !passphrase) throw new ClienteleError('projectFile.needPassphrase', { file });
	const key = project.encryption ? await deriveKey(passphrase!, project.encryption) : null;
	const files: DataFile[] = [];
	for (const d of project.data) {
		const raw = zip.get(d.entry);
		if (!raw) throw new ClienteleError('projectFile.notProject', { file });
		const packed = key ? await decryptBytes(key, raw, file) : raw;
		files.push({ role: d.role, name: d.name, bytes: await inflateRaw(packed) });
	}
	return { project, files };
}

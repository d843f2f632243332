/**
 * --project FILE, taken by every command (cli/options.ts parseOptions): a `.clientele` project saved
 * by the page gives its settings as flags (core/project/cli-flags.ts); explicit flags win. Only
 * project.json is read (the data in the file, encrypted or not, is not used: --input says the data).
 */
import fs from 'node:fs';
import zlib from 'node:zlib';
import { ClienteleError } from '../core/errors.ts';
import { projectFlags } from '../core/project/cli-flags.ts';
import { PROJECT_ENTRY, readProjectJson } from '../core/project/format.ts';
import { zipEntries } from '../core/xlsx/zip-directory.ts';

/** The settings of a project file, read synchronously (option parsing is). */
function readSettingsSync(file: string): ReturnType<typeof readProjectJson> {
	let bytes: Uint8Array;
	try {
		bytes = fs.readFileSync(file);
	} catch (e) {
		throw new ClienteleError('cli.noFile', { file, detail: e instanceof Error ? e.message : String(e) });
	}
	const entry = zipEntries(bytes)?.find((e) => e.name === PROJECT_ENTRY);
	if (!entry) throw new ClienteleError('projectFile.notProject', { file });
	const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const start = entry.offset + 30 + v.getUint16(entry.offset + 26, true) + v.getUint16(entry.offset + 28, true);
	const raw = bytes.subarray(start, start + entry.compressedSize);
	let text: string;
	try {
		text = new TextDecoder().decode(entry.method === 8 ? zlib.inflateRawSync(raw) : raw);
	} catch {
		throw new ClienteleError('projectFile.notProject', { file });
	}
	return readProjectJson(text, file);
}

/** The role flags: only for commands that read transactions (kpi's --date is a survey column). */
const ROLE_FLAGS = new Set(['customer', 'date', 'amount', 'quantity', 'price', 'order', 'cost', 'status', 'refund-amount', 'paid-date']);

/** Adds the project's settings to parsed values: only flags the command accepts and the user did not give. */
export function addProjectFlags(values: Record<string, string | boolean | undefined>, accepted: Record<string, unknown>, file: string): void {
	const flags = projectFlags(readSettingsSync(file).settings);
	const txCommand = 'amount' in accepted && 'customer' in accepted;
	for (const [flag, value] of Object.entries(flags)) {
		if (!(flag in accepted) || values[flag] !== undefined) continue;
		if (ROLE_FLAGS.has(flag) && !txCommand) continue;
		values[flag] = value;
	}
}

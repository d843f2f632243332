import { readSample } from '../../src/cli/io.ts';
import type { DbClient } from '../../src/db/client.ts';
import { loadFile } from '../../src/run/load-file.ts';
import { type LoadedFile } from '../../src/run/loaded-file.ts';

/** Loads a CSV through the shared import pipeline into the raw table. */
export async function loadCsv(db: DbClient, file: string): Promise<LoadedFile> {
	const f = await loadFile(db, { fileName: file, source: { kind: 'path', path: file }, sample: readSample(file) });
	if (!f) throw new Error('load cancelled');
	return f;
}

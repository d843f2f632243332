/** Several exports of the same shape opened as one dataset in the page (run/open-files.ts). */
import type { DbClient } from '../../db/client.ts';
import { openFiles } from '../../run/open-files.ts';
import type { OpenedFile, OpenFileIo } from '../../run/open-file.ts';

/** The files read as one text table; the first file's detection stands for all. Null when cancelled. */
export async function openMany(db: DbClient, files: readonly File[], io: OpenFileIo<File>): Promise<OpenedFile | null> {
	const opened = await openFiles(db, files, { ragged: 'ask' }, io);
	if (!opened) return null;
	const first = opened.opened[0]!;
	return { file: opened.file, detection: first.detection };
}

/** Several exports of the same shape opened as one dataset in the page (run/open-files.ts). */
import type { DbClient } from '../../db/client.ts';
import { openFiles } from '../../run/open-files.ts';
import type { OpenedFile, OpenFileIo } from '../../run/open-file.ts';

/**
 * The files read as one text table; the first file's detection stands for all, and the first file
 * whose bad bytes became U+FFFD is the one the warning names (`repairedFile`). Null when cancelled.
 */
export async function openMany(db: DbClient, files: readonly File[], io: OpenFileIo<File>): Promise<(OpenedFile & { repairedFile?: string }) | null> {
	const opened = await openFiles(db, files, { ragged: 'ask' }, io);
	if (!opened) return null;
	const first = opened.opened[0]!;
	const hit = opened.opened.findIndex((o) => o.repaired);
	const repaired = hit >= 0 ? { repaired: opened.opened[hit]!.repaired!, repairedFile: files[hit]!.name } : {};
	return { file: opened.file, detection: first.detection, ...repaired };
}

/**
 * The text table of a file loaded typed-first, read from the still-registered file the first time
 * something needs it (the data grid, the quality report, another mapping), and superseded when a
 * newer file owns the text table.
 */
import type { SampleScan } from '../core/csv/ragged.ts';
import { ClienteleError } from '../core/errors.ts';
import type { CsvRead } from '../core/sql/read-csv.ts';
import type { DbClient, FileSource } from '../db/client.ts';
import type { PendingText } from './loaded-file.ts';
import { loadWithoutRagged } from './ragged.ts';
import { RAW_TABLE } from './tables.ts';

/** The pending text table of each engine's current file (one per engine: the raw table). */
const pendingTexts = new WeakMap<DbClient, { stale: () => void }>();

/** A newer file owns the raw table: the older pending text never builds, and lets its file go. */
export function supersede(db: DbClient, next: { stale: () => void } | null): void {
	pendingTexts.get(db)?.stale();
	if (next) pendingTexts.set(db, next);
	else pendingTexts.delete(db);
}

export interface PendingTextOptions {
	fileName: string;
	source: FileSource;
	regName: string;
	read: CsvRead;
	scan: SampleScan;
	/** Lets go of what the source needs besides its registration (a temporary copy), once read or superseded. */
	release?: () => void;
}

/**
 * The text table read from the registered file once, on demand. It is never built once a newer file
 * has been loaded (and a build under way then leaves `raw` alone). The ragged rows were reported, and
 * accepted, when the file was loaded: the same rows are left out, unrecorded; the read cannot be
 * cancelled (Cancel belongs to the import under way, not to a view's text read).
 */
export function pendingText(db: DbClient, { source: from, ...o }: PendingTextOptions): PendingText {
	let built = false;
	let stale = false;
	let running: Promise<void> | null = null;
	const listeners = new Set<(fraction: number) => void>();
	// Released once built or superseded (a transcoded copy can be large): only this variable holds it.
	let source: FileSource | null = from;
	const letGo = () => {
		source = null;
		void db
			.dropFile(o.regName)
			.catch(() => undefined)
			.finally(() => o.release?.());
	};
	const build = async () => {
		if (stale || !source) throw new ClienteleError('import.textSuperseded', { file: o.fileName });
		const r = await loadWithoutRagged({
			db,
			fileName: o.fileName,
			source,
			table: RAW_TABLE,
			read: o.read,
			scan: o.scan,
			policy: 'skip',
			onProgress: (f) => listeners.forEach((l) => l(f)),
			deferred: { stage: `${RAW_TABLE}__text_${o.regName}`, keep: () => !stale }
		});
		if (r === 'cancelled') throw new ClienteleError('import.textSuperseded', { file: o.fileName });
		built = true;
		letGo();
	};
	supersede(db, {
		stale: () => {
			stale = true;
			if (!built) letGo();
		}
	});
	return {
		ensure(onProgress) {
			if (built) return Promise.resolve();
			if (onProgress) listeners.add(onProgress);
			running ??= build().finally(() => {
				running = null;
				listeners.clear();
			});
			return running;
		}
	};
}

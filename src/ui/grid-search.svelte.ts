import type { SearchIndex } from '../core/sql/grid-filter.ts';
import type { Sql } from '../core/sql/sql.ts';

/** After the grid has opened, the search index of a large file starts this much later (its first rows first). */
export const INDEX_AHEAD_DELAY_MS = 500;

/**
 * The quick search's index as one grid uses it (GridTools): made ahead of the first search when it
 * pays (SearchIndex.ahead), on the search box's focus, or at the first keystroke; then each search's
 * rows found once (SearchIndex.prepare), so the grid's count and pages read them.
 */
export class GridSearchIndex {
	/** Whether the index is made (searches then use it). */
	private indexed = $state(false);
	/** The search whose rows the index has found and kept, with their number. */
	private found = $state.raw<{ text: string; n: number } | null>(null);
	private indexing: Promise<void> | null = null;
	private ahead: ReturnType<typeof setTimeout> | null = null;

	constructor(
		private readonly index: SearchIndex | null,
		private readonly textColumns: () => string[]
	) {}

	/** Starts making the index (once; a failed or paused build is tried again by the next call). */
	start(): Promise<void> {
		if (!this.index || this.indexed) return Promise.resolve();
		this.indexing ??= this.index.ensure(this.textColumns()).then(
			() => {
				this.indexed = true;
			},
			() => {
				// Without the index, its searched() tests each column (same rows, slower).
				this.indexing = null;
			}
		);
		return this.indexing;
	}

	/** The grid has opened: a large file's index is made ahead, in slices, after its first rows. */
	startAhead(): void {
		if (this.index?.ahead?.()) this.ahead = setTimeout(() => void this.start(), INDEX_AHEAD_DELAY_MS);
	}

	/** The grid is gone: a build under way stops after its slice (a later search goes on with it). */
	dispose(): void {
		if (this.ahead) clearTimeout(this.ahead);
		this.ahead = null;
		if (!this.indexed) this.index?.pause?.();
	}

	/** Has the index find the text's rows once (then count and pages read them); false when it cannot. */
	async prepare(text: string): Promise<boolean> {
		if (!this.index?.prepare || !this.indexed || text.trim() === '') return false;
		try {
			const n = await this.index.prepare(text);
			if (n === null) return false;
			this.found = { text: text.trim(), n };
			return true;
		} catch {
			return false; /* searched() scans instead (same rows) */
		}
	}

	/** The base rows the search leaves, as the index answers (null: no search, or no index). */
	searched(text: string): Sql | null {
		// Read so a made index, and the rows it found, give their (faster) SQL: the same rows.
		void this.indexed;
		void this.found;
		return this.index ? this.index.searched(text) : null;
	}

	/** How many rows the search `text` leaves, when found by prepare() (no scan); else null. */
	countOf(text: string): number | null {
		const f = this.found;
		return f && f.text === text.trim() && this.searched(text) ? f.n : null;
	}
}

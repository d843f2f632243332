import { gigabytes, nativeRfmCommand, overPageCeiling, PAGE_CEILING_BYTES } from '../../core/import/memory-ceiling.ts';

/** What the page asks about a file over its memory ceiling (core/import/memory-ceiling.ts). */
export interface SizeAsk {
	file: string;
	size: string;
	/** The ceiling, as a size. */
	limit: string;
	/** The command that runs the same analysis on native DuckDB. */
	command: string;
}

/**
 * The page's question before it reads a file larger than it can hold: the engine would run out of
 * memory part-way. The user stops (and gets the command for the native engine) or tries anyway.
 */
export class SizeQuestion {
	pending = $state.raw<SizeAsk | null>(null);
	private resolve: ((c: 'continue' | 'stop') => void) | null = null;

	/**
	 * Whether to read the files: yes when they fit; else the user's answer. Their size is the prepared
	 * file's text (a .gz's decompressed size), or the files' sizes together.
	 */
	async allows(files: readonly File[], prepared: { size?: number; inflatedSize?: number } | null): Promise<boolean> {
		const bytes = prepared ? (prepared.inflatedSize ?? prepared.size ?? files[0]?.size ?? 0) : files.reduce((n, f) => n + f.size, 0);
		if (!overPageCeiling(bytes)) return true;
		return (await this.ask(files.map((f) => f.name).join(', '), bytes)) === 'continue';
	}

	ask(file: string, bytes: number): Promise<'continue' | 'stop'> {
		this.pending = { file, size: gigabytes(bytes), limit: gigabytes(PAGE_CEILING_BYTES), command: nativeRfmCommand(file) };
		return new Promise((resolve) => {
			this.resolve = (c) => {
				this.pending = null;
				this.resolve = null;
				resolve(c);
			};
		});
	}

	choose(c: 'continue' | 'stop'): void {
		this.resolve?.(c);
	}
}

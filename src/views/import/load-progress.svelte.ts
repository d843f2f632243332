import { rowsPerByte, rowsPerSecond, type LoadStep } from '../../core/import/load-stats.ts';

/** How far the load under way has got (time, bytes transcoded, share read) and the rate of the last one. */
export class LoadProgress {
	fileName = $state('');
	fileSize = $state(0);
	startedAt = $state(0);
	now = $state(0);
	/** Bytes transcoded so far (only files that need transcoding report progress). */
	bytesDone = $state(0);
	/** Share of the file DuckDB has read (0–1; null before it reports) and the rows that stands for. */
	readShare = $state<number | null>(null);
	step = $state<LoadStep>('engine');
	/** The last successful read: rows and milliseconds (rows/s after the load). */
	lastLoad = $state.raw<{ rows: number; ms: number } | null>(null);

	private rowsPerByte = 0;
	/** Size of what DuckDB reads (the transcoded copy when there is one). */
	private bytesRead = 0;
	private readFrom = 0;
	private timer: ReturnType<typeof setInterval> | null = null;

	get elapsed(): number {
		return Math.max(0, (this.now - this.startedAt) / 1000);
	}

	/** Rows per second of the last read. */
	get rowsRate(): number {
		return this.lastLoad ? rowsPerSecond(this.lastLoad.rows, this.lastLoad.ms) : 0;
	}

	/** Rows read so far and rows per second, estimated from the share read (null for .gz: sizes differ). */
	get readEstimate(): { rows: number; rate: number } | null {
		if (this.readShare === null || this.rowsPerByte === 0) return null;
		const rows = Math.round(this.readShare * this.bytesRead * this.rowsPerByte);
		return { rows, rate: this.elapsed > 0 ? Math.round(rows / this.elapsed) : 0 };
	}

	/** Bytes per second while transcoding (0 when not measurable). */
	get bytesRate(): number {
		return this.elapsed > 0 ? this.bytesDone / this.elapsed : 0;
	}

	/** A load starts: the clock ticks (5 times a second) until stop(). */
	begin(name: string, size: number): void {
		this.fileName = name;
		this.fileSize = size;
		this.bytesDone = 0;
		this.readShare = null;
		this.startedAt = performance.now();
		this.now = this.startedAt;
		this.stop();
		this.timer = setInterval(() => (this.now = performance.now()), 200);
	}

	/** The engine starts reading the prepared file: the load's rate is measured from here. */
	reading(o: { sample: string; fileName: string; size?: number; inflatedSize?: number }): void {
		this.readFrom = performance.now();
		// A .gz: the engine's share is of the compressed bytes; rows are estimated on the decompressed size.
		this.inflatedSize = o.inflatedSize ?? 0;
		this.rowsPerByte = rowsPerByte(o.sample, o.inflatedSize ? o.fileName.replace(/\.gz$/i, '') : o.fileName);
		this.bytesRead = o.inflatedSize ?? o.size ?? 0;
	}

	/** The decompressed size of the .gz being read (0: not a .gz, or not known). */
	inflatedSize = $state(0);

	/** The read is done: its rows and time, less `waitedMs` spent waiting for the user. */
	loaded(rows: number, waitedMs: number): void {
		this.lastLoad = { rows, ms: performance.now() - this.readFrom - waitedMs };
	}

	stop(): void {
		if (this.timer) clearInterval(this.timer);
		this.timer = null;
	}
}

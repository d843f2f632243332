import { checkWindow, type AnalysisWindow } from '../core/window/window.ts';

/**
 * The one analysis window [start, as-of] of the app (core/window): the page header edits it, every
 * view reads it (RFM, ABC, value matrix, CLV, KPIs). Defaults come from the data when a transaction
 * table is loaded (App.svelte: the first transaction day and RFM's default as-of); `version` is
 * bumped whenever the applied window changes, so views recompute on it.
 */
class WindowState {
	/** The applied window's days ('' until the data gave the defaults). */
	start = $state('');
	asOf = $state('');
	/** The defaults of the loaded data (reset goes back to them). */
	defaultStart = $state('');
	defaultAsOf = $state('');
	/** Bumped whenever the applied window changes. */
	version = $state(0);

	/** The applied window, or null before the data gave one. */
	get current(): AnalysisWindow | null {
		return this.start && this.asOf ? { start: this.start, asOf: this.asOf } : null;
	}

	get isDefault(): boolean {
		return this.start === this.defaultStart && this.asOf === this.defaultAsOf;
	}

	/** New data: its defaults become the window. */
	setDefaults(w: AnalysisWindow | null): void {
		this.defaultStart = w?.start ?? '';
		this.defaultAsOf = w?.asOf ?? '';
		this.start = this.defaultStart;
		this.asOf = this.defaultAsOf;
		this.version++;
	}

	/**
	 * Applies a window the user chose (either day may be left as it is). Throws window.badDate or
	 * window.order (ClienteleError) and keeps the applied window when the days are not a window.
	 */
	apply(w: Partial<AnalysisWindow>): void {
		const next = checkWindow({ start: w.start ?? this.start, asOf: w.asOf ?? this.asOf });
		if (next.start === this.start && next.asOf === this.asOf) return;
		this.start = next.start;
		this.asOf = next.asOf;
		this.version++;
	}

	reset(): void {
		this.apply({ start: this.defaultStart, asOf: this.defaultAsOf });
	}
}

export const analysisWindow = new WindowState();

import type { DbClient } from '../../db/client.ts';
import type { CustomerTableInfo } from '../../state/session.svelte.ts';
import { analysisWindow } from '../../state/window.svelte.ts';
import { RfmResults } from './rfm-results.svelte.ts';

/**
 * The RFM model's dates: with transactions the as-of date and the first day counted are the app's
 * analysis window (state/window.svelte.ts), so an as-of typed in the RFM view moves the window for
 * every view and a window changed in the header re-runs RFM; a customer table keeps its own as-of.
 */
export abstract class RfmWindowed extends RfmResults {
	/** A customer table's as-of date (transactions use the analysis window's). */
	protected ctAsOf = $state('');
	/** A typed as-of date that is not a window (shown as the input's value and as an error). */
	protected asOfDraft = $state<string | null>(null);
	/** The window of the last run requested ('start|asOf'): a window change re-runs only when it differs. */
	protected requested = '';
	defaultAsOf = $state('');

	constructor(
		db: DbClient,
		readonly customerTable: CustomerTableInfo | null = null
	) {
		super(db);
	}

	/** Rebuilds the per-customer table. */
	abstract run(): Promise<void>;

	/**
	 * The as-of date: with transactions the analysis window's (state/window.svelte.ts), so setting it
	 * here moves the window for every view; with a customer table its own.
	 */
	get asOf(): string {
		if (this.customerTable) return this.ctAsOf;
		return this.asOfDraft ?? analysisWindow.asOf;
	}
	set asOf(v: string) {
		if (this.customerTable) {
			this.ctAsOf = v;
			return;
		}
		try {
			analysisWindow.apply({ asOf: v });
			this.asOfDraft = null;
			// The caller runs (the as-of input's change does): the window's follower need not.
			this.requested = this.windowKey;
		} catch {
			this.asOfDraft = v;
		}
	}

	/** The window's first day (none with a customer table). */
	get windowStart(): string | undefined {
		return this.customerTable ? undefined : analysisWindow.start || undefined;
	}

	protected get windowKey(): string {
		return `${this.windowStart ?? ''}|${this.asOf}`;
	}

	/** The analysis window changed (App.svelte calls this): re-run unless that window already ran. */
	followWindow(): void {
		if (this.customerTable || !this.defaultAsOf || this.windowKey === this.requested) return;
		this.asOfDraft = null;
		void this.run();
	}
}

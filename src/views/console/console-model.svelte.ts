import { ConsoleError, isConsoleError } from '../../core/sql-console/console-error.ts';
import type { DbClient } from '../../db/client.ts';
import { consoleSchema, runConsole, type ConsoleOutcome, type ConsoleTable } from '../../run/console.ts';
import { loadHistory, remember, saveHistory } from './history.ts';

/**
 * The SQL console's state, kept while the page lives (switching tabs keeps the statement and its
 * result). Runs go through run/console.ts, which checks each statement before it runs.
 */
export class ConsoleModel {
	text = $state('');
	/** Writes into the scratch schema are on (off on every visit). */
	scratch = $state(false);
	running = $state(false);
	outcome = $state.raw<ConsoleOutcome | null>(null);
	error = $state.raw<ConsoleError | null>(null);
	schema = $state.raw<ConsoleTable[]>([]);
	history = $state.raw<string[]>(loadHistory());
	/** Bumped per finished run: the result grid starts afresh even when its SQL reads the same table. */
	runId = $state(0);
	/** The statement the error belongs to (its caret is drawn under it). */
	errorText = '';

	async refreshSchema(db: DbClient): Promise<void> {
		try {
			this.schema = await consoleSchema(db);
		} catch {
			this.schema = [];
		}
	}

	async run(db: DbClient): Promise<void> {
		if (this.running) return;
		const text = this.text;
		if (text.trim()) this.history = remember(this.history, text);
		this.running = true;
		this.error = null;
		try {
			this.outcome = await runConsole(db, text, { scratch: this.scratch });
			this.runId++;
			if (this.outcome.kind === 'done') await this.refreshSchema(db);
		} catch (e) {
			this.errorText = text;
			this.outcome = null;
			this.error = isConsoleError(e)
				? e
				: new ConsoleError('console.err.failed', { type: '?', name: '', detail: (e instanceof Error ? e.message : String(e)).split('\n')[0] ?? '' }, null);
		} finally {
			this.running = false;
		}
	}

	async cancel(db: DbClient): Promise<void> {
		await db.cancel();
	}

	clearHistory(): void {
		this.history = [];
		saveHistory([]);
	}
}

export const consoleModel = new ConsoleModel();

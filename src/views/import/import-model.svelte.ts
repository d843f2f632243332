import type { DateFormat } from '../../core/csv/dates.ts';
import { swapDayMonth } from '../../core/csv/dates.ts';
import type { RoleMapping, TxRole } from '../../core/csv/roles.ts';
import { ClienteleError, isClienteleError } from '../../core/errors.ts';
import { applyMapping, loadFile, mappingFor } from '../../db/ingest.ts';
import { getDb } from '../../state/engine.ts';
import { session } from '../../state/session.svelte.ts';
import { prepareFile } from './read-sample.ts';

export type ImportStatus = 'idle' | 'starting' | 'loading' | 'mapping' | 'applying' | 'done';

/** Open a file (picker, drop or sample) → load in DuckDB's worker → map columns → typed table. */
export class ImportModel {
	status = $state<ImportStatus>('idle');
	fileName = $state('');
	fileSize = $state(0);
	startedAt = $state(0);
	now = $state(0);
	error = $state.raw<ClienteleError | null>(null);
	notice = $state<string | null>(null);
	roles = $state<RoleMapping>({});
	dateFormat = $state.raw<DateFormat | null>(null);

	private timer: ReturnType<typeof setInterval> | null = null;

	get busy(): boolean {
		return this.status === 'starting' || this.status === 'loading' || this.status === 'applying';
	}

	get elapsed(): number {
		return Math.max(0, (this.now - this.startedAt) / 1000);
	}

	async loadSample(): Promise<void> {
		this.begin('transactions.csv', 0);
		try {
			// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a one-off address, not state
			const res = await fetch(new URL('./sample/transactions.csv', document.baseURI));
			if (!res.ok) throw new Error(`HTTP ${res.status}`);
			const blob = await res.blob();
			await this.open(new File([blob], '示例-transactions.csv', { type: 'text/csv' }));
		} catch (e) {
			this.fail(e, this.fileName);
		}
	}

	async open(file: File): Promise<void> {
		this.begin(file.name, file.size);
		const before = this.status;
		try {
			this.status = 'starting';
			const db = await getDb().catch((e: unknown) => {
				throw new ClienteleError('import.engineFailed', { detail: e instanceof Error ? e.message : String(e) });
			});
			this.status = 'loading';
			const prepared = await prepareFile(file);
			const loaded = await loadFile(db, { fileName: prepared.file.name, source: { kind: 'file', file: prepared.file }, sample: prepared.sample });
			if (!loaded) {
				this.notice = 'import.cancelled';
				this.status = session.file ? 'mapping' : 'idle';
				return;
			}
			session.db = db;
			session.file = loaded;
			session.result = null;
			this.roles = { ...loaded.guess };
			this.dateFormat = null;
			this.status = 'mapping';
			await this.apply();
		} catch (e) {
			this.fail(e, file.name);
			this.status = session.file ? 'mapping' : before === 'done' ? 'done' : 'idle';
		} finally {
			this.stopTimer();
		}
	}

	async cancel(): Promise<void> {
		const db = session.db ?? (await getDb());
		await db.cancel();
	}

	/** The date format in effect: the user's choice, else what the sniffer found for the column. */
	get effectiveDateFormat(): DateFormat | null {
		const col = session.file?.sniff.columns.find((c) => c.name === this.roles.date);
		return this.dateFormat ?? col?.date?.format ?? null;
	}

	get dateAmbiguous(): boolean {
		const col = session.file?.sniff.columns.find((c) => c.name === this.roles.date);
		return col?.date?.ambiguous ?? false;
	}

	flipDayMonth(): void {
		const f = this.effectiveDateFormat;
		if (f) this.dateFormat = swapDayMonth(f);
	}

	setRole(role: TxRole, column: string): void {
		this.roles = { ...this.roles, [role]: column === '' ? undefined : column };
		if (role === 'date') this.dateFormat = null;
	}

	async apply(): Promise<void> {
		const db = session.db;
		const file = session.file;
		if (!db || !file) return;
		this.error = null;
		this.status = 'applying';
		try {
			const mapping = mappingFor(file.sniff, this.roles, this.dateFormat ?? undefined);
			const result = await applyMapping(db, file, mapping);
			session.mapping = mapping;
			session.result = result;
			if (result.errors.length === 0) session.txVersion++;
			this.status = result.errors.length === 0 ? 'done' : 'mapping';
		} catch (e) {
			this.fail(e, file.fileName);
			this.status = 'mapping';
		}
	}

	private begin(name: string, size: number): void {
		this.fileName = name;
		this.fileSize = size;
		this.error = null;
		this.notice = null;
		this.startedAt = performance.now();
		this.now = this.startedAt;
		this.stopTimer();
		this.timer = setInterval(() => (this.now = performance.now()), 200);
	}

	private stopTimer(): void {
		if (this.timer) clearInterval(this.timer);
		this.timer = null;
	}

	private fail(e: unknown, file: string): void {
		this.stopTimer();
		this.error = isClienteleError(e)
			? e
			: new ClienteleError('import.readFailed', { file, detail: e instanceof Error ? e.message : String(e) });
	}
}

import { inspectOffThread } from '../../workers/inspect-client.ts';
import type { DateFormat } from '../../core/csv/dates.ts';
import { swapDayMonth } from '../../core/csv/dates.ts';
import { dateFormatFor } from '../../core/csv/date-choice.ts';
import { localTimeZone } from '../../core/csv/time-zones.ts';
import type { RoleMapping, TxRole } from '../../core/csv/roles.ts';
import { ClienteleError, isClienteleError } from '../../core/errors.ts';
import type { EncodingDetection, TextEncoding } from '../../core/csv/encoding.ts';
import {
	applyMapping,
	canLoadTyped,
	loadFile,
	loadTyped,
	mappingFor,
	type LoadedFile,
	type MappingResult
} from '../../db/ingest.ts';
import { guessRoles } from '../../core/csv/roles.ts';
import type { TxMapping } from '../../core/sql/import.ts';
import { applyQualityFixes } from '../../db/quality.ts';
import { getDb } from '../../state/engine.ts';
import { quality } from '../../state/quality.svelte.ts';
import { session } from '../../state/session.svelte.ts';
import { loadSampleDatasets } from '../../state/datasets.svelte.ts';
import { formatBytes } from '../../ui/download.ts';
import { localDay, today } from '../quality/quality-logic.ts';
import {
	fileKind,
	isOutOfMemory,
	outOfMemoryError,
	refusalFor,
	rowsPerByte,
	rowsPerSecond,
	type LoadStep
} from './file-kind.ts';
import { headBytes, prepareFile } from './read-sample.ts';
import { RaggedQuestion } from './ragged-prompt.svelte.ts';
import { XlsxSource } from './xlsx-source.svelte.ts';
import { applyCustomerTable, CUSTOMER_SOURCE } from './customer-import.ts';
import type { MessageKey } from '../../i18n/translate.ts';
import {
	checkCtRoles,
	customerMappingFor,
	guessCustomerRoles,
	guessFileRole,
	withCtRole,
	type CtRole,
	type CtRoles,
	type FileRole
} from './customer-roles.ts';

export type ImportStatus = 'idle' | 'starting' | 'loading' | 'mapping' | 'applying' | 'done';

/** Open a file (picker, drop or sample) → load in DuckDB's worker → map columns → typed table. */
export class ImportModel {
	status = $state<ImportStatus>('idle');
	fileName = $state('');
	fileSize = $state(0);
	startedAt = $state(0);
	now = $state(0);
	error = $state.raw<ClienteleError | null>(null);
	notice = $state<MessageKey | null>(null);
	roles = $state<RoleMapping>({});
	dateFormat = $state.raw<DateFormat | null>(null);
	/** The zone instants (Unix times, timestamps with an offset) are shown in; default: this browser's. */
	timeZone = $state(localTimeZone());
	/** What the encoding detection said about the last file (null before one is read). */
	detection = $state.raw<EncodingDetection | null>(null);
	/** Bytes transcoded so far (only files that need transcoding report progress). */
	bytesDone = $state(0);
	/** Share of the file DuckDB has read (0–1; null before it reports) and the rows that stands for. */
	readShare = $state<number | null>(null);
	private rowsPerByte = 0;
	step = $state<LoadStep>('engine');
	/** The last successful read: rows and milliseconds (rows/s after the load). */
	lastLoad = $state.raw<{ rows: number; ms: number } | null>(null);
	/** What the file is: transactions or a customer table (guessed from the headers, the user's to change). */
	fileRole = $state<FileRole>('transactions');
	ctRoles = $state<CtRoles>({});
	ctDateFormat = $state.raw<DateFormat | null>(null);
	/** Problems of the customer-table mapping (missing roles, unreadable values, duplicate ids). */
	ctErrors = $state.raw<ClienteleError[]>([]);
	/** The customer table RFM runs from, once checked. */
	ctDone = $state.raw<{ customers: number; defaultAsOf: string | null } | null>(null);

	private timer: ReturnType<typeof setInterval> | null = null;
	private abort: AbortController | null = null;
	/** Rows whose field count differs from the header's: the user decides (RaggedPrompt.svelte). */
	readonly ragged = new RaggedQuestion();
	private lastFile: File | null = null;
	/** The workbook and sheet when the file is an Excel workbook (see xlsx-source.svelte.ts). */
	readonly xlsx = new XlsxSource();

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
			await loadSampleDatasets();
		} catch (e) {
			this.fail(e, this.fileName);
		}
	}

	/** Reads a file; `encoding` overrides the detected one (the user's choice after a guess). */
	async open(file: File, encoding?: TextEncoding): Promise<void> {
		// One load at a time (a file dropped while another loads, or waits on the ragged-rows question,
		// would replace the tables under it): the user waits or cancels first.
		if (this.busy) {
			this.notice = 'import.busy';
			return;
		}
		this.begin(file.name, file.size);
		const before = this.status;
		const restore = () =>
			(this.status = session.file ? 'mapping' : before === 'done' ? 'done' : 'idle');
		try {
			const kind = fileKind(file.name, await headBytes(file));
			const refusal = refusalFor(kind, file.name);
			if (refusal) {
				this.error = refusal;
				restore();
				return;
			}
			this.status = 'starting';
			this.step = 'engine';
			const db = await getDb().catch((e: unknown) => {
				if (isOutOfMemory(e)) throw e;
				throw new ClienteleError('import.engineFailed', {
					detail: e instanceof Error ? e.message : String(e)
				});
			});
			this.status = 'loading';
			this.step = 'reading';
			this.abort = new AbortController();
			const prepared = await prepareFile(await this.xlsx.toCsv(file, kind, this.abort.signal), {
				encoding,
				signal: this.abort.signal,
				onProgress: (p) => (this.bytesDone = p.bytesIn)
			});
			const t0 = performance.now();
			this.rowsPerByte = rowsPerByte(prepared.sample, prepared.file.name);
			this.fileBytesRead = prepared.file.size;
			const inspected = await inspectOffThread(prepared.sample, prepared.file.name);
			const options = {
				fileName: prepared.file.name,
				source: { kind: 'file', file: prepared.file } as const,
				sample: prepared.sample,
				inspected,
				onProgress: (f: number) => (this.readShare = f),
				ragged: this.ragged.ask
			};
			// A transactions file whose columns are all recognised is parsed on its way in (typed-first:
			// the first analysis comes sooner; the text table is read when a view needs it); any other
			// file is loaded as text and waits for the user's mapping.
			const guess = guessRoles(inspected.sniff.columns);
			const typedMapping =
				guessFileRole(inspected.sniff.columns) === 'transactions' && canLoadTyped(guess)
					? mappingFor(inspected.sniff, guess, undefined, this.timeZone)
					: null;
			let typedResult: MappingResult | null = null;
			let loaded: LoadedFile | null;
			if (typedMapping) {
				const typed = await loadTyped(db, { ...options, mapping: typedMapping });
				loaded = typed?.file ?? null;
				typedResult = typed?.result ?? null;
			} else loaded = await loadFile(db, options);
			if (!loaded) {
				this.notice = 'import.cancelled';
				restore();
				return;
			}
			this.xlsx.commit();
			this.lastLoad = { rows: loaded.rows, ms: performance.now() - t0 - this.ragged.takeWaited() };
			this.detection = prepared.detection;
			this.lastFile = file;
			session.db = db;
			session.file = loaded;
			session.result = null;
			quality.reset();
			this.roles = { ...loaded.guess };
			this.dateFormat = null;
			this.fileRole = guessFileRole(loaded.sniff.columns);
			this.ctRoles = guessCustomerRoles(loaded.sniff.columns);
			this.ctDateFormat = null;
			this.ctErrors = [];
			this.ctDone = null;
			this.status = 'mapping';
			if (typedMapping && typedResult) this.settle(typedMapping, typedResult);
			else await this.apply();
		} catch (e) {
			if (this.abort?.signal.aborted) this.notice = 'import.cancelled';
			else this.fail(e, file.name);
			restore();
		} finally {
			this.abort = null;
			this.stopTimer();
		}
	}

	/** Reads the last file again with another encoding. */
	async reopen(encoding: TextEncoding): Promise<void> {
		if (this.lastFile) await this.open(this.lastFile, encoding);
	}

	/** The encoding can be chosen when detection was not certain (no byte-order mark). */
	get encodingChoice(): boolean {
		return this.detection !== null && this.detection.confidence !== 'certain';
	}

	/** Rows per second of the last read. */
	get rowsRate(): number {
		return this.lastLoad ? rowsPerSecond(this.lastLoad.rows, this.lastLoad.ms) : 0;
	}

	/** Rows read so far and rows per second, estimated from the share read (null for .gz: sizes differ). */
	get readEstimate(): { rows: number; rate: number } | null {
		if (this.readShare === null || this.rowsPerByte === 0) return null;
		const rows = Math.round(this.readShare * this.fileBytesRead * this.rowsPerByte);
		return { rows, rate: this.elapsed > 0 ? Math.round(rows / this.elapsed) : 0 };
	}

	/** Size of what DuckDB reads (the transcoded copy when there is one). */
	private fileBytesRead = 0;

	/** Bytes per second while transcoding (0 when not measurable). */
	get bytesRate(): number {
		return this.elapsed > 0 ? this.bytesDone / this.elapsed : 0;
	}

	async cancel(): Promise<void> {
		this.ragged.choose('stop');
		if (this.abort && (this.bytesDone > 0 || this.xlsx.converting)) this.abort.abort();
		const db = session.db ?? (await getDb());
		await db.cancel();
	}

	/** The date format in effect: the user's choice, else what the sniffer found for the column. */
	get effectiveDateFormat(): DateFormat | null {
		const col = session.file?.sniff.columns.find((c) => c.name === this.roles.date);
		return this.dateFormat ?? dateFormatFor(col);
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

	/** The user's choice of what the file is; the next Analyse maps it that way. */
	setFileRole(role: FileRole): void {
		this.fileRole = role;
		this.error = null;
	}

	setCtRole(role: CtRole, column: string): void {
		this.ctRoles = withCtRole(this.ctRoles, role, column);
		if (role === 'lastDate') this.ctDateFormat = null;
	}

	/** The last-purchase-date format in effect (the user's flip, else the sniffer's). */
	get ctEffectiveDateFormat(): DateFormat | null {
		const col = session.file?.sniff.columns.find((c) => c.name === this.ctRoles.lastDate);
		return this.ctDateFormat ?? dateFormatFor(col);
	}

	get ctDateAmbiguous(): boolean {
		const col = session.file?.sniff.columns.find((c) => c.name === this.ctRoles.lastDate);
		return col?.date?.ambiguous ?? false;
	}

	flipCtDayMonth(): void {
		const f = this.ctEffectiveDateFormat;
		if (f) this.ctDateFormat = swapDayMonth(f);
	}

	async apply(): Promise<void> {
		if (this.fileRole === 'customers') return this.applyCustomers();
		const db = session.db;
		const file = session.file;
		if (!db || !file) return;
		this.error = null;
		this.status = 'applying';
		this.step = 'checking';
		try {
			const mapping = mappingFor(
				file.sniff,
				this.roles,
				this.dateFormat ?? undefined,
				this.timeZone
			);
			let result = await applyMapping(db, file, mapping);
			// A new mapping of the same file keeps the data-quality fixes in effect.
			if (result.errors.length === 0 && Object.keys(quality.applied).length > 0) {
				const txRows = await applyQualityFixes(db, {
					file,
					mapping,
					options: { asOf: localDay(today()) },
					fixes: quality.applied
				});
				result = { ...result, txRows };
			}
			this.settle(mapping, result);
		} catch (e) {
			this.fail(e, file.fileName);
			this.status = 'mapping';
		}
	}

	/** A mapping's outcome becomes the session's: analyses run when it has no errors. */
	private settle(mapping: TxMapping, result: MappingResult): void {
		session.mapping = mapping;
		session.result = result;
		if (result.errors.length === 0) {
			session.kind = 'transactions';
			session.customerTable = null;
			this.ctDone = null;
			session.txVersion++;
		}
		this.status = result.errors.length === 0 ? 'done' : 'mapping';
	}

	/** Checks the customer table on the whole file; when it passes, RFM runs from it. */
	private async applyCustomers(): Promise<void> {
		const db = session.db;
		const file = session.file;
		if (!db || !file) return;
		this.error = null;
		this.ctDone = null;
		this.ctErrors = checkCtRoles(this.ctRoles, file.fileName);
		if (this.ctErrors.length > 0) {
			this.status = 'mapping';
			return;
		}
		this.status = 'applying';
		this.step = 'checking';
		try {
			const mapping = customerMappingFor(
				file.sniff,
				this.ctRoles,
				this.ctDateFormat ?? undefined,
				this.timeZone
			);
			const out = await applyCustomerTable(db, file, mapping);
			this.ctErrors = out.errors;
			if (out.errors.length > 0) {
				this.status = 'mapping';
				return;
			}
			session.kind = 'customers';
			session.customerTable = {
				fileName: file.fileName,
				source: CUSTOMER_SOURCE,
				mapping,
				customers: out.customers,
				defaultAsOf: out.defaultAsOf
			};
			session.mapping = null;
			session.result = null;
			this.ctDone = { customers: out.customers, defaultAsOf: out.defaultAsOf };
			session.txVersion++;
			this.status = 'done';
		} catch (e) {
			this.fail(e, file.fileName);
			this.status = 'mapping';
		}
	}

	private begin(name: string, size: number): void {
		this.fileName = name;
		this.fileSize = size;
		this.bytesDone = 0;
		this.readShare = null;
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
		if (isOutOfMemory(e)) {
			this.error = outOfMemoryError({
				step: this.step,
				file,
				size: formatBytes(this.fileSize),
				seconds: this.elapsed
			});
			return;
		}
		this.error = isClienteleError(e)
			? e
			: new ClienteleError('import.readFailed', {
					file,
					detail: e instanceof Error ? e.message : String(e)
				});
	}
}

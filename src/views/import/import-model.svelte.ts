import type { TextEncoding, EncodingDetection } from '../../core/csv/encoding.ts';
import type { Utf8RepairReport } from '../../core/csv/utf8-repair.ts';
import { columnByName } from '../../core/csv/column-lookup.ts';
import { dateFormatFor } from '../../core/csv/date-choice.ts';
import type { DateFormat } from '../../core/csv/dates.ts';
import { localDay } from '../../core/csv/quality.ts';
import type { RoleMapping, TxRole } from '../../core/csv/roles.ts';
import type { ColumnProfile } from '../../core/csv/sniff.ts';
import { localTimeZone } from '../../core/csv/time-zones.ts';
import { ClienteleError, isClienteleError } from '../../core/errors.ts';
import type { Lang, MessageKey } from '../../i18n/translate.ts';
import { guessFileRole, type FileRole } from '../../core/import/customer-roles.ts';
import { isOutOfMemory, outOfMemoryError } from '../../core/import/load-stats.ts';
import { mappingFor } from '../../core/import/mapping.ts';
import type { TxMapping } from '../../core/sql/parse.ts';
import { loadOrRepair, prepareInput } from '../../run/open-file.ts';
import { applyQualityFixes } from '../../run/quality.ts';
import { applyMapping, type MappingResult } from '../../run/stage.ts';
import { loadSampleDatasets } from '../../state/datasets.svelte.ts';
import { getDb } from '../../state/engine.ts';
import { fileInput } from '../../state/file-input.ts';
import { today } from '../../state/clock.ts';
import { quality } from '../../state/quality.svelte.ts';
import { session } from '../../state/session.svelte.ts';
import { fetchSample } from '../../state/sample.ts';
import { formatBytes } from '../../ui/download.ts';
import { CustomerMapping } from './customer-mapping.svelte.ts';
import { LoadProgress } from './load-progress.svelte.ts';
import { RaggedQuestion } from './ragged-prompt.svelte.ts';
import { SizeQuestion } from './size-question.svelte.ts';
import { XlsxSource } from './xlsx-source.svelte.ts';
import { OrderRulesChoice } from './order-rules.svelte.ts';
import { openMany } from './open-many.ts';
import { reloadAfterFailure, startEngine } from './engine-recovery.ts';

export type ImportStatus = 'idle' | 'starting' | 'loading' | 'mapping' | 'applying' | 'done';

/**
 * Open a file (picker, drop or sample) → load in DuckDB's worker → map columns → typed table. The
 * file goes through the one open-file pipeline (run/open-file.ts); this model keeps what the page
 * shows of it and the user's mapping.
 */
export class ImportModel {
	status = $state<ImportStatus>('idle');
	error = $state.raw<ClienteleError | null>(null);
	notice = $state<MessageKey | null>(null);
	roles = $state<RoleMapping>({});
	dateFormat = $state.raw<DateFormat | null>(null);
	/** The zone instants (Unix times, timestamps with an offset) are shown in; default: this browser's. */
	timeZone = $state(localTimeZone());
	/** What the encoding detection said about the last file (null before one is read). */
	detection = $state.raw<EncodingDetection | null>(null);
	/** The last file was UTF-8 with bad bytes: the lines where they became U+FFFD (null: none). */
	repaired = $state.raw<{ file: string; report: Utf8RepairReport } | null>(null);
	/** What the file is: transactions or a customer table (guessed from the headers, the user's to change). */
	fileRole = $state<FileRole>('transactions');
	/** The load under way and the rate of the last one. */
	readonly progress = new LoadProgress();
	/** The mapping when the file is a customer table. */
	readonly customers = new CustomerMapping();
	/** Rows whose field count differs from the header's: the user decides (RaggedPrompt.svelte). */
	readonly ragged = new RaggedQuestion();
	readonly size = new SizeQuestion(); // asked before reading a file larger than the page can hold
	/** The workbook and sheet when the file is an Excel workbook (see xlsx-source.svelte.ts). */
	readonly xlsx = new XlsxSource();
	/** The order statuses excluded and the refund choice (marketplace exports). */
	readonly orders = new OrderRulesChoice();

	private abort: AbortController | null = null;
	lastFile: readonly File[] | null = null;

	get busy(): boolean { return this.status === 'starting' || this.status === 'loading' || this.status === 'applying'; }

	/** The sample twin of a language, the page's (state/sample.ts); its touchpoints and surveys follow. */
	async loadSample(lang: Lang): Promise<void> {
		this.begin('transactions.csv', 0);
		try {
			await this.open(await fetchSample('transactions.csv', lang));
			await loadSampleDatasets(lang);
		} catch (e) {
			this.fail(e, this.progress.fileName);
		}
	}

	/**
	 * Reads a file; `encoding` overrides the detected one (the user's choice after a guess). The file
	 * is prepared (refused, converted, transcoded) before the engine is waited for: a file that
	 * cannot be read is refused at once.
	 */
	async open(input: File | readonly File[], encoding?: TextEncoding): Promise<void> {
		const files = Array.isArray(input) ? (input as readonly File[]) : [input as File];
		const file = files[0];
		if (!file) return;
		// One load at a time (a file dropped while another loads, or waits on the ragged-rows question,
		// would replace the tables under it): the user waits or cancels first.
		if (this.busy) {
			this.notice = 'import.busy';
			return;
		}
		this.begin(files.map((f) => f.name).join(', '), files.reduce((n, f) => n + f.size, 0));
		const before = this.status;
		const restore = () => (this.status = session.file ? 'mapping' : before === 'done' ? 'done' : 'idle');
		const abort = (this.abort = new AbortController());
		const io = fileInput({
			toCsv: (f, kind, signal) => this.xlsx.toCsv(f, kind, signal),
			signal: abort.signal,
			onBytes: (n) => (this.progress.bytesDone = n),
			askRagged: this.ragged.ask,
			onProgress: (f) => (this.progress.readShare = f)
		});
		try {
			this.reading();
			const prepared = files.length > 1 ? null : await prepareInput(file, { encoding }, io);
			if (!(await this.size.allows(files, prepared))) abort.abort(); // the user stopped: a cancelled load
			abort.signal.throwIfAborted();
			this.status = 'starting';
			this.progress.step = 'engine';
			const db = await startEngine();
			this.reading();
			if (prepared) this.progress.reading(prepared);
			// A transactions file whose columns are all recognised is parsed on its way in (typed-first:
			// the first analysis comes sooner; the text table is read when a view needs it); any other
			// file, and several files read as one dataset, are loaded as text and mapped.
			const opened = prepared
				? await loadOrRepair(db, file, prepared, { ragged: 'ask', typedFirst: { timeZone: this.timeZone } }, io)
				: await openMany(db, files, io);
			if (!opened) {
				this.notice = 'import.cancelled';
				restore();
				return;
			}
			this.xlsx.commit();
			this.progress.loaded(opened.file.rows, this.ragged.takeWaited());
			this.detection = opened.detection;
			this.repaired = opened.repaired ? { file: (opened as { repairedFile?: string }).repairedFile ?? file.name, report: opened.repaired } : null;
			this.lastFile = files;
			session.db = db;
			session.file = opened.file;
			session.result = null;
			quality.reset();
			this.roles = { ...opened.file.guess };
			this.dateFormat = null;
			this.fileRole = opened.file.fileRole ?? guessFileRole(opened.file.sniff.columns);
			this.customers.reset(opened.file.sniff.columns, opened.file.customerRoles);
			this.status = 'mapping';
			if (opened.typed) this.settle(opened.typed.mapping, opened.typed.result);
			else await this.apply();
		} catch (e) {
			if (abort.signal.aborted) this.notice = 'import.cancelled';
			else this.fail(e, file.name);
			restore();
		} finally {
			this.abort = null;
			this.progress.stop();
		}
		await this.recoverIfBroken();
	}

	/** Set by fail() when the engine broke: its tables are gone; recoverIfBroken reloads. */
	private broke = false;
	private recovering = false;

	/** After the engine broke: a fresh one, and the last files read again from the Files the page holds (once). */
	private async recoverIfBroken(): Promise<void> {
		if (!this.broke || this.recovering) return;
		[this.broke, this.recovering] = [false, true];
		await reloadAfterFailure(this, this.lastFile).finally(() => (this.recovering = false));
	}

	/** Reads the last file again with another encoding. */
	async reopen(encoding: TextEncoding): Promise<void> { if (this.lastFile) await this.open(this.lastFile, encoding); }

	/** The encoding can be chosen when detection was not certain (no byte-order mark) or bad bytes were replaced. */
	get encodingChoice(): boolean { return this.detection !== null && (this.detection.confidence !== 'certain' || this.repaired !== null); }

	async cancel(): Promise<void> {
		this.ragged.choose('stop');
		this.size.choose('stop');
		if (this.abort && (this.progress.bytesDone > 0 || this.xlsx.converting)) this.abort.abort();
		const db = session.db ?? (await getDb());
		await db.cancel();
	}

	/** The date format in effect: the user's choice, else what the sniffer found for the column. */
	get effectiveDateFormat(): DateFormat | null { return this.dateFormat ?? dateFormatFor(this.dateColumn); }

	/** Day and month not told apart by the sample, or (asked before any analysis) by the whole column. */
	get dateAmbiguous(): boolean { return this.dayMonthAsked || (this.dateColumn?.date?.ambiguous ?? false); }

	/** The last mapping stopped at the day/month question (no value of the column decides). */
	get dayMonthAsked(): boolean { return session.result?.errors.some((e) => e.code === 'dates.dayMonthUndecided') ?? false; }

	/** The user's date format; an answer to the day/month question maps the file at once. */
	chooseDateFormat(f: DateFormat): void {
		const asked = this.dayMonthAsked;
		this.dateFormat = f;
		if (asked) void this.apply();
	}

	private get dateColumn(): ColumnProfile | undefined { return columnByName(session.file?.sniff.columns ?? [], this.roles.date); }

	setRole(role: TxRole, column: string): void {
		this.roles = { ...this.roles, [role]: column === '' ? undefined : column };
		if (role === 'date') this.dateFormat = null;
	}

	/** The user's choice of what the file is; the next Analyse maps it that way. */
	setFileRole(role: FileRole): void {
		this.fileRole = role;
		this.error = null;
	}

	async apply(): Promise<void> {
		if (this.fileRole === 'customers') return this.applyCustomers();
		const db = session.db;
		const file = session.file;
		if (!db || !file) return;
		this.checking();
		try {
			let mapping = mappingFor(file.sniff, this.roles, this.dateFormat ?? undefined, this.timeZone, this.orders.rules);
			let result = await applyMapping(db, file, mapping, { dayMonthChosen: this.dateFormat !== null });
			if (result.mapping) mapping = result.mapping;
			// A new mapping of the same file keeps the data-quality fixes in effect.
			if (result.errors.length === 0 && Object.keys(quality.applied).length > 0) {
				const options = { asOf: localDay(today()) };
				const txRows = await applyQualityFixes(db, file, { mapping, options, fixes: quality.applied });
				result = { ...result, txRows };
			}
			this.settle(mapping, result);
		} catch (e) {
			this.fail(e, file.fileName);
			this.status = 'mapping';
		}
		await this.recoverIfBroken();
	}

	/** A mapping's outcome becomes the session's: analyses run when it has no errors. */
	private settle(mapping: TxMapping, result: MappingResult): void {
		// The whole date column decided the other day/month order than the sample: shown as the format.
		if (result.mapping) this.dateFormat = result.mapping.dateFormat;
		session.mapping = result.mapping ?? mapping;
		session.result = result;
		if (result.errors.length === 0) {
			session.kind = 'transactions';
			session.customerTable = null;
			this.customers.done = null;
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
		if (!this.customers.check(file.fileName)) {
			this.status = 'mapping';
			return;
		}
		this.checking();
		try {
			const table = await this.customers.apply(db, file, this.timeZone);
			if (!table) {
				this.status = 'mapping';
				return;
			}
			session.kind = 'customers';
			session.customerTable = table;
			session.mapping = null;
			session.result = null;
			session.txVersion++;
			this.status = 'done';
		} catch (e) {
			this.fail(e, file.fileName);
			this.status = 'mapping';
		}
	}

	private begin(name: string, size: number): void {
		[this.error, this.notice] = [null, null];
		this.progress.begin(name, size);
	}

	private reading = (): void => void ([this.status, this.progress.step] = ['loading', 'reading']);
	private checking = (): void => void ([this.error, this.status, this.progress.step] = [null, 'applying', 'checking']);

	private fail(e: unknown, file: string): void {
		this.progress.stop();
		if (isOutOfMemory(e) || session.db?.broken) this.broke = true;
		if (isOutOfMemory(e)) {
			const p = this.progress;
			this.error = outOfMemoryError({ step: p.step, file, size: formatBytes(p.fileSize), seconds: p.elapsed });
			return;
		}
		this.error = isClienteleError(e) ? e : new ClienteleError('import.readFailed', { file, detail: e instanceof Error ? e.message : String(e) });
	}
}

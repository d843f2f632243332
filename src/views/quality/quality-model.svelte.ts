import { localDay, policyOf, setFix, type FindingKind, type FixPolicy, type QualityFixes } from '../../core/csv/quality.ts';
import { ClienteleError, isClienteleError } from '../../core/errors.ts';
import { applyQualityFixes, runQualityReport } from '../../run/quality.ts';
import { today } from '../../state/clock.ts';
import { quality } from '../../state/quality.svelte.ts';
import { session } from '../../state/session.svelte.ts';

export type QualityStatus = 'idle' | 'running' | 'applying' | 'ready' | 'error';

/**
 * Runs the data-quality report on the loaded file and applies the user's fix policies: each change
 * rebuilds the analysis table from the raw table (nothing else is modified) and bumps
 * session.txVersion so the analyses recompute. Setting a policy back to 'keep' is the undo.
 */
export class QualityModel {
	status = $state<QualityStatus>('idle');
	error = $state.raw<ClienteleError | null>(null);

	/** `today` is the page's clock, read here and never in the SQL builders. */
	constructor(private readonly clock: () => Date = today) {}

	get asOf(): string {
		return localDay(this.clock());
	}

	get busy(): boolean {
		return this.status === 'running' || this.status === 'applying';
	}

	/** True when the shown report belongs to other data than the current analysis table. */
	get stale(): boolean {
		return quality.report === null || quality.reportVersion !== session.txVersion;
	}

	async run(): Promise<void> {
		const { db, file, mapping } = session;
		if (!db || !file || !mapping || !session.ready || this.busy) return;
		this.status = 'running';
		this.error = null;
		const version = session.txVersion;
		try {
			const report = await runQualityReport(db, file, { mapping, options: { asOf: this.asOf }, fixes: quality.applied });
			quality.report = report;
			quality.reportVersion = version;
			this.status = 'ready';
		} catch (e) {
			this.fail(e);
		}
	}

	policy(kind: FindingKind): FixPolicy {
		return policyOf(quality.applied, kind);
	}

	async setPolicy(kind: FindingKind, policy: FixPolicy): Promise<void> {
		await this.apply(setFix(quality.applied, kind, policy));
	}

	async undoAll(): Promise<void> {
		await this.apply({});
	}

	/** Rebuilds the analysis table with `fixes`; on failure the previous settings stay in effect. */
	private async apply(fixes: QualityFixes): Promise<void> {
		const { db, file, mapping, result } = session;
		if (!db || !file || !mapping || !result || this.busy) return;
		this.status = 'applying';
		this.error = null;
		try {
			// The report's stray cutoff (it may start before today: a late cluster of stray dates).
			const asOf = quality.report?.options.asOf ?? this.asOf;
			const txRows = await applyQualityFixes(db, file, { mapping, options: { asOf }, fixes });
			quality.applied = fixes;
			session.result = { ...result, txRows };
			session.txVersion++;
			const r = quality.report;
			if (r) {
				quality.report = { ...r, findings: r.findings.map((f) => ({ ...f, policy: policyOf(fixes, f.kind) })) };
				quality.reportVersion = session.txVersion;
			}
			this.status = 'ready';
		} catch (e) {
			this.fail(e);
		}
	}

	private fail(e: unknown): void {
		this.status = 'error';
		this.error = isClienteleError(e) ? e : new ClienteleError('quality.failed', { file: session.file?.fileName ?? '', detail: e instanceof Error ? e.message : String(e) });
	}
}

/** The one quality model of the page (the tab and the import view's summary share it). */

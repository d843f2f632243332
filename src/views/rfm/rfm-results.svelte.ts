import type { DbClient } from '../../db/client.ts';
import type { ClienteleError } from '../../core/errors.ts';
import { toCsv } from '../../core/export/csv.ts';
import { moneyColumnsOf } from '../../core/export/money.ts';
import { DEFAULT_RFM } from '../../core/rfm/defaults.ts';
import type { SegmentSummaryRow } from '../../core/sql/rfm.ts';
import type { CoverageFilter, CoverageSummaryRow } from '../../core/sql/rfm-coverage.ts';
import { rfmListSql, type RfmListFilter } from '../../core/sql/rfm-list.ts';
import type { BreakRow } from '../../core/sql/rfm-score.ts';
import { RFM_EXPLAIN_COLUMNS } from '../../core/sql/rfm-columns.ts';
import type { Sql } from '../../core/sql/sql.ts';
import type { SegmentSet } from '../../core/segments/rules.ts';
import { PRESETS } from '../../core/segments/presets.ts';
import { rfmRows } from '../../run/rfm.ts';
import { RFM_SCORES, RFM_TABLE } from '../../run/tables.ts';
import type { RfCell } from '../../charts/rf-heatmap.ts';
import type { Lang } from '../../i18n/translate.ts';
import { segmentExplanations } from '../../i18n/segment-texts.ts';
import { segmentNamesIn } from './summary.ts';
import { labelsFor, type ValueLabels } from '../../core/grid/value-ids.ts';

export type RfmStatus = 'idle' | 'running' | 'ready' | 'error';

/**
 * What an RFM run shows (RfmModel, which extends this, runs them): status, summary, heatmap,
 * score breaks, rule coverage, and the customers listed: a segment's in the side panel (`selected`),
 * all or a coverage group's in the list below the results.
 */
export class RfmResults {
	status = $state<RfmStatus>('idle');
	error = $state.raw<ClienteleError | null>(null);
	summary = $state.raw<SegmentSummaryRow[]>([]);
	/** The rule set the summary was made with (its segment names label the summary's charts). */
	summarySet = $state.raw<SegmentSet>(PRESETS[DEFAULT_RFM.preset]);
	heatmap = $state.raw<RfCell[]>([]);
	breaks = $state.raw<BreakRow[]>([]);
	/** The breaks shown belong to the previous scores until the new ones are read. */
	breaksRunning = $state(false);
	coverage = $state.raw<CoverageSummaryRow[]>([]);
	/** Customers matched by several rules / by none. */
	overlap = $state.raw({ several: 0, none: 0 });
	/** The settings panel is open (folded after a load: the results come first). */
	settingsOpen = $state(false);
	/** The segment whose customers the side panel shows (null: the panel is closed). */
	selected = $state<string | null>(null);
	/** Lists a coverage group in the list below instead of all customers. */
	coverageFilter = $state<Exclude<CoverageFilter, 'all'> | null>(null);
	/**
	 * The segment table as the last finished run left it: its rule set and run number (a new
	 * object per run, so the customer list and the plots re-read on it).
	 */
	built = $state.raw<{ set: SegmentSet; version: number }>({
		set: PRESETS[DEFAULT_RFM.preset],
		version: 0
	});
	/** Bumped when the scores changed (run, re-score): plots of scores alone re-read only then. */
	scoresVersion = $state(0);
	/** The coverage counts are being re-read after a change (the summary is already shown). */
	coverageRunning = $state(false);

	constructor(protected readonly db: DbClient) {}

	/** Bumped after each run so the customer grid and the plots re-read. */
	get version(): number {
		return this.built.version;
	}

	get totals(): { customers: number; revenue: number } {
		return this.summary.reduce(
			(a, r) => ({ customers: a.customers + r.customers, revenue: a.revenue + r.revenue }),
			{ customers: 0, revenue: 0 }
		);
	}

	/** Which customers a list shows: 'panel' the selected segment's, 'list' a coverage group or all. */
	private listFilter(set: SegmentSet, which: 'panel' | 'list'): RfmListFilter {
		if (which === 'panel') return this.selected ? { segment: this.selected } : null;
		return this.coverageFilter ? { coverage: this.coverageFilter, set } : null;
	}

	/**
	 * A grid's source, names in `lang`: the side panel's segment, or the list below (a coverage
	 * group or all). Derived from the selection and the last finished run (a rule change re-lists
	 * once its segments are in place, not before).
	 */
	customersSource(lang: Lang, which: 'panel' | 'list' = 'list'): Sql {
		const { set } = this.built;
		const names = segmentNamesIn(set, lang);
		return rfmListSql({ rfm: RFM_TABLE, scores: RFM_SCORES, names, filter: this.listFilter(set, which) });
	}

	/** The lists' translated column (segment names) for their grid's tools: value filters keep ids. */
	get gridValues(): ValueLabels {
		const { set } = this.built;
		return labelsFor(['segment'], { en: segmentNamesIn(set, 'en'), 'zh-CN': segmentNamesIn(set, 'zh-CN') });
	}

	/** Opens a segment's customers in the side panel (null: closes it). */
	select(segment: string | null): void {
		this.selected = segment;
	}

	/** Lists a coverage group (several rules / none; null: all customers) in the list below. */
	showCoverage(filter: Exclude<CoverageFilter, 'all'> | null): void {
		this.coverageFilter = filter;
	}

	/**
	 * CSV of the side panel's segment or of the list below (coverage group or all): the contract's
	 * columns, then meaning and action (RFM_EXPLAIN_COLUMNS), all in `lang`.
	 */
	async exportCsv(lang: Lang, which: 'panel' | 'list' = 'list'): Promise<string> {
		const { set } = this.built;
		const rows = await rfmRows(this.db, {
			segmentNames: segmentNamesIn(set, lang),
			filter: this.listFilter(set, which),
			explain: segmentExplanations(set, lang)
		});
		return toCsv(RFM_EXPLAIN_COLUMNS, rows, { bom: true, money: moneyColumnsOf(RFM_EXPLAIN_COLUMNS) });
	}
}

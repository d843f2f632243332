import { ClienteleError, isClienteleError } from '../../core/errors.ts';
import { toCsv } from '../../core/export/csv.ts';
import { skewOf } from '../../core/skew.ts';
import type { Sql } from '../../core/sql/sql.ts';
import {
	QUADRANTS,
	valueMatrixCustomersSql,
	type CurrentMeasure,
	type PotentialColumn,
	type PotentialMeasure,
	type Quadrant,
	type SplitRule,
	type ValueMatrixListColumn
} from '../../core/sql/value-matrix.ts';
import type { DbClient } from '../../db/client.ts';
import { analysisWindow } from '../../state/window.svelte.ts';
import { DEFAULT_VALUE_MATRIX, potentialColumns, runValueMatrix, txHasCost, type QuadrantRow, type ValueMatrixRunOptions } from '../../run/value-matrix.ts';
import { VALUE_MATRIX_TABLE } from '../../run/tables.ts';
import type { MatrixPoint } from '../../charts/value-matrix.ts';
import { CATALOGUES, type Lang, type MessageKey } from '../../i18n/translate.ts';
import type { ValueLabels } from '../../core/grid/value-ids.ts';
import { potentialFromKey, type CostState, type CurrentKind } from './axis-options.ts';

export type { CurrentKind } from './axis-options.ts';
export type SplitKind = 'median' | 'mean' | 'values';

/** Grid / export columns: table column → catalogue key of its header. */
const HEADER_KEYS: Record<ValueMatrixListColumn, MessageKey> = {
	customer_id: 'value.col.customer',
	quadrant: 'value.col.quadrant',
	current_value: 'value.col.current',
	potential_value: 'value.col.potential',
	revenue: 'value.col.revenue',
	clv: 'value.col.clv',
	p_alive: 'value.col.pAlive',
	expected_purchases: 'value.col.expectedPurchases',
	expected_avg_spend: 'value.col.expectedSpend'
};

/** Value matrix over table `clv`: measures and split in $state, summary and points in $state.raw. */
export class MatrixModel {
	status = $state<'idle' | 'running' | 'ready' | 'error'>('idle');
	error = $state.raw<ClienteleError | null>(null);
	currentKind = $state<CurrentKind>(DEFAULT_VALUE_MATRIX.current);
	/** 'clv', 'alive-spend' or 'table.column' of one of `columns`. */
	potentialKey = $state<string>(DEFAULT_VALUE_MATRIX.potential);
	/** Numeric per-customer columns the potential axis may use. */
	columns = $state.raw<PotentialColumn[]>([]);
	cost = $state<CostState>('none');
	splitKind = $state<SplitKind>(DEFAULT_VALUE_MATRIX.split);
	splitCurrent = $state(0);
	splitPotential = $state(0);
	/** The user's choice of a log scale; null: chosen automatically (logSkew). */
	logChoice = $state<boolean | null>(null);
	selected = $state<Quadrant | null>(null);
	summary = $state.raw<QuadrantRow[]>([]);
	points = $state.raw<MatrixPoint[]>([]);
	/** Service strategy text per quadrant and language, editable; defaults from the catalogues. */
	strategies = $state<Record<Lang, Record<Quadrant, string>>>({
		en: Object.fromEntries(QUADRANTS.map((q) => [q, CATALOGUES.en[`value.strategy.${q}`] ?? ''])) as Record<Quadrant, string>,
		'zh-CN': Object.fromEntries(QUADRANTS.map((q) => [q, CATALOGUES['zh-CN'][`value.strategy.${q}`] ?? ''])) as Record<Quadrant, string>
	});
	version = $state(0);
	/** How skewed the plotted values are (either axis): a log scale by default when they are. */
	readonly logSkew = $derived.by(() => {
		const c = skewOf(this.points.map((p) => p.current_value));
		const p = skewOf(this.points.map((p) => p.potential_value));
		return c.ratio >= p.ratio ? c : p;
	});
	private runs = 0;
	private marked = false;

	constructor(private readonly db: DbClient) {}

	/** The current value's revenue window: the app's analysis window (state/window.svelte.ts). */
	get from(): string {
		return analysisWindow.start;
	}
	get to(): string {
		return analysisWindow.asOf;
	}

	/** Log axes: the user's choice, else automatic for skewed data. */
	get log(): boolean {
		return this.logChoice ?? this.logSkew.skewed;
	}
	set log(v: boolean) {
		this.logChoice = v;
	}

	get current(): CurrentMeasure {
		return this.currentKind === 'rfm' ? { kind: 'rfm' } : { kind: this.currentKind, from: this.from || undefined, to: this.to || undefined };
	}

	get potential(): PotentialMeasure {
		return potentialFromKey(this.potentialKey, this.columns);
	}

	/**
	 * Looks up what the axes can offer: margin when the mapping has a cost column and the analysis
	 * table still has it; the numeric columns of the CLV and RFM tables. Choices that went away fall back.
	 */
	async refreshOptions(mappedCost: boolean): Promise<void> {
		const [inTable, columns] = await Promise.all([txHasCost(this.db), potentialColumns(this.db)]);
		this.cost = !mappedCost ? 'none' : inTable ? 'ready' : 'lost';
		if (this.currentKind === 'margin' && this.cost !== 'ready') this.currentKind = 'revenue';
		this.columns = columns;
		if (potentialFromKey(this.potentialKey, this.columns) === 'clv') this.potentialKey = 'clv';
	}

	get split(): SplitRule {
		return this.splitKind === 'values' ? { kind: 'values', current: Number(this.splitCurrent), potential: Number(this.splitPotential) } : { kind: this.splitKind };
	}

	/** The runner's options as the controls stand (what Apply runs). */
	get options(): ValueMatrixRunOptions {
		return { current: this.current, potential: this.potential, split: this.split };
	}

	get splits(): { current: number; potential: number } | null {
		const r = this.summary.find((s) => s.current_split !== null);
		return r && r.current_split !== null && r.potential_split !== null ? { current: r.current_split, potential: r.potential_split } : null;
	}

	async run(): Promise<void> {
		const run = ++this.runs;
		this.status = 'running';
		this.error = null;
		try {
			const r = await runValueMatrix(this.db, this.options);
			if (run !== this.runs) return;
			this.summary = r.summary;
			this.points = r.points;
			const s = this.splits;
			if (s && this.splitKind !== 'values') {
				this.splitCurrent = Math.round(s.current * 100) / 100;
				this.splitPotential = Math.round(s.potential * 100) / 100;
			}
			this.version++;
			this.status = 'ready';
			if (!this.marked && typeof performance !== 'undefined') {
				this.marked = true;
				performance.mark('clientele:value-matrix-done');
			}
		} catch (e) {
			if (run !== this.runs) return;
			this.status = 'error';
			this.error = isClienteleError(e) ? e : new ClienteleError('clv.fitFailed', { detail: e instanceof Error ? e.message : String(e) });
		}
	}

	/**
	 * The selected quadrant's customers (or all), quadrant names in `lang`. For the grid its columns are
	 * ids, so the grid's filters and layout hold in either language (headerNames labels them); the
	 * export's columns are headed in `lang` and carry the service strategy, as they always have.
	 */
	customersSource(lang: Lang, forExport = false): Sql {
		const cat = CATALOGUES[lang];
		return valueMatrixCustomersSql({
			matrix: VALUE_MATRIX_TABLE,
			names: forExport ? this.headerNames(lang) : undefined,
			quadrants: Object.fromEntries(QUADRANTS.map((q) => [q, cat[`value.quadrant.${q}`] ?? q])),
			quadrant: this.selected ?? undefined,
			// The current value is the revenue itself: one column, not two equal ones.
			omit: this.currentKind === 'revenue' ? ['revenue'] : [],
			strategies: forExport ? this.strategies[lang] : undefined,
			strategyName: cat['value.col.strategy']
		});
	}

	/** The list's quadrant names for its grid's tools: a value filter keeps the quadrant id in either language. */
	get gridValues(): ValueLabels {
		const names = (lang: Lang) => Object.fromEntries(QUADRANTS.map((q) => [q, CATALOGUES[lang][`value.quadrant.${q}`] ?? q]));
		return { quadrant: { en: names('en'), 'zh-CN': names('zh-CN') } };
	}

	headerNames(lang: Lang): Record<ValueMatrixListColumn, string> {
		const cat = CATALOGUES[lang];
		return Object.fromEntries(Object.entries(HEADER_KEYS).map(([col, key]) => [col, cat[key] ?? col])) as Record<ValueMatrixListColumn, string>;
	}

	/** CSV (BOM) of the selected quadrant or everyone, with the edited strategy, CLV, P(alive), expected purchases; money rounded. */
	async exportCsv(lang: Lang): Promise<string> {
		const res = await this.db.query(this.customersSource(lang, true));
		return toCsv(res.columns.map((c) => c.name), res.rows, { bom: true, money: this.moneyHeaders(lang) });
	}

	/** The money columns of the list, by id: revenue, and the current value unless it is the RFM score. */
	moneyColumns(): ValueMatrixListColumn[] {
		return ['revenue', ...(this.currentKind === 'rfm' ? [] : (['current_value'] as const))];
	}

	/** The money columns by their header in `lang` (the export's). */
	moneyHeaders(lang: Lang): string[] {
		const names = this.headerNames(lang);
		return this.moneyColumns().map((c) => names[c]);
	}
}

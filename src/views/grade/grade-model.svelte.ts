/**
 * The grade view's model: the standard being edited ($state), the sources it may use, and the
 * results of applying it (run/grade.ts) to the current RFM run's per-customer table. Every edit
 * re-applies the standard shortly after (live tier counts); only the statements an edit touches
 * run again (values when the indicators change, points when a rule changes, else the tiers only).
 */
import { ClienteleError, isClienteleError } from '../../core/errors.ts';
import { parseStandardJson } from '../../core/grade/parse.ts';
import { PRESET_TIER_NAMES, scoringPreset, suggestedThresholds, weightedPreset, type GradePresetId } from '../../core/grade/presets.ts';
import { standardJson, type GradeMethod, type GradeStandard, type PointsRule } from '../../core/grade/standard.ts';
import { normaliseWeights, setWeight } from '../../core/grade/weights.ts';
import type { DbClient } from '../../db/client.ts';
import type { Lang } from '../../i18n/translate.ts';
import type { AppliedGrading, GradingRun } from '../../state/analysis.svelte.ts';
import { baseQuantiles, buildGradeInput, checkIndicators, gradeAvailability, gradeResults, scoreGrade, type GradeAvailability, type GradeResult, type GradeSourceOptions, type ReasonWords } from '../../run/grade.ts';

export type GradeStatus = 'idle' | 'running' | 'ready' | 'error';

/** What the page knows of the sources when it applies the standard (from the session, datasets and views). */
export type PageSources = Omit<GradeSourceOptions, 'asOf' | 'monetaryIsAverage'>;

const QUINTILES = [0.2, 0.4, 0.6, 0.8];
const DELAY_MS = 150;

export class GradeModel implements GradingRun {
	standard = $state<GradeStandard>(weightedPreset(PRESET_TIER_NAMES['zh-CN']));
	status = $state<GradeStatus>('idle');
	error = $state.raw<ClienteleError | null>(null);
	result = $state.raw<GradeResult | null>(null);
	/** The standard the results on screen come from. */
	applied = $state.raw<GradeStandard | null>(null);
	available = $state.raw<GradeAvailability | null>(null);
	/** Bumped after each finished run. */
	version = $state(0);
	/** The standard and sources of the results on screen (the plan evaluation re-applies them at its end date). */
	lastApplied: AppliedGrading | null = null;
	private asOf = '';
	private monetaryIsAverage = false;
	private sources: PageSources = { cost: false, clv: false, surveys: null, profiles: false };
	private words: ReasonWords = { total: 'total', ungraded: 'not graded, missing:' };
	private keys = { input: '', points: '' };
	private runs = 0;
	private timer: ReturnType<typeof setTimeout> | null = null;

	/** Starts from the weighted preset, its tier names in the page's language. */
	constructor(
		private readonly db: DbClient,
		lang: Lang
	) {
		this.standard = weightedPreset(PRESET_TIER_NAMES[lang]);
	}

	/** A finished RFM run (or new sources): the values are rebuilt at the next run. */
	refresh(o: { asOf: string; monetaryIsAverage: boolean; rfmVersion: number; sources: PageSources; words: ReasonWords }): void {
		this.asOf = o.asOf;
		this.monetaryIsAverage = o.monetaryIsAverage;
		this.sources = o.sources;
		this.words = o.words;
		this.keys = { input: '', points: '' };
		void this.run();
	}

	/** Re-applies the standard after a short pause (edits come in bursts while typing). */
	schedule(): void {
		if (this.timer) clearTimeout(this.timer);
		this.timer = setTimeout(() => {
			this.timer = null;
			void this.run();
		}, DELAY_MS);
	}

	async run(): Promise<void> {
		if (!this.asOf) return;
		const run = ++this.runs;
		const t0 = performance.now();
		let s: GradeStandard;
		try {
			// Through the JSON a file would hold: the editor's blanks and typos get the file's messages.
			s = parseStandardJson(standardJson($state.snapshot(this.standard)));
		} catch (e) {
			// A standard being edited may be incomplete: say what is wrong, keep the last results.
			this.fail(e);
			return;
		}
		this.status = 'running';
		try {
			const o: GradeSourceOptions = { ...this.sources, asOf: this.asOf, monetaryIsAverage: this.monetaryIsAverage };
			const available = await gradeAvailability(this.db, o);
			await checkIndicators(this.db, s, available);
			const inputKey = JSON.stringify([o, s.indicators.map((i) => i.name)]);
			const pointsKey = JSON.stringify([inputKey, s.indicators.map((i) => [i.better, i.points])]);
			if (inputKey !== this.keys.input) await buildGradeInput(this.db, s, o);
			await scoreGrade(this.db, s, this.words, pointsKey !== this.keys.points);
			this.keys = { input: inputKey, points: pointsKey };
			const result = await gradeResults(this.db, s);
			if (run !== this.runs) return;
			this.available = available;
			this.result = result;
			this.applied = s;
			this.lastApplied = { standard: s, sources: { ...this.sources, monetaryIsAverage: this.monetaryIsAverage }, words: this.words };
			this.error = null;
			this.status = 'ready';
			this.version++;
			// npm run bench times the grading tab by this measure (model time; the table follows).
			performance.measure('clientele:grade-run', { start: t0 });
		} catch (e) {
			if (run !== this.runs) return;
			this.keys = { input: '', points: '' };
			this.fail(e);
		}
	}

	private fail(e: unknown): void {
		this.error = isClienteleError(e) ? e : new ClienteleError('grade.failed', { detail: e instanceof Error ? e.message : String(e) });
		this.status = this.result ? 'ready' : 'error';
	}

	/** The presets: weighted at once; scoring with thresholds at the data's quintiles (rounded) to edit. */
	async applyPreset(id: GradePresetId, lang: Lang): Promise<void> {
		const names = PRESET_TIER_NAMES[lang];
		if (id === 'vip-weighted') this.standard = weightedPreset(names);
		else {
			const [r, f, m] = await baseQuantiles(this.db, ['recency_days', 'frequency', 'monetary'], QUINTILES);
			this.standard = scoringPreset({ recency_days: suggestedThresholds(r ?? []), frequency: suggestedThresholds(f ?? []), monetary: suggestedThresholds(m ?? []) }, names);
		}
		await this.run();
	}

	/** Sets one weight; the others absorb the difference in proportion (the sum stays 100). */
	setWeight(i: number, value: number): void {
		if (!Number.isFinite(value)) return;
		const w = setWeight(
			this.standard.indicators.map((x) => x.weight),
			i,
			Math.min(100, Math.max(0, value))
		);
		this.standard.indicators.forEach((x, j) => (x.weight = w[j] as number));
		this.schedule();
	}

	/** Scoring ↔ weighted: the cut-offs keep their place on the new scale (× or ÷ the number of indicators). */
	setMethod(method: GradeMethod): void {
		if (method === this.standard.method) return;
		const n = this.standard.indicators.length;
		const f = method === 'scoring' ? n : 1 / n;
		this.standard.tiers.forEach((t) => (t.min = Math.round(t.min * f * 100) / 100));
		this.standard.method = method;
		if (method === 'weighted') this.rebalance();
		this.schedule();
	}

	addIndicator(name: string): void {
		if (!name || this.standard.indicators.some((i) => i.name === name)) return;
		const better = name === 'recency_days' ? 'lower' : 'higher';
		this.standard.indicators.push({ name, weight: 100 / (this.standard.indicators.length + 1), better, points: { quantiles: 5 } });
		this.rebalance();
		this.schedule();
	}

	removeIndicator(i: number): void {
		this.standard.indicators.splice(i, 1);
		this.rebalance();
		this.schedule();
	}

	private rebalance(): void {
		const w = normaliseWeights(this.standard.indicators.map((x) => x.weight));
		this.standard.indicators.forEach((x, j) => (x.weight = w[j] as number));
	}

	/** A new rule kind for an indicator, with a starting point to edit. */
	setRuleKind(i: number, kind: 'thresholds' | 'quantiles' | 'minmax'): void {
		const ind = this.standard.indicators[i];
		if (!ind) return;
		const rule: PointsRule = kind === 'quantiles' ? { quantiles: 5 } : kind === 'minmax' ? { minmax: { clip: [0.01, 0.99] } } : { thresholds: [0], points: ind.better === 'lower' ? [100, 0] : [0, 100] };
		ind.points = rule;
		this.schedule();
	}

	addTier(): void {
		const lowest = this.standard.tiers[this.standard.tiers.length - 1];
		this.standard.tiers.push({ name: `T${this.standard.tiers.length + 1}`, min: lowest ? Math.max(0, lowest.min - 1) : 0 });
		this.schedule();
	}

	removeTier(i: number): void {
		this.standard.tiers.splice(i, 1);
		this.schedule();
	}

	/** The standard as the JSON file the CLI reads (--standard FILE.json). */
	json(): string {
		return standardJson($state.snapshot(this.standard));
	}

	/** Loads a standard file; a bad one is said (translated) and the current standard kept. */
	load(text: string): void {
		try {
			this.standard = parseStandardJson(text);
			void this.run();
		} catch (e) {
			this.fail(e);
		}
	}
}

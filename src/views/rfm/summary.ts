import type { PresetId } from '../../core/segments/presets.ts';
import { OTHERS, type SegmentSet } from '../../core/segments/rules.ts';
import { DIMS, resolveScoring, type ScoringOptions } from '../../core/segments/scoring.ts';
import type { FrequencyMode, MonetaryMode, ReturnsMode } from '../../core/sql/rfm.ts';
import { segmentName, type Lang, type Translate } from '../../i18n/translate.ts';

type T = Translate;

export interface SummaryInput {
	applied: ScoringOptions;
	frequency: FrequencyMode;
	monetary: MonetaryMode;
	returns: ReturnsMode;
	cancelledPattern: string;
	presetId: PresetId | 'custom';
	set: SegmentSet;
}

/** One line per choice in force: scoring per dimension, frequency, monetary, returns, rule set. */
export function methodSummary(o: SummaryInput, t: T): string[] {
	let resolved;
	try {
		resolved = resolveScoring(o.applied);
	} catch {
		resolved = resolveScoring({});
	}
	const lines = DIMS.map((d) => {
		const x = resolved[d];
		const method = x.method === 'ntile' ? t('rfmUi.ntileName') : t(`rfm.methodName.${x.method}`);
		const dim = d.toUpperCase();
		return x.thresholds?.length
			? t('rfmUi.summaryCuts', { dim, method, cuts: x.thresholds.join(', ') })
			: t('rfmUi.summaryDim', { dim, method, bins: x.bins });
	});
	lines.push(t(`rfmUi.freqSummary.${o.frequency}`));
	lines.push(t(`rfmUi.monSummary.${o.monetary}`));
	lines.push(t(`rfmUi.retSummary.${o.returns}`, { pattern: o.cancelledPattern }));
	const name =
		o.presetId === 'custom'
			? t('rfmUi.preset.custom', { id: o.set.id })
			: t(`rfmUi.preset.${o.presetId}`);
	lines.push(t('rfmUi.rulesSummary', { name, count: o.set.rules.length }));
	return lines;
}

/**
 * The summary's first three lines (R, F, M) folded into one when they say the same after the
 * dimension's letter ("R, F, M: equal groups by rank (ntile), 5 levels"); else unchanged.
 */
export function foldSameDims(lines: readonly string[]): string[] {
	const [r, f, m, ...rest] = lines;
	if (r === undefined || f === undefined || m === undefined) return [...lines];
	const tail = (s: string, dim: string) => (s.startsWith(dim) ? s.slice(dim.length) : null);
	const same = tail(r, 'R');
	return same !== null && tail(f, 'F') === same && tail(m, 'M') === same ? [`R, F, M${same}`, ...rest] : [...lines];
}

/** Segment id → display name in a language: the rule's own label, else the catalogue. */
export function segmentNamesIn(set: SegmentSet, lang: Lang): Record<string, string> {
	const names: Record<string, string> = Object.fromEntries(set.rules.map((r) => [r.id, segmentName(lang, r.id, r.label)]));
	names[OTHERS] = segmentName(lang, OTHERS);
	return names;
}

/**
 * Survey answer scales and the CES direction (pure). Each answer column (CSAT, CES) is read on one
 * of four scales, chosen by the user or detected at import from the answers; NPS is always 0–10.
 * CES is asked either as effort ("how much effort": lower is better) or as ease ("it was easy":
 * higher is better); the direction sets the CES target's direction.
 */
export const SURVEY_SCALES = ['1-5', '1-7', '1-10', '0-10'] as const;
export type SurveyScale = (typeof SURVEY_SCALES)[number];
export type ScaleChoice = SurveyScale | 'auto';
export type CesDirection = 'effort' | 'ease';
export type CesDirectionChoice = CesDirection | 'auto';

export function scaleBounds(s: SurveyScale): { min: number; max: number } {
	const [min, max] = s.split('-').map(Number) as [number, number];
	return { min, max };
}

export function isSurveyScale(v: string): v is SurveyScale {
	return (SURVEY_SCALES as readonly string[]).includes(v);
}

/**
 * The smallest scale holding every answer (0 → 0–10; above 10 → none): 1–5 answers → 1–5, a 6 or 7
 * → 1–7, 8–10 → 1–10. Null without answers or when no scale fits (the import then says which value).
 */
export function detectScale(range: { min: number | null; max: number | null }): SurveyScale | null {
	const { min, max } = range;
	if (min === null || max === null) return null;
	if (min < 0 || max > 10) return null;
	if (min === 0) return '0-10';
	return max <= 5 ? '1-5' : max <= 7 ? '1-7' : '1-10';
}

const EASE = /ease|easy|easi|容易|轻松|便捷|方便|简单/i;
const EFFORT = /effort|difficult|hard|费力|困难|麻烦|难度/i;

/** The CES direction a column name says ("CES ease", "办理容易程度" → ease; "effort" → effort), else null. */
export function cesDirectionFromName(name: string): CesDirection | null {
	if (EFFORT.test(name)) return 'effort';
	if (EASE.test(name)) return 'ease';
	return null;
}

/**
 * The direction of the CES answers: the user's choice, else the column name's, else from the
 * answers' spread — ease when most answers sit in the upper half of the scale (people mostly find
 * things easy: an effort scale piles up low, an ease scale high).
 */
export function cesDirection(o: { choice: CesDirectionChoice; column: string; mean: number | null; scale: SurveyScale }): CesDirection {
	if (o.choice !== 'auto') return o.choice;
	const named = cesDirectionFromName(o.column);
	if (named) return named;
	const { min, max } = scaleBounds(o.scale);
	return o.mean !== null && o.mean > (min + max) / 2 ? 'ease' : 'effort';
}

/** The default CES target on a scale: a third of the way from the good end (1–7: effort ≤ 3, ease ≥ 5). */
export function cesTargetValue(scale: SurveyScale, direction: CesDirection): number {
	const { min, max } = scaleBounds(scale);
	const third = (max - min) / 3;
	return Math.round(direction === 'effort' ? min + third : max - third);
}

/** Display helpers of the grade view (pure). */
import { isBuiltinIndicator } from '../../core/grade/standard.ts';
import type { Translate } from '../../i18n/translate.ts';

/** A built-in indicator's translated name; a profile column as it is named. */
export function indicatorLabel(t: Translate, name: string): string {
	return isBuiltinIndicator(name) ? t(`grade.ind.${name}`) : name;
}

/** Numbers as the list inputs show them: "10, 20, 50". */
export function numberListText(values: readonly number[]): string {
	return values.join(', ');
}

/** A typed list ("10, 20，50" — ASCII or full-width commas, or spaces); a bad item becomes NaN, which the standard's check names. */
export function parseNumberList(text: string): number[] {
	return text
		.split(/[,，\s]+/)
		.filter((x) => x !== '')
		.map(Number);
}

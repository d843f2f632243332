import { QUADRANTS } from '../core/sql/value-matrix.ts';
import { ABC_CLASSES } from '../core/sql/abc.ts';
import { UNKNOWN_CHANNEL } from '../core/sql/journey.ts';
import { OTHER_PATH } from '../core/sql/journey-paths.ts';
import { translate, type Lang } from '../i18n/translate.ts';
import type { JourneyReport } from '../run/journey.ts';

/**
 * Category labels the commands write, by --lang. English keeps the values the commands have always
 * written (ids such as `core`, `A`, `online`, `all`); Chinese writes the names the page shows in
 * Chinese. Only the values listed are replaced; every other cell (the user's own data) stays.
 */
export type Labels = Readonly<Record<string, string>>;

const zh = (pairs: [string, string][]): Labels => Object.fromEntries(pairs);

/** The overall group of a KPI or a journey report ('all'). */
export function allLabels(lang: Lang): Labels {
	return lang === 'en' ? {} : { all: translate(lang, 'label.all') };
}

/** ABC classes A, B, C. */
export function abcLabels(lang: Lang): Labels {
	return lang === 'en' ? {} : zh(ABC_CLASSES.map((c) => [c, translate(lang, `abc.class.${c}`)]));
}

/** Value-matrix quadrants core, potential, general, low. */
export function quadrantLabels(lang: Lang): Labels {
	return lang === 'en' ? {} : zh(QUADRANTS.map((q) => [q, translate(lang, `value.quadrant.${q}`)]));
}

/** Journey channels online, offline, unknown. */
export function channelLabels(lang: Lang): Labels {
	if (lang === 'en') return {};
	return zh((['online', 'offline', UNKNOWN_CHANNEL] as const).map((c) => [c, translate(lang, `journeyui.channel.${c}`)]));
}

/** The paths beyond the top N ('other'). */
export function otherPathLabels(lang: Lang): Labels {
	return lang === 'en' ? {} : { [OTHER_PATH]: translate(lang, 'journeyui.other') };
}

/** Rows with the labels of one column replaced (a new array; rows without a listed value are kept as they are). */
export function relabel<R extends object>(rows: readonly R[], column: keyof R & string, labels: Labels): R[] {
	if (Object.keys(labels).length === 0) return [...rows];
	return rows.map((r) => {
		const v: unknown = r[column];
		return typeof v === 'string' && Object.hasOwn(labels, v) ? { ...r, [column]: labels[v] } : r;
	});
}

/** A journey report's rows in `lang`: channels, the overall 'all' (times; funnel without groups), 'other' paths. */
export function journeyLabels<R extends Record<string, unknown>>(rows: readonly R[], spec: JourneyReport, lang: Lang): R[] {
	switch (spec.report) {
		case 'channels':
			return relabel(rows, 'channel', channelLabels(lang));
		case 'times':
			return relabel(rows, 'label', allLabels(lang));
		case 'funnel':
			return spec.by ? [...rows] : relabel(rows, 'group', allLabels(lang));
		case 'paths':
			return relabel(rows, 'path', otherPathLabels(lang));
		default:
			return [...rows];
	}
}

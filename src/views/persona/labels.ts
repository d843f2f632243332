import { BEHAVIOUR_FEATURES, BEHAVIOUR_VALUES, TOUCHPOINT_CHANNELS, type BehaviourFeature } from '../../core/persona/defaults.ts';
import type { PersonaRow } from '../../core/persona/rows.ts';
import { formatPercent, type Lang, type Translate } from '../../i18n/translate.ts';

/** Words for persona rows: feature and value names in the page's language, and the card's sentence. */

const isBehaviour = (f: string): f is BehaviourFeature => BEHAVIOUR_FEATURES.some((b) => b.id === f);

export function featureName(t: Translate, feature: string): string {
	return isBehaviour(feature) ? t(`persona.feature.${feature}`) : feature;
}

export function valueName(t: Translate, feature: string, value: string | null): string {
	if (value === null) return t('persona.unknown');
	// The touchpoint table's channel preference (a channel column's own "online" reads the same).
	const tp = TOUCHPOINT_CHANNELS.find((c) => c === value);
	if (feature === 'channel' && tp) return t(`persona.channel.${tp}`);
	if (isBehaviour(feature) && BEHAVIOUR_VALUES[feature]?.includes(value)) return t(`persona.value.${feature}.${value}` as Parameters<Translate>[0]);
	return value;
}

/** "夜猫子占 38%，是全体的 2.4 倍" / "Night owls: 38% of the group, 2.4× the base". */
export function sentence(t: Translate, lang: Lang, r: PersonaRow): string {
	const what = r.feature === 'night_owl' && r.value === 'yes' ? valueName(t, r.feature, r.value) : `${featureName(t, r.feature)} · ${valueName(t, r.feature, r.value)}`;
	return t('persona.sentence', { what, share: formatPercent(lang, r.share ?? 0, 0), lift: (r.lift ?? 0).toFixed(1) });
}

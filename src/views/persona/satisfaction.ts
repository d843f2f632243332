import type { GroupSatisfaction } from '../../core/persona/satisfaction.ts';
import { formatNumber, formatPercent, type Lang, type Translate } from '../../i18n/translate.ts';

/** A persona card's satisfaction lines: NPS in points and CSAT in %, each beside the rest of the base and whether the difference is beyond chance. */
export function satisfactionLines(t: Translate, lang: Lang, s: GroupSatisfaction): string[] {
	const out: string[] = [];
	const nps = s.nps;
	const points = (v: number) => (Number.isNaN(v) ? '—' : formatNumber(lang, Math.round(v * 100)));
	const verdict = (beyond: boolean) => t(beyond ? 'persona.sat.beyond' : 'persona.sat.within');
	if (nps && nps.group.n > 0) {
		const line = t('persona.sat.nps', { value: points(nps.group.nps), rest: points(nps.rest.nps), n: formatNumber(lang, nps.group.n) });
		out.push(nps.diff ? `${line} · ${verdict(nps.diff.significant)}` : line);
	}
	const csat = s.csat;
	if (csat && csat.group.n > 0) {
		const pct = (v: number) => (Number.isNaN(v) ? '—' : formatPercent(lang, v, 0));
		const line = t('persona.sat.csat', { value: pct(csat.group.csat), rest: pct(csat.rest.csat), n: formatNumber(lang, csat.group.n) });
		out.push(csat.p === null ? line : `${line} · ${verdict(csat.p < 0.05)}`);
	}
	if (out.length === 0 && (nps || csat)) out.push(t('persona.sat.none'));
	return out;
}

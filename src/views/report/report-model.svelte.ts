/**
 * The report builder's model: what the consultant chose to print (sections, language, small-cell
 * suppression) and what they wrote (client name, commentary per section). The results themselves are
 * read from the other views' models (sources.ts), never recomputed here.
 */
import { normaliseSections, REPORT_SECTIONS, type SectionId } from '../../core/report/sections.ts';
import { MIN_K, normaliseK } from '../../core/report/suppress.ts';
import type { Lang } from '../../i18n/translate.ts';

export class ReportModel {
	/** The sections ticked (print order is REPORT_SECTIONS'). */
	sections = $state<SectionId[]>([...REPORT_SECTIONS]);
	/** The report's language, independent of the page's. */
	lang = $state<Lang>('zh-CN');
	/** Small-cell suppression: null off, else k (≥ 5). */
	suppressK = $state<number | null>(null);
	/** The client's name on the title page (user text: project file only, never a link). */
	clientName = $state('');
	/** The consultant's commentary by section (user text: project file only, never a link). */
	commentary = $state<Record<string, string>>({});
	/** Who prepared the report (title page; user text). */
	preparedBy = $state('');

	constructor(lang: Lang) {
		this.lang = lang;
	}

	has(id: SectionId): boolean {
		return this.sections.includes(id);
	}

	toggle(id: SectionId, on: boolean): void {
		const next = on ? [...this.sections, id] : this.sections.filter((s) => s !== id);
		this.sections = normaliseSections(next);
	}

	setSuppress(on: boolean, k: number = this.suppressK ?? MIN_K): void {
		this.suppressK = on ? normaliseK(k) : null;
	}

	/** Settings read from a project file made by another version: only what this one knows. */
	normalise(): void {
		this.sections = normaliseSections(Array.isArray(this.sections) ? this.sections : REPORT_SECTIONS);
		if (this.lang !== 'en' && this.lang !== 'zh-CN') this.lang = 'zh-CN';
		if (this.suppressK !== null) this.suppressK = normaliseK(this.suppressK);
		if (typeof this.clientName !== 'string') this.clientName = '';
		if (typeof this.preparedBy !== 'string') this.preparedBy = '';
		if (typeof this.commentary !== 'object' || this.commentary === null) this.commentary = {};
	}

	setCommentary(id: SectionId, text: string): void {
		this.commentary = { ...this.commentary, [id]: text };
	}
}

import { i18n } from '../../i18n/i18n.svelte.ts';
import { analysis } from '../../state/analysis.svelte.ts';
import type { ForecastModel } from './forecast-model.svelte.ts';

/** A group's name on screen: a basis' group (segment, quadrant, stage …) by its name in the page's language, 全部 / All for the overall series. */
export function groupName(model: ForecastModel, group: string): string {
	if (group === 'all' && model.groupBy === 'all') return i18n.t('forecastui.groupBy.all');
	if (model.names[group]) return model.names[group];
	if (model.groupBy === 'segment') return analysis.rfm?.segmentNames(i18n.lang)[group] ?? group;
	return group;
}

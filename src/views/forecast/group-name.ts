import { STAGES } from '../../core/lifecycle/defaults.ts';
import { QUADRANTS } from '../../core/sql/value-matrix.ts';
import { i18n } from '../../i18n/i18n.svelte.ts';
import { analysis } from '../../state/analysis.svelte.ts';
import type { ForecastModel } from './forecast-model.svelte.ts';

/**
 * A group's name on screen, in the page's language now (not the run's): 全部 / All for the overall series, an RFM
 * segment's, a stage's or a quadrant's name; a tier or a column value as it is.
 */
export function groupName(model: ForecastModel, group: string): string {
	if (group === 'all' && model.groupBy === 'all') return i18n.t('forecastui.groupBy.all');
	if (model.groupBy === 'segment') return analysis.rfm?.segmentNames(i18n.lang)[group] ?? group;
	const stage = STAGES.find((s) => s === group);
	if (model.groupBy === 'stage' && stage) return i18n.t(`lifecycle.stage.${stage}`);
	const quadrant = QUADRANTS.find((q) => q === group);
	if (model.groupBy === 'quadrant' && quadrant) return i18n.t(`value.quadrant.${quadrant}`);
	return model.names[group] ?? group;
}

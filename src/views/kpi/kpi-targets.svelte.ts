import { PAGE_TARGETS } from '../../core/kpi/defaults.ts';
import { cesTargetValue } from '../../core/kpi/scales.ts';
import type { KpiName, Target, Targets } from '../../core/kpi/targets.ts';
import type { SurveyScales } from '../../state/surveys.svelte.ts';

/**
 * The KPI targets the cards and charts compare with, editable; CES's direction and default value come
 * from its answer column (its scale, and effort — lower is better — or ease — higher is better — as
 * chosen or detected at import), not from a setting of its own.
 */
export class KpiTargets {
	private targetSettings = $state<Targets>(structuredClone(PAGE_TARGETS) as Targets);
	/** A CES target the user typed (null: the default of the CES column's scale and direction). */
	private cesValue = $state<number | null>(null);

	constructor(private readonly scales: () => SurveyScales | null) {}

	/** The targets; CES's direction and default value follow its column's scale and direction (set at import). */
	get targets(): Targets {
		const sc = this.scales();
		if (!sc?.ces) return this.targetSettings;
		const direction = sc.cesDirection === 'ease' ? 'higher' : 'lower';
		return { ...this.targetSettings, ces: { ...this.targetSettings.ces, direction, value: this.cesValue ?? cesTargetValue(sc.ces, sc.cesDirection) } };
	}

	setTarget(k: KpiName, patch: Partial<Target>): void {
		if (k === 'ces' && patch.value !== undefined) this.cesValue = patch.value;
		this.targetSettings = { ...this.targetSettings, [k]: { ...this.targetSettings[k], ...patch } };
	}
}

/** Behaviour classes (按消费习惯/地理/兴趣分类): the editable settings, one constant for page and CLI. */

export interface NightOwlRule {
	/** At least this many orders. */
	minOrders: number;
	/** At least this share of them at night. */
	share: number;
	/** Night: a local hour ≥ fromHour or < toHour. */
	fromHour: number;
	toHour: number;
}

export interface BehaviourSettings {
	nightOwl: NightOwlRule;
	/** An order is a weekend customer's when at least this share of orders fell on Saturday or Sunday. */
	weekendShare: number;
}

export const DEFAULT_BEHAVIOUR: Readonly<BehaviourSettings> = {
	nightOwl: { minOrders: 2, share: 0.5, fromHour: 22, toHour: 2 },
	weekendShare: 0.5
};

/** The columns that enable the column-based classes (the CLI's --category --channel --region --discount). */
export interface BehaviourColumns {
	category?: string;
	channel?: string;
	region?: string;
	discount?: string;
}

/** Every behaviour feature id (the CLI's `feature` column), in output order, with what it needs. */
export const BEHAVIOUR_FEATURES = [
	{ id: 'daypart', needs: 'times' },
	{ id: 'night_owl', needs: 'times' },
	{ id: 'weekday_weekend', needs: null },
	{ id: 'purchase_frequency', needs: null },
	{ id: 'favourite_category', needs: 'category' },
	{ id: 'category_breadth', needs: 'category' },
	{ id: 'channel', needs: 'channel' },
	{ id: 'region', needs: 'region' },
	{ id: 'discount_use', needs: 'discount' }
] as const;

export type BehaviourFeature = (typeof BEHAVIOUR_FEATURES)[number]['id'];
export type BehaviourNeed = NonNullable<(typeof BEHAVIOUR_FEATURES)[number]['needs']>;

/** Numeric features: binned by the whole base's quintiles. */
export const NUMERIC_BEHAVIOUR: readonly BehaviourFeature[] = ['category_breadth'];

/** The fixed values of the class features, in display order. */
export const BEHAVIOUR_VALUES: Partial<Record<BehaviourFeature, readonly string[]>> = {
	daypart: ['morning', 'afternoon', 'evening', 'night'],
	night_owl: ['yes', 'no'],
	weekday_weekend: ['weekday', 'weekend'],
	purchase_frequency: ['high', 'low', 'once'],
	discount_use: ['never', 'sometimes', 'mostly']
};

/** The channel preference's values when it comes from the touchpoint table (its events' online share). */
export const TOUCHPOINT_CHANNELS = ['online', 'mixed', 'offline'] as const;

/** The features offered: those whose column (or the times of day) is there. */
export function offeredFeatures(o: { times: boolean; columns: BehaviourColumns; touchpoints?: boolean }): { offered: BehaviourFeature[]; missing: { id: BehaviourFeature; needs: BehaviourNeed }[] } {
	const has = (n: BehaviourNeed | null) => n === null || (n === 'times' ? o.times : Boolean(o.columns[n]) || (n === 'channel' && o.touchpoints === true));
	return {
		offered: BEHAVIOUR_FEATURES.filter((f) => has(f.needs)).map((f) => f.id),
		missing: BEHAVIOUR_FEATURES.flatMap((f) => (has(f.needs) || f.needs === null ? [] : [{ id: f.id, needs: f.needs }]))
	};
}

import { benjaminiHochberg, test2x2 } from './stats.ts';

/**
 * A persona's rows (客户画像): for each group, feature and value, the group's share against the whole
 * base's, and whether the group differs from the rest of the base beyond chance.
 */

/** Groups under this many customers are flagged as too small to describe. */
export const MIN_GROUP = 30;

/** Customers of one group (null: customers in no group, part of the base only) with one feature's value (null: unknown). */
export interface FeatureCount {
	group: string | null;
	feature: string;
	value: string | null;
	customers: number;
}

export interface PersonaRow {
	group: string;
	feature: string;
	/** null: the customers whose value is unknown. */
	value: string | null;
	customers: number;
	/** Known values: of the group's customers with a known value; the unknown row: of all the group's customers. */
	share: number | null;
	share_overall: number | null;
	lift: number | null;
	p_value: number;
	p_adjusted: number;
	test: 'chi2' | 'fisher';
}

export interface PersonaOrder {
	/** Groups in this order (others after, by name). */
	groups?: readonly string[];
	/** Features in this order (others after, by name). */
	features: readonly string[];
	/** Per feature, its values in this order (numeric bins); others by name; unknown last. */
	values?: Readonly<Record<string, readonly string[]>>;
}

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function ranker(order: readonly string[] | undefined): (a: string, b: string) => number {
	const at = new Map((order ?? []).map((k, i) => [k, i]));
	return (a, b) => {
		const x = at.get(a);
		const y = at.get(b);
		if (x !== undefined && y !== undefined) return x - y;
		if (x !== undefined) return -1;
		if (y !== undefined) return 1;
		return byName(a, b);
	};
}

interface Tally {
	/** value → customers (null key: unknown) per group ('' key unused) and over the base. */
	byGroup: Map<string, Map<string | null, number>>;
	base: Map<string | null, number>;
}

function tally(counts: readonly FeatureCount[]): Map<string, Tally> {
	const out = new Map<string, Tally>();
	for (const c of counts) {
		let t = out.get(c.feature);
		if (!t) out.set(c.feature, (t = { byGroup: new Map(), base: new Map() }));
		t.base.set(c.value, (t.base.get(c.value) ?? 0) + c.customers);
		if (c.group === null) continue;
		let g = t.byGroup.get(c.group);
		if (!g) t.byGroup.set(c.group, (g = new Map()));
		g.set(c.value, (g.get(c.value) ?? 0) + c.customers);
	}
	return out;
}

const sum = (m: Map<string | null, number>, known: boolean) => [...m].reduce((s, [k, n]) => (known === (k !== null) ? s + n : s), 0);
const ratio = (x: number, y: number) => (y > 0 ? x / y : null);

/** Every group × feature × value row (every value present in the base, 0 where the group has none), tested and BH-adjusted. */
export function personaRows(counts: readonly FeatureCount[], order: PersonaOrder): PersonaRow[] {
	const rows: Omit<PersonaRow, 'p_adjusted'>[] = [];
	const features = [...tally(counts)].sort((x, y) => ranker(order.features)(x[0], y[0]));
	const groups = [...new Set(counts.flatMap((c) => (c.group === null ? [] : [c.group])))].sort(ranker(order.groups));
	for (const g of groups)
		for (const [feature, t] of features) {
			const mine = t.byGroup.get(g) ?? new Map<string | null, number>();
			const known = sum(t.base, true);
			const all = known + sum(t.base, false);
			const gKnown = sum(mine, true);
			const gAll = gKnown + sum(mine, false);
			const values = [...t.base.keys()].filter((v): v is string => v !== null).sort(ranker(order.values?.[feature]));
			for (const value of values) {
				const a = mine.get(value) ?? 0;
				const overall = t.base.get(value) ?? 0;
				const share = ratio(a, gKnown);
				const shareAll = ratio(overall, known);
				const r = test2x2({ a, b: gKnown - a, c: overall - a, d: known - gKnown - (overall - a) });
				rows.push({ group: g, feature, value, customers: a, share, share_overall: shareAll, lift: share === null || !shareAll ? null : share / shareAll, p_value: r.p, test: r.test });
			}
			const unknown = t.base.get(null) ?? 0;
			if (unknown === 0) continue;
			const a = mine.get(null) ?? 0;
			const share = ratio(a, gAll);
			const shareAll = ratio(unknown, all);
			const r = test2x2({ a, b: gAll - a, c: unknown - a, d: all - gAll - (unknown - a) });
			rows.push({ group: g, feature, value: null, customers: a, share, share_overall: shareAll, lift: share === null || !shareAll ? null : share / shareAll, p_value: r.p, test: r.test });
		}
	const adjusted = benjaminiHochberg(rows.map((r) => r.p_value));
	return rows.map((r, i) => ({ ...r, p_adjusted: adjusted[i]! }));
}

/** Each group's customers (from any one feature: every customer has one value, maybe unknown, per feature). */
export function groupSizes(counts: readonly FeatureCount[]): Map<string, number> {
	const first = counts[0]?.feature;
	const out = new Map<string, number>();
	for (const c of counts) if (c.feature === first && c.group !== null) out.set(c.group, (out.get(c.group) ?? 0) + c.customers);
	return out;
}

/** A group's most distinguishing rows: known values over-represented (lift > 1) and significant after adjustment, by lift. */
export function distinguishing(rows: readonly PersonaRow[], group: string, o: { alpha?: number; top?: number } = {}): PersonaRow[] {
	const alpha = o.alpha ?? 0.05;
	return rows
		.filter((r) => r.group === group && r.value !== null && r.lift !== null && r.lift > 1 && r.p_adjusted < alpha)
		.sort((x, y) => (y.lift ?? 0) - (x.lift ?? 0) || x.p_adjusted - y.p_adjusted)
		.slice(0, o.top ?? 3);
}

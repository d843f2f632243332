/**
 * A grading standard read from JSON (a file the page uploads or the CLI's --standard): every field
 * checked, each problem a ClienteleError naming the field and what to write instead. Pure.
 */
import { ClienteleError } from '../errors.ts';
import {
	GRADE_FIXED_COLUMNS,
	GRADE_METHODS,
	MISSING_POLICIES,
	POINTS_PREFIX,
	RESERVED_TIER_NAMES,
	maxTotal,
	sortedTiers,
	type Better,
	type GradeMethod,
	type GradeStandard,
	type IndicatorSpec,
	type MissingPolicy,
	type PointsRule,
	type Tier
} from './standard.ts';

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

function object(v: unknown, path: string): Json {
	if (!isObject(v)) throw new ClienteleError('grade.std.notObject', { path });
	return v;
}

function text(v: unknown, path: string): string {
	if (typeof v !== 'string' || v.trim() === '')
		throw new ClienteleError('grade.std.notText', { path });
	return v.trim();
}

function num(v: unknown, path: string): number {
	if (typeof v !== 'number' || !Number.isFinite(v))
		throw new ClienteleError('grade.std.notNumber', { path, value: JSON.stringify(v) ?? '' });
	return v;
}

function numbers(v: unknown, path: string): number[] {
	if (!Array.isArray(v) || v.length === 0) throw new ClienteleError('grade.std.notList', { path });
	return v.map((x, i) => num(x, `${path}[${i}]`));
}

function oneOf<T extends string>(v: unknown, path: string, list: readonly T[], fallback?: T): T {
	if (v === undefined && fallback !== undefined) return fallback;
	if (typeof v === 'string' && (list as readonly string[]).includes(v)) return v as T;
	throw new ClienteleError('grade.std.badChoice', {
		path,
		value: JSON.stringify(v) ?? '',
		list: list.map((x) => `"${x}"`).join(', ')
	});
}

/** A points rule: thresholds with points, quantiles, or minmax with clip percentiles. */
export function parseRule(v: unknown, indicator: string, path: string): PointsRule {
	const o = object(v, path);
	if ('thresholds' in o) {
		const thresholds = numbers(o.thresholds, `${path}.thresholds`);
		const points = numbers(o.points, `${path}.points`);
		if (thresholds.some((t, i) => i > 0 && t <= (thresholds[i - 1] as number)))
			throw new ClienteleError('grade.std.thresholds', { indicator });
		if (points.length !== thresholds.length + 1)
			throw new ClienteleError('grade.std.pointsCount', {
				indicator,
				thresholds: thresholds.length,
				points: points.length,
				needed: thresholds.length + 1
			});
		const bad = points.find((p) => p < 0 || p > 100);
		if (bad !== undefined)
			throw new ClienteleError('grade.std.pointsRange', { indicator, value: bad });
		return { thresholds, points };
	}
	if ('quantiles' in o) {
		const k = num(o.quantiles, `${path}.quantiles`);
		if (!Number.isInteger(k) || k < 2 || k > 100)
			throw new ClienteleError('grade.std.quantiles', { indicator, value: k });
		return { quantiles: k };
	}
	if ('minmax' in o) {
		const m = o.minmax === true ? {} : object(o.minmax, `${path}.minmax`);
		const clip = m.clip === undefined ? [0.01, 0.99] : numbers(m.clip, `${path}.minmax.clip`);
		const [lo, hi] = clip as [number, number];
		if (clip.length !== 2 || !(lo >= 0 && lo < hi && hi <= 1))
			throw new ClienteleError('grade.std.clip', { indicator, value: JSON.stringify(clip) });
		return { minmax: { clip: [lo, hi] } };
	}
	throw new ClienteleError('grade.std.badRule', { path });
}

function parseIndicator(v: unknown, i: number, method: GradeMethod): IndicatorSpec {
	const path = `indicators[${i}]`;
	const o = object(v, path);
	const name = text(o.name, `${path}.name`);
	if ((GRADE_FIXED_COLUMNS as readonly string[]).includes(name) || name.startsWith(POINTS_PREFIX))
		throw new ClienteleError('grade.std.collision', {
			name,
			list: [...GRADE_FIXED_COLUMNS, `${POINTS_PREFIX}…`].join(', ')
		});
	const weight =
		o.weight === undefined && method === 'scoring' ? 1 : num(o.weight, `${path}.weight`);
	if (weight < 0)
		throw new ClienteleError('grade.std.badWeight', { indicator: name, value: weight });
	const better = oneOf<Better>(o.better, `${path}.better`, ['higher', 'lower'], 'higher');
	return { name, weight, better, points: parseRule(o.points, name, `${path}.points`) };
}

/** Tier checks: names given once, not A/B/C, mins distinct and within the scale, the lowest at 0. */
export function checkTiers(tiers: readonly Tier[], max: number): Tier[] {
	if (tiers.length === 0) throw new ClienteleError('grade.std.noTiers');
	const names = new Set<string>();
	const mins = new Set<number>();
	for (const t of tiers) {
		if ((RESERVED_TIER_NAMES as readonly string[]).includes(t.name.toUpperCase()))
			throw new ClienteleError('grade.std.tierName', { name: t.name });
		if (names.has(t.name)) throw new ClienteleError('grade.std.tierDuplicate', { value: t.name });
		if (mins.has(t.min))
			throw new ClienteleError('grade.std.tierDuplicate', { value: String(t.min) });
		if (t.min < 0 || t.min > max)
			throw new ClienteleError('grade.std.tierRange', { tier: t.name, min: t.min, max });
		names.add(t.name);
		mins.add(t.min);
	}
	const sorted = sortedTiers(tiers);
	const lowest = sorted[sorted.length - 1] as Tier;
	if (lowest.min !== 0)
		throw new ClienteleError('grade.std.lowestTier', { tier: lowest.name, min: lowest.min });
	return sorted;
}

/** Checks a standard (from JSON or the editor) and returns it with its tiers in descending min. */
export function checkStandard(s: GradeStandard): GradeStandard {
	if (s.indicators.length === 0) throw new ClienteleError('grade.std.noIndicators');
	const seen = new Set<string>();
	for (const i of s.indicators) {
		if (seen.has(i.name)) throw new ClienteleError('grade.std.duplicate', { name: i.name });
		seen.add(i.name);
	}
	if (s.method === 'weighted' && !(s.indicators.reduce((a, i) => a + i.weight, 0) > 0))
		throw new ClienteleError('grade.std.weights');
	return { ...s, tiers: checkTiers(s.tiers, maxTotal(s)) };
}

/** A standard from a JSON value. */
export function parseStandard(v: unknown): GradeStandard {
	const o = object(v, 'standard');
	const method = oneOf<GradeMethod>(o.method, 'method', GRADE_METHODS);
	const missing = oneOf<MissingPolicy | 'renormalize'>(
		o.missing,
		'missing',
		[...MISSING_POLICIES, 'renormalize'],
		'renormalise'
	);
	if (!Array.isArray(o.indicators))
		throw new ClienteleError('grade.std.notList', { path: 'indicators' });
	const indicators = o.indicators.map((x, i) => parseIndicator(x, i, method));
	if (!Array.isArray(o.tiers)) throw new ClienteleError('grade.std.notList', { path: 'tiers' });
	const tiers = o.tiers.map((x, i) => {
		const t = object(x, `tiers[${i}]`);
		return { name: text(t.name, `tiers[${i}].name`), min: num(t.min, `tiers[${i}].min`) };
	});
	const name =
		o.name === undefined ? '' : typeof o.name === 'string' ? o.name.trim() : text(o.name, 'name');
	return checkStandard({
		name,
		method,
		indicators,
		tiers,
		missing: missing === 'renormalize' ? 'renormalise' : missing
	});
}

/** A standard from JSON text. */
export function parseStandardJson(json: string): GradeStandard {
	let v: unknown;
	try {
		v = JSON.parse(json.replace(/^\uFEFF/, ''));
	} catch (e) {
		throw new ClienteleError('grade.std.notJson', {
			detail: e instanceof Error ? e.message : String(e)
		});
	}
	return parseStandard(v);
}

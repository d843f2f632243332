import { quintileBins, type Bins } from '../core/persona/bins.ts';
import { BEHAVIOUR_VALUES, DEFAULT_BEHAVIOUR, NUMERIC_BEHAVIOUR, TOUCHPOINT_CHANNELS, offeredFeatures, type BehaviourColumns, type BehaviourFeature, type BehaviourNeed, type BehaviourSettings } from '../core/persona/defaults.ts';
import type { GroupSatisfaction } from '../core/persona/satisfaction.ts';
import { groupSizes, MIN_GROUP, personaRows, type FeatureCount, type PersonaRow } from '../core/persona/rows.ts';
import { behaviourSql, hasTimesSql } from '../core/sql/behaviour.ts';
import { channelExpr, DEFAULT_CHANNELS } from '../core/sql/journey.ts';
import {
	columnBasisSql,
	columnGroupsSql,
	distinctCountsSql,
	featureCountsSql,
	groupValueSql,
	personaTableSql,
	profileGroupsSql,
	quintileEdgesSql,
	type FeatureColumn
} from '../core/sql/persona.ts';
import type { ReturnsMode } from '../core/sql/rfm.ts';
import { rowNumberSql } from '../core/sql/row-number.ts';
import type { Sql } from '../core/sql/sql.ts';
import { OTHERS } from '../core/segments/rules.ts';
import type { AttributeKind } from '../core/import/profile-roles.ts';
import type { DbClient } from '../db/client.ts';
import { groupSource, type PlanBasisInput } from './plan.ts';
import { personaSatisfaction, type PersonaSurveys } from './persona-survey.ts';
import { tableExists } from './table-ops.ts';
import { BEHAVIOUR_TABLE, PERSONA_TABLE, PROFILES_TABLE, TX_TABLE, VALUE_MATRIX_TABLE } from './tables.ts';

/**
 * Personas (客户画像) and behaviour classes, the one place they run (the persona view and the CLI's
 * `persona`): each customer's behaviour classes (BEHAVIOUR_TABLE) → the persona table of a basis
 * (PERSONA_TABLE: group, classes, profile attributes) → per group × feature × value the share, lift
 * and test against the rest of the base (core/persona/rows.ts).
 */

/** Text attributes with more distinct values than this (names, phone numbers …) are not described. */
export const MAX_TEXT_VALUES = 30;

/** The text table beside the transactions (rows numbered as tx.src_row) and its columns. */
export interface TextTable {
	table: string;
	columns: readonly string[];
}

export interface BehaviourOptions {
	asOf: string;
	start?: string;
	returns?: ReturnsMode;
	cancelledPattern?: string;
	settings?: BehaviourSettings;
	/** The class columns (in `text`). */
	columns?: BehaviourColumns;
	text?: TextTable;
	/** The typed touchpoint table (journey's events): the channel preference when no channel column is named. */
	touchpoints?: string;
}

export interface BehaviourInfo {
	times: boolean;
	offered: BehaviourFeature[];
	/** The classes not offered, with what would enable them (times of day, or a column). */
	missing: { id: BehaviourFeature; needs: BehaviourNeed }[];
	/** Where the channel preference comes from: the channel column, the touchpoint table's events, or nowhere. */
	channelSource: 'column' | 'touchpoints' | null;
}

const rowNumberOf = (t: TextTable): Sql => rowNumberSql(t.columns);

/** Every customer's behaviour classes into BEHAVIOUR_TABLE. */
export async function runBehaviour(db: DbClient, o: BehaviourOptions): Promise<BehaviourInfo> {
	const times = Boolean((await db.query<{ times: boolean }>(hasTimesSql(TX_TABLE))).rows[0]?.times);
	const columns = o.text ? (o.columns ?? {}) : {};
	const tp = !columns.channel && o.touchpoints ? o.touchpoints : undefined;
	await db.exec(
		behaviourSql({
			tx: TX_TABLE,
			target: BEHAVIOUR_TABLE,
			asOf: o.asOf,
			start: o.start,
			returns: o.returns,
			cancelledPattern: o.cancelledPattern,
			settings: o.settings ?? DEFAULT_BEHAVIOUR,
			times,
			text: o.text ? { table: o.text.table, rowNumber: rowNumberOf(o.text), columns } : undefined,
			touchpoints: tp ? { table: tp, channel: channelExpr(DEFAULT_CHANNELS) } : undefined
		})
	);
	const channelSource = columns.channel ? 'column' : tp ? 'touchpoints' : null;
	return { times, channelSource, ...offeredFeatures({ times, columns, touchpoints: Boolean(tp) }) };
}

/** What puts customers in groups: a basis of the service plans, or a profile or transaction column. */
export type PersonaBasis = PlanBasisInput | { basis: 'column'; column: string };

export interface PersonaOptions extends BehaviourOptions {
	basis: PersonaBasis;
	/** The loaded profile attributes (PROFILES_TABLE) to describe; none without profiles. */
	profiles?: readonly { name: string; kind: AttributeKind }[];
	/** The applied survey answers: each group's NPS and CSAT against the rest of the base. */
	surveys?: PersonaSurveys;
}

export interface PersonaGroup {
	id: string;
	customers: number;
	revenue: number;
	orders: number;
	aov: number | null;
	/** Mean CLV and P(alive) where the value matrix has been computed (null otherwise). */
	clv: number | null;
	p_alive: number | null;
	/** Under MIN_GROUP customers: too small to describe. */
	small: boolean;
}

export interface PersonaResult extends BehaviourInfo {
	groups: PersonaGroup[];
	rows: PersonaRow[];
	/** Profile attributes not described: dates, and text with more than MAX_TEXT_VALUES values. */
	skipped: string[];
	/** Group id → NPS and CSAT against the rest of the base (null: no surveys joined). */
	satisfaction: Record<string, GroupSatisfaction> | null;
}

function basisGroups(o: PersonaOptions): Sql {
	const b = o.basis;
	if (b.basis !== 'column') return groupSource(b).select;
	const profile = o.profiles?.some((p) => p.name === b.column);
	const groups = profile
		? profileGroupsSql(PROFILES_TABLE, b.column)
		: columnGroupsSql({ tx: TX_TABLE, text: o.text!.table, rowNumber: rowNumberOf(o.text!), column: b.column });
	return columnBasisSql(BEHAVIOUR_TABLE, groups);
}

/** The group order of a basis: its names' order (segments, quadrants, stages, tiers); a column's by name. */
function groupOrder(b: PersonaBasis): string[] {
	if (b.basis === 'column') return [];
	const ids = Object.keys(b.names);
	// RFM's "others" (no rule matched) after the segments, as the RFM view lists them.
	return [...ids.filter((id) => id !== OTHERS), ...ids.filter((id) => id === OTHERS), ...(b.basis === 'tier' ? [b.ungraded] : [])];
}

async function profileFeatures(db: DbClient, profiles: readonly { name: string; kind: AttributeKind }[]): Promise<{ kept: { name: string; column: string; numeric: boolean }[]; skipped: string[] }> {
	const indexed = profiles.map((p, i) => ({ ...p, column: `pf_${i}` }));
	const text = indexed.filter((p) => p.kind === 'text');
	const counts = text.length ? ((await db.query(distinctCountsSql(PERSONA_TABLE, text.map((p) => p.column)))).rows[0] ?? {}) : {};
	const many = new Set(text.filter((_, i) => Number(counts[`n_${i}`] ?? 0) > MAX_TEXT_VALUES).map((p) => p.name));
	return {
		kept: indexed.filter((p) => p.kind !== 'date' && !many.has(p.name)).map((p) => ({ name: p.name, column: p.column, numeric: p.kind === 'number' })),
		skipped: indexed.filter((p) => p.kind === 'date' || many.has(p.name)).map((p) => p.name)
	};
}

async function binsOf(db: DbClient, columns: readonly string[]): Promise<Bins[]> {
	if (columns.length === 0) return [];
	const r = (await db.query(quintileEdgesSql(PERSONA_TABLE, columns))).rows[0] ?? {};
	const num = (v: unknown) => (typeof v === 'number' ? v : null);
	return columns.map((_, i) => quintileBins(['min', 'q1', 'q2', 'q3', 'q4', 'max'].map((k) => num(r[`${k}_${i}`]))));
}

/** Behaviour classes, the persona table of the basis, and every group × feature × value row. */
export async function runPersona(db: DbClient, o: PersonaOptions): Promise<PersonaResult> {
	const info = await runBehaviour(db, o);
	const profiles = o.profiles ?? [];
	await db.exec(
		personaTableSql({
			target: PERSONA_TABLE,
			groups: basisGroups(o),
			behaviour: BEHAVIOUR_TABLE,
			profiles: profiles.length ? { table: PROFILES_TABLE, columns: profiles.map((p) => p.name) } : undefined
		})
	);
	const { kept, skipped } = await profileFeatures(db, profiles);
	const plain = [...info.offered.map((id) => ({ id, column: id, numeric: NUMERIC_BEHAVIOUR.includes(id) })), ...kept.map((p) => ({ id: p.name, column: p.column, numeric: p.numeric }))];
	const numeric = plain.filter((f) => f.numeric);
	const bins = await binsOf(db, numeric.map((f) => f.column));
	const features: FeatureColumn[] = plain.map((f) => {
		const k = numeric.indexOf(f);
		return k >= 0 ? { id: f.id, column: f.column, bins: bins[k]! } : { id: f.id, column: f.column };
	});
	const counts = (await db.query<{ grp: string | null; feature: string; value: string | null; customers: number }>(featureCountsSql(PERSONA_TABLE, features))).rows.map((r): FeatureCount => ({
		group: r.grp,
		feature: r.feature,
		value: r.value,
		customers: Number(r.customers)
	}));
	const values: Record<string, readonly string[]> = { ...BEHAVIOUR_VALUES };
	for (const f of features) if (f.bins) values[f.id] = f.bins.labels;
	if (info.channelSource === 'touchpoints') values.channel = TOUCHPOINT_CHANNELS;
	const order = { groups: groupOrder(o.basis), features: features.map((f) => f.id), values };
	const rows = personaRows(counts, order);
	const sizes = groupSizes(counts);
	const matrix = (await tableExists(db, VALUE_MATRIX_TABLE)) ? VALUE_MATRIX_TABLE : undefined;
	const money = (await db.query<{ grp: string; revenue: number; orders: number; aov: number | null; clv: number | null; p_alive: number | null }>(groupValueSql(PERSONA_TABLE, matrix))).rows;
	const groups = [...new Set(rows.map((r) => r.group))].map((id) => {
		const m = money.find((x) => x.grp === id);
		const customers = sizes.get(id) ?? 0;
		return { id, customers, revenue: m?.revenue ?? 0, orders: m?.orders ?? 0, aov: m?.aov ?? null, clv: m?.clv ?? null, p_alive: m?.p_alive ?? null, small: customers < MIN_GROUP };
	});
	const satisfaction = o.surveys ? await personaSatisfaction(db, o.surveys, groups.map((g) => g.id)) : null;
	return { ...info, groups, rows, skipped, satisfaction };
}

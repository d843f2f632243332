import { defaultAsOfSql, ntileScoresSql, rfmCustomersSql, segmentSql } from '../core/sql/rfm.ts';
import type { SegmentSet } from '../core/segments/rules.ts';
import type { DbClient } from './client.ts';
import { TX_TABLE } from './ingest.ts';

export const RFM_BASE = 'rfm_base';
export const RFM_SCORES = 'rfm_scores';
export const RFM_TABLE = 'rfm';

export async function defaultAsOf(db: DbClient, tx = TX_TABLE): Promise<{ asOf: string; firstDay: string } | null> {
	const r = (await db.query<{ as_of: string | null; first_day: string | null }>(defaultAsOfSql(tx))).rows[0];
	return r?.as_of && r.first_day ? { asOf: r.as_of, firstDay: r.first_day } : null;
}

export interface RfmRunOptions {
	asOf: string;
	frequency: 'orders' | 'days';
	bins?: number;
	set: SegmentSet;
}

/** Per-customer aggregate → scores → segments. Re-segmenting alone: resegment(). */
export async function runRfm(db: DbClient, o: RfmRunOptions): Promise<void> {
	await db.exec(rfmCustomersSql({ tx: TX_TABLE, target: RFM_BASE, asOf: o.asOf, frequency: o.frequency }));
	await db.exec(ntileScoresSql({ source: RFM_BASE, target: RFM_SCORES, bins: o.bins }));
	await resegment(db, o.set);
}

export async function resegment(db: DbClient, set: SegmentSet): Promise<void> {
	await db.exec(segmentSql({ scores: RFM_SCORES, target: RFM_TABLE, set }));
}

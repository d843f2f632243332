/** CDNOW fixture loading for the CLV tests: a tiny split-based CSV reader (the files are simple). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Transaction } from '../../../../src/core/clv/prepare.ts';

const DIR = path.resolve(import.meta.dirname, '../../../fixtures/cdnow');

/** Rows of a header + comma-separated file, as records keyed by the header names. */
export function readCsv(name: string): Record<string, string>[] {
	const lines = readFileSync(path.join(DIR, name), 'utf8')
		.split(/\r?\n/)
		.filter((l) => l.trim() !== '');
	const header = (lines[0] ?? '').split(',');
	return lines.slice(1).map((line) => {
		const cells = line.split(',');
		return Object.fromEntries(header.map((h, i) => [h, cells[i] ?? '']));
	});
}

/** Whole days since 1970-01-01 for a YYYY-MM-DD date. */
export function dayOf(iso: string): number {
	const [y, m, d] = iso.split('-').map(Number);
	return Date.UTC(y as number, (m as number) - 1, d as number) / 86_400_000;
}

export interface SummaryRow {
	id: string;
	x: number;
	tx: number;
	T: number;
	zbar: number;
}

/** cdnow_customers_summary_with_transactions.csv: ID,x,t_x,T,zbar (weeks, 2 dp). */
export function cdnowSummary(): SummaryRow[] {
	return readCsv('cdnow_customers_summary_with_transactions.csv').map((r) => ({
		id: r.ID as string,
		x: Number(r.x),
		tx: Number(r.t_x),
		T: Number(r.T),
		zbar: Number(r.zbar)
	}));
}

/** cdnow_customers_summary.csv: ID,frequency,recency,T. */
export function cdnowSummaryPlain(): SummaryRow[] {
	return readCsv('cdnow_customers_summary.csv').map((r) => ({
		id: r.ID as string,
		x: Number(r.frequency),
		tx: Number(r.recency),
		T: Number(r.T),
		zbar: NaN
	}));
}

/** cdnow_sample_clean.csv as transactions. */
export function cdnowTransactions(): Transaction[] {
	return readCsv('cdnow_sample_clean.csv').map((r) => ({
		customerId: r.customer_id as string,
		day: dayOf(r.date as string),
		amount: Number(r.amount)
	}));
}

/** 1997-09-30, the end of the 39-week calibration period. */
export const CALIBRATION_END = dayOf('1997-09-30');

/** Lifetimes' BG/NBD MLE on this file (docs/Quickstart.md). */
export const LIFETIMES_BGNBD = { r: 0.242593, alpha: 4.413532, a: 0.792886, b: 2.425752 };
/** Paper values, FHL 2005. */
export const PAPER_BGNBD = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

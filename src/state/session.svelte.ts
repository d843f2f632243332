import type { DbClient } from '../db/client.ts';
import type { LoadedFile } from '../run/loaded-file.ts';
import type { MappingResult } from '../run/stage.ts';
import type { TxMapping } from '../core/sql/parse.ts';
import type { CustomerTableMapping } from '../core/sql/rfm-customer-table.ts';
import type { Lang } from '../i18n/translate.ts';
import { sampleFileName, sampleLangOf } from './sample.ts';

/** The name the Chinese sample transactions are opened under (state/sample.ts names both twins). */
export const SAMPLE_TX_FILE = sampleFileName('transactions.csv', 'zh-CN');

/** What the analyses run on: transactions (one row per order line) or a customer table. */
export type DataKind = 'transactions' | 'customers';

/** A checked customer table (one row per customer) that RFM runs from. */
export interface CustomerTableInfo {
	fileName: string;
	/** The table holding the checked rows (a copy: another file opened later cannot change it). */
	source: string;
	mapping: CustomerTableMapping;
	customers: number;
	/** The day after the latest last purchase; null with a recency-days column. */
	defaultAsOf: string | null;
}

/**
 * What the user has loaded and mapped. Views read it; the import model writes it. A failed or
 * cancelled load leaves it untouched, so earlier work is never lost.
 */
class Session {
	db = $state.raw<DbClient | null>(null);
	file = $state.raw<LoadedFile | null>(null);
	mapping = $state.raw<TxMapping | null>(null);
	result = $state.raw<MappingResult | null>(null);
	/** Bumped whenever the typed transaction table (or the customer table) is rebuilt: analyses recompute. */
	txVersion = $state(0);
	/** 'customers': RFM runs from a customer table; views that need transactions are turned off. */
	kind = $state<DataKind>('transactions');
	customerTable = $state.raw<CustomerTableInfo | null>(null);

	/** Mapped transactions are ready (never with a customer table). */
	get ready(): boolean {
		return (
			this.kind === 'transactions' &&
			this.db !== null &&
			this.result !== null &&
			this.result.errors.length === 0 &&
			this.result.txRows > 0
		);
	}

	/** The loaded transactions are the sample's (the sample surveys and touchpoints belong to them). */
	get isSample(): boolean {
		return this.ready && this.sampleLang !== null;
	}

	/** The language of the sample twin the transactions were loaded from (null: not the sample). */
	get sampleLang(): Lang | null {
		return sampleLangOf(this.file?.fileName, 'transactions.csv');
	}

	/** A checked customer table is ready. */
	get customersReady(): boolean {
		return this.kind === 'customers' && this.db !== null && this.customerTable !== null;
	}
}

export const session = new Session();

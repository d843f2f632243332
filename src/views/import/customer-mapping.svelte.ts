import { columnByName } from '../../core/csv/column-lookup.ts';
import { dateFormatFor } from '../../core/csv/date-choice.ts';
import type { DateFormat } from '../../core/csv/dates.ts';
import type { ColumnProfile } from '../../core/csv/sniff.ts';
import type { ClienteleError } from '../../core/errors.ts';
import {
	checkCtRoles,
	customerMappingFor,
	guessCustomerRoles,
	withCtRole,
	type CtRole,
	type CtRoles
} from '../../core/import/customer-roles.ts';
import type { DbClient } from '../../db/client.ts';
import { applyCustomerTable } from '../../run/customer-table.ts';
import type { LoadedFile } from '../../run/loaded-file.ts';
import { CUSTOMER_SOURCE } from '../../run/tables.ts';
import { session, type CustomerTableInfo } from '../../state/session.svelte.ts';

/** The mapping of a customer table (one row per customer): its roles, checks and outcome. */
export class CustomerMapping {
	roles = $state<CtRoles>({});
	/** The user's flip of the last-purchase-date format (null: the sniffer's). */
	dateFormat = $state.raw<DateFormat | null>(null);
	/** Problems of the mapping (missing roles, unreadable values, duplicate ids). */
	errors = $state.raw<ClienteleError[]>([]);
	/** The customer table RFM runs from, once checked. */
	done = $state.raw<{ customers: number; defaultAsOf: string | null } | null>(null);

	/** A new file: roles guessed from its columns (or as already guessed), nothing checked yet. */
	reset(columns: readonly ColumnProfile[], guessed?: CtRoles): void {
		this.roles = guessed ? { ...guessed } : guessCustomerRoles(columns);
		this.dateFormat = null;
		this.errors = [];
		this.done = null;
	}

	set(role: CtRole, column: string): void {
		this.roles = withCtRole(this.roles, role, column);
		if (role === 'lastDate') this.dateFormat = null;
	}

	/** The last-purchase-date format in effect (the user's flip, else the sniffer's). */
	get effectiveDateFormat(): DateFormat | null {
		return this.dateFormat ?? dateFormatFor(this.lastDateColumn);
	}

	get dateAmbiguous(): boolean {
		return this.lastDateColumn?.date?.ambiguous ?? false;
	}

	private get lastDateColumn(): ColumnProfile | undefined {
		return columnByName(session.file?.sniff.columns ?? [], this.roles.lastDate);
	}

	/** Missing or doubly used roles become errors; true when the mapping can be tried. */
	check(fileName: string): boolean {
		this.done = null;
		this.errors = checkCtRoles(this.roles, fileName);
		return this.errors.length === 0;
	}

	/** Checks the table on the whole file; when it passes, the customer table RFM runs from (else null, the problems in `errors`). */
	async apply(db: DbClient, file: LoadedFile, timeZone: string): Promise<CustomerTableInfo | null> {
		const mapping = customerMappingFor(file.sniff, this.roles, this.dateFormat ?? undefined, timeZone);
		const out = await applyCustomerTable(db, file, mapping);
		this.errors = out.errors;
		if (out.errors.length > 0) return null;
		this.done = { customers: out.customers, defaultAsOf: out.defaultAsOf };
		return { fileName: file.fileName, source: CUSTOMER_SOURCE, mapping, customers: out.customers, defaultAsOf: out.defaultAsOf };
	}
}

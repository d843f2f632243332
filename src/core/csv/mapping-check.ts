import { ClienteleError } from '../errors.ts';
import type { RoleCheck } from '../sql/role-check.ts';
import type { RoleMapping } from './roles.ts';

export interface MappingVerdict {
	/** The mapping cannot work: analysis is blocked until it is changed. */
	errors: ClienteleError[];
	/** It works, but some rows are left out; each says how many and where the first one is. */
	warnings: ClienteleError[];
}

/** Checks that the required roles are mapped; returns the errors (empty when complete). */
export function checkRolesPresent(roles: RoleMapping, file: string): ClienteleError[] {
	const errors: ClienteleError[] = [];
	if (!roles.customer) errors.push(new ClienteleError('mapping.missing', { file, role: 'customer' }));
	if (!roles.date) errors.push(new ClienteleError('mapping.missing', { file, role: 'date' }));
	if (!roles.amount && !(roles.quantity && roles.price))
		errors.push(new ClienteleError('mapping.missingAmount', { file }));
	const cols = Object.entries(roles).filter(([, c]) => c !== undefined);
	const seen = new Map<string, string>();
	for (const [role, col] of cols) {
		const other = seen.get(col!);
		if (other) errors.push(new ClienteleError('mapping.sameColumn', { file, column: col!, role, other }));
		seen.set(col!, role);
	}
	return errors;
}

/**
 * Judges the per-column counts: a column where most non-empty values cannot be read is the wrong
 * column (error); a few unreadable values leave those rows out (warning).
 */
export function judgeChecks(checks: readonly RoleCheck[], file: string): MappingVerdict {
	const errors: ClienteleError[] = [];
	const warnings: ClienteleError[] = [];
	// Empty is normal for these: an order id may be missing, a paid date is empty on unpaid orders,
	// refunds and postage are mostly empty or 0.
	const mayBeEmpty = ['order', 'paid', 'refund', 'postage'];
	for (const c of checks) {
		const filled = c.total - c.empty;
		const place = { file, column: c.column, role: c.role };
		if (filled === 0 && !mayBeEmpty.includes(c.role)) {
			errors.push(new ClienteleError('mapping.allEmpty', place));
			continue;
		}
		// A row without a readable cost stays in every analysis; only margins leave it out.
		if (c.bad > 0) {
			const params = { ...place, count: c.bad, row: c.firstBadRow ?? 0, value: c.firstBadValue ?? '' };
			const kind = c.role === 'date' || c.role === 'paid' ? 'notDates' : 'notNumbers';
			if (c.bad / filled > 0.5) errors.push(new ClienteleError(`mapping.${kind}`, params));
			else if (c.role === 'refund' || c.role === 'postage') warnings.push(new ClienteleError('orders.notNumbersSome', params));
			else warnings.push(new ClienteleError(c.role === 'cost' ? 'mapping.costNotNumbersSome' : `mapping.${kind}Some`, params));
		}
		if (c.empty > 0 && !mayBeEmpty.includes(c.role) && filled > 0)
			warnings.push(new ClienteleError(c.role === 'cost' ? 'mapping.costSomeEmpty' : 'mapping.someEmpty', { ...place, count: c.empty }));
	}
	return { errors, warnings };
}

/**
 * The warnings of the id guards (core/sql/stage-guards.ts) from stageChecksSql's row: NUL bytes
 * removed from ids, and ids in Excel's scientific notation (customers or orders may have been merged).
 */
export function judgeIdGuards(row: Readonly<Record<string, unknown>>, roles: RoleMapping, file: string): ClienteleError[] {
	const n = (k: string) => Number(row[k] ?? 0);
	const out: ClienteleError[] = [];
	for (const role of ['customer', 'order'] as const) {
		const column = roles[role];
		if (!column) continue;
		const place = { file, column, role };
		if (n(`nul_${role}`) > 0) out.push(new ClienteleError('ids.nulRemoved', { ...place, count: n(`nul_${role}`), row: n(`nulrow_${role}`) }));
		if (n(`sci_${role}`) > 0)
			out.push(
				new ClienteleError(role === 'customer' ? 'ids.scientific' : 'ids.scientificOrder', {
					...place,
					count: n(`sci_${role}`),
					ids: n(`scids_${role}`),
					row: n(`scirow_${role}`),
					value: String(row[`scivalue_${role}`] ?? '')
				})
			);
	}
	return out;
}

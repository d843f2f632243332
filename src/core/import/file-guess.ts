/**
 * Every guess made from a file's columns when it is opened: its transaction roles (and the platform
 * preset), whether it is a customer table, and a customer table's roles. Pure; the page computes it
 * in the sample-inspection worker with the sniff (core/csv/inspect.ts): over 10,000 non-empty columns
 * these guesses took 40–90 ms (Node), a task the page's main thread must not run.
 */
import type { ColumnProfile } from '../csv/sniff.ts';
import type { RoleMapping } from '../csv/roles.ts';
import { fileRoleOf, guessCustomerRoles, type CtRoles, type FileRole } from './customer-roles.ts';
import { guessTxRoles, type PresetInfo } from './presets.ts';

export interface FileGuess {
	/** Transaction roles: a recognised platform's columns over the guess from names and values. */
	roles: RoleMapping;
	preset?: PresetInfo;
	fileRole: FileRole;
	/** The roles if the file is read as a customer table (one row per customer). */
	customerRoles: CtRoles;
}

export function guessFile(columns: readonly ColumnProfile[]): FileGuess {
	const { roles, preset } = guessTxRoles(columns);
	const customerRoles = guessCustomerRoles(columns);
	return { roles, ...(preset ? { preset } : {}), fileRole: fileRoleOf(customerRoles), customerRoles };
}

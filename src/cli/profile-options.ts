import { ClienteleError } from '../core/errors.ts';
import type { DbClient } from '../db/client.ts';
import { translate } from '../i18n/translate.ts';
import { loadProfiles, type ProfilesInfo } from '../run/profiles.ts';
import { RAW_PROFILES } from '../run/tables.ts';
import { dateOptionsFrom } from './date-options.ts';
import { openInput } from './input.ts';
import { optionalString, type OptionSpec, type Values } from './options.ts';
import { raggedOption } from './ragged-option.ts';

/**
 * The customer-profile file (客户档案) on the command line, one reader for every command that takes
 * it (lifecycle, grade, plan, persona): --profiles FILE --profiles-id COL [--profiles-sheet NAME].
 * It is loaded by run/profiles.ts into the profiles table (customer_id + one typed column per
 * other column of the file).
 */

export const PROFILE_OPTIONS: OptionSpec = {
	profiles: { type: 'string' },
	'profiles-id': { type: 'string' },
	'profiles-sheet': { type: 'string' }
};

export const PROFILES_HELP = `customer profiles (客户档案, one row per person; optional):
  --profiles FILE     CSV or Excel workbook of customer profiles; every column but the id is kept as
                      an attribute (numbers, dates or text, as detected)
  --profiles-id COL   its customer id column (matched to the transactions' customer ids)
  --profiles-sheet NAME
                      sheet of an Excel --profiles file (default: the first sheet with data)`;

export interface ProfilesArg {
	file: string;
	id: string;
	sheet?: string;
}

/** The profile options, validated before anything is read; null when --profiles is not given. */
export function parseProfilesArg(v: Values): ProfilesArg | null {
	const file = optionalString(v, 'profiles');
	const id = optionalString(v, 'profiles-id');
	const sheet = optionalString(v, 'profiles-sheet');
	if (!file) {
		for (const o of ['profiles-id', 'profiles-sheet'])
			if (v[o] !== undefined) throw new ClienteleError('cli.needsOption', { option: o, needs: 'profiles' });
		return null;
	}
	if (!id) throw new ClienteleError('cli.needsOption', { option: 'profiles', needs: 'profiles-id' });
	return { file, id, ...(sheet === undefined ? {} : { sheet }) };
}

/** Reads the profile file through the shared pipeline into the profiles table; warnings go to stderr. */
export async function loadProfilesArg(db: DbClient, p: ProfilesArg, v: Values): Promise<ProfilesInfo> {
	const file = await openInput(db, p.file, { 'profiles-id': p.id }, { sheet: p.sheet, ragged: raggedOption(v), table: RAW_PROFILES });
	const info = await loadProfiles(db, {
		fileName: p.file,
		columns: file.sniff.columns,
		id: p.id,
		source: RAW_PROFILES,
		timeZone: dateOptionsFrom(v).timeZone
	});
	for (const w of info.warnings) process.stderr.write(`warning: ${translate('en', w.code, w.params)}\n`);
	return info;
}

import { toCsv } from '../core/export/csv.ts';
import { createDb } from './engine.ts';
import { MIGRATE_COLUMNS } from '../core/sql/migrate.ts';
import { ClienteleError } from '../core/errors.ts';
import { migrationRows, runMigration } from '../run/migrate.ts';
import { LANG_OPTION, langHelp, langOption, optionalString, parseOptions, requiredDate, requireOption } from './options.ts';
import { writeOutput } from './io.ts';
import { loadTransactions } from './input.ts';
import { frequencyFor, INPUT_HELP, INPUT_OPTIONS, parseScoring, parseSegments, parseTxInput } from './rfm-options.ts';
import { segmentNames } from './rfm.ts';

export { MIGRATE_COLUMNS };

export const MIGRATE_HELP = `clientele migrate — segment migration between two as-of dates, one row per customer

  --from YYYY-MM-DD   the earlier as-of date
  --to YYYY-MM-DD     the later as-of date
Segments are computed at both dates from the same transactions (each date scored on the
customers who had bought by then). segment_from is empty for customers new since --from.

${INPUT_HELP}

${langHelp('the segment names')}
  --out FILE          write the CSV here (default: standard output); nothing is written on error
  -h, --help          this help

Output columns: ${MIGRATE_COLUMNS.join(',')}
Exit codes: 0 ok, 2 bad arguments or input (one message on stderr).
`;

export async function migrateCommand(argv: string[]): Promise<string | null> {
	const v = parseOptions(argv, {
		...INPUT_OPTIONS,
		from: { type: 'string' },
		to: { type: 'string' },
		...LANG_OPTION
	});
	if (v.help) return MIGRATE_HELP;
	const lang = langOption(v);
	requireOption(v, 'input');
	const from = requiredDate(v, 'from');
	const to = requiredDate(v, 'to');
	if (!(from < to)) throw new ClienteleError('rfm.migrationOrder', { from, to });
	const set = parseSegments(v);
	const { scoring, resolved } = parseScoring(v, set);
	const tx = parseTxInput(v);
	const db = await createDb(v);
	try {
		await loadTransactions(db, v, tx.roles);
		await runMigration(db, {
			from,
			to,
			frequency: frequencyFor(tx, resolved),
			monetary: tx.monetary,
			returns: tx.returns,
			cancelledPattern: tx.cancelledPattern,
			scoring,
			set
		});
		const rows = await migrationRows(db, segmentNames(set, lang));
		writeOutput(optionalString(v, 'out'), toCsv(MIGRATE_COLUMNS, rows, { bom: false }));
		return null;
	} finally {
		await db.close();
	}
}

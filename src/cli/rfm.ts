import { translate } from '../i18n/translate.ts';
import { ClienteleError } from '../core/errors.ts';
import type { RoleMapping } from '../core/csv/roles.ts';
import { toCsv } from '../core/export/csv.ts';
import { rfmOutputSql } from '../core/sql/rfm.ts';
import { dateLit } from '../core/sql/sql.ts';
import { R10_DOCS, R_SEGMENT_NAMES } from '../core/segments/rules.ts';
import { applyMapping, loadFile, mappingFor } from '../db/ingest.ts';
import { NodeDbClient } from '../db/node.ts';
import { defaultAsOf, RFM_TABLE, runRfm } from '../db/rfm.ts';
import { optionalString, parseOptions, requireOption } from './args.ts';
import { readSample, writeOutput } from './io.ts';

export const RFM_COLUMNS = ['customer_id', 'recency_days', 'frequency', 'monetary', 'r_score', 'f_score', 'm_score', 'rfm_score', 'segment'];

export const RFM_HELP = `clientele rfm — RFM scores and segments, one row per customer

  --input FILE        transactions CSV (delimiter, header and types are detected; .csv.gz accepted)
  --customer COL      customer id column
  --date COL          order date column (format detected: ISO, 2024/1/5, 2024年1月5日, 05.01.2024 …)
  --amount COL        amount column (returns as negative amounts are netted)
  --quantity COL      … or quantity and
  --price COL         unit price columns: amount = quantity × price
  --order COL         order id column (frequency = distinct orders; without it, distinct purchase days)
  --as-of YYYY-MM-DD  as-of date (default: the day after the last transaction)
  --out FILE          write the CSV here (default: standard output); nothing is written on error
  -h, --help          this help

Output columns: ${RFM_COLUMNS.join(',')}
Scores 1–5 by quintile (ties by customer id); rfm_score = 100·R + 10·F + M; segments: the ten
rules of the R rfm package's documentation, first match wins, else "Others".
Exit codes: 0 ok, 2 bad arguments or input (one message on stderr).
`;

export async function rfmCommand(argv: string[]): Promise<string | null> {
	const v = parseOptions(argv, {
		input: { type: 'string' },
		customer: { type: 'string' },
		date: { type: 'string' },
		amount: { type: 'string' },
		quantity: { type: 'string' },
		price: { type: 'string' },
		order: { type: 'string' },
		'as-of': { type: 'string' },
		out: { type: 'string' }
	});
	if (v.help) return RFM_HELP;
	const input = requireOption(v, 'input');
	const roles: RoleMapping = {
		customer: requireOption(v, 'customer'),
		date: requireOption(v, 'date'),
		amount: optionalString(v, 'amount'),
		quantity: optionalString(v, 'quantity'),
		price: optionalString(v, 'price'),
		order: optionalString(v, 'order')
	};
	if (!roles.amount && !(roles.quantity && roles.price)) throw new ClienteleError('cli.amountOrQtyPrice');
	const asOfArg = optionalString(v, 'as-of');
	if (asOfArg) {
		try {
			dateLit(asOfArg);
		} catch {
			throw new ClienteleError('cli.badDate', { option: 'as-of', value: asOfArg });
		}
	}
	const sample = readSample(input);
	const db = await NodeDbClient.create();
	try {
		const file = await loadFile(db, { fileName: input, source: { kind: 'path', path: input }, sample });
		if (!file) throw new Error('load cancelled');
		const names = file.sniff.columns.map((c) => c.name);
		for (const [role, col] of Object.entries(roles)) {
			if (col && !names.includes(col))
				throw new ClienteleError('cli.noColumn', { column: col, option: role === 'customer' || role === 'date' ? role : role, file: input, list: names.join(', ') });
		}
		const result = await applyMapping(db, file, mappingFor(file.sniff, roles));
		const first = result.errors[0];
		if (first) throw first;
		for (const w of result.warnings) process.stderr.write(`warning: ${translate('en', w.code, w.params)}\n`);
		const asOf = asOfArg ?? (await defaultAsOf(db))?.asOf;
		if (!asOf) throw new ClienteleError('mapping.noUsableRows', { file: input });
		await runRfm(db, { asOf, frequency: roles.order ? 'orders' : 'days', set: R10_DOCS });
		const out = await db.query(rfmOutputSql({ rfm: RFM_TABLE, segmentNames: R_SEGMENT_NAMES }));
		writeOutput(optionalString(v, 'out'), toCsv(RFM_COLUMNS, out.rows, { bom: false }));
		return null;
	} finally {
		await db.close();
	}
}

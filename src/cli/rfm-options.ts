import fs from 'node:fs';
import type { RoleMapping } from '../core/csv/roles.ts';
import { ClienteleError } from '../core/errors.ts';
import { DEFAULT_RFM, defaultFrequency } from '../core/rfm/defaults.ts';
import { levelsMismatch } from '../core/rfm/settings.ts';
import { isPresetId, PRESET_IDS, PRESETS } from '../core/segments/presets.ts';
import { parseSegmentSetJson } from '../core/segments/rules-json.ts';
import type { SegmentSet } from '../core/segments/rules.ts';
import {
	DIMS,
	resolveScoring,
	SCORE_METHODS,
	type ResolvedScoring,
	type ScoreMethod,
	type ScoringOptions
} from '../core/segments/scoring.ts';
import type { FrequencyMode, MonetaryMode, ReturnsMode } from '../core/sql/rfm.ts';
import { DATES_HELP } from './date-options.ts';
import { FILE_HELP, TX_OPTIONS } from './input.ts';
import { ORDER_HELP, orderRolesFrom, orderRulesFrom } from './order-options.ts';
import { binsOption, choice, numberList, optionalString, txRoles, type OptionSpec, type Values } from './options.ts';

/** Input, mapping, scoring and segment options shared by `rfm` and `migrate`. */
export const INPUT_HELP = `input (transactions):
  --input FILE        CSV (delimiter, header and types are detected; .csv.gz accepted)
                      or Excel workbook (.xlsx, .xlsm)
  --customer COL      customer id column
  --date COL          order date column (format detected: ISO, 2024/1/5, 2024年1月5日, 05.01.2024 …)
  --amount COL        amount column (returns as negative amounts are netted)
  --quantity COL      … or quantity and
  --price COL         unit price columns: amount = quantity × price
  --order COL         order id column (frequency = distinct orders; without it, distinct purchase days)
${FILE_HELP}
${DATES_HELP}
  --frequency orders|days|rows
                      count distinct orders, distinct purchase days, or rows (R rfm's transaction_count)
  --monetary total|average
                      total spend (default) or average per counted purchase (total ÷ frequency)
  --returns net|exclude|drop-cancelled
                      net returns (default), leave negative lines out, or drop cancelled orders
                      (order id matching --cancelled-pattern, a LIKE pattern, default ${DEFAULT_RFM.cancelledPattern})

scoring:
  --method ntile|r-rfm|thresholds|mean|median      for all three dimensions (default ${DEFAULT_RFM.method})
  --r-method M, --f-method M, --m-method M          per dimension
      ntile       equal-size groups by rank; ties broken by customer id
      r-rfm       exactly R rfm 0.3.0: type-7 quantile breaks + 1, equal values share a score
      thresholds  your cut points: bin i holds t(i-1) <= x < t(i)
      mean        2 levels: above / below the mean (R: recent = below the mean)
      median      2 levels: above / below the median
  --bins N            bins per dimension, 2–10 (default ${DEFAULT_RFM.bins}; mean and median always 2)
  --r-thresholds a,b,…  --f-thresholds …  --m-thresholds …
                      ascending cut points (with r-rfm or thresholds; N = count + 1)

segments:
  --segments r10|r10-tests|shopify11|cn8|FILE.json
                      rule set (default ${DEFAULT_RFM.preset}, the R rfm documentation's ten segments); cn8 (the
                      Chinese 8-class model) uses mean split unless a method is given

${ORDER_HELP}`;

export const INPUT_OPTIONS: OptionSpec = {
	...TX_OPTIONS,
	frequency: { type: 'string' },
	monetary: { type: 'string' },
	returns: { type: 'string' },
	'cancelled-pattern': { type: 'string' },
	method: { type: 'string' },
	'r-method': { type: 'string' },
	'f-method': { type: 'string' },
	'm-method': { type: 'string' },
	bins: { type: 'string' },
	'r-thresholds': { type: 'string' },
	'f-thresholds': { type: 'string' },
	'm-thresholds': { type: 'string' },
	segments: { type: 'string' }
};

/** Scoring options from the command line; validated here so a bad value exits before any work. */
export function parseScoring(
	v: Values,
	set: SegmentSet
): { scoring: ScoringOptions; resolved: ResolvedScoring; methodGiven: boolean } {
	const method = choice<ScoreMethod>(v, 'method', SCORE_METHODS);
	const scoring: ScoringOptions = { method, bins: binsOption(v) };
	let methodGiven = method !== undefined;
	for (const d of DIMS) {
		const m = choice<ScoreMethod>(v, `${d}-method`, SCORE_METHODS);
		const t = numberList(v, `${d}-thresholds`);
		if (m) methodGiven = true;
		if (m || t) scoring[d] = { ...(m ? { method: m } : {}), ...(t ? { thresholds: t } : {}) };
	}
	// cn8 and other 2-level rule sets: high/low against the mean unless a method is chosen.
	if (!methodGiven && set.levels === 2) scoring.method = 'mean';
	const resolved = resolveScoring(scoring);
	// --bins counts only for ntile and r-rfm: with mean or median everywhere it would be ignored.
	const fixed = DIMS.map((d) => resolved[d].method).filter((m) => m === 'mean' || m === 'median');
	if (scoring.bins !== undefined && fixed.length === DIMS.length)
		throw new ClienteleError('cli.binsNoEffect', { bins: scoring.bins, method: [...new Set(fixed)].join('/') });
	const mismatch = levelsMismatch(resolved, set);
	if (mismatch) throw mismatch;
	return { scoring, resolved, methodGiven };
}

/** --segments: a preset's id or a rule-set JSON file. */
export function parseSegments(v: Values): SegmentSet {
	const x = optionalString(v, 'segments') ?? DEFAULT_RFM.preset;
	if (isPresetId(x)) return PRESETS[x];
	if (!x.toLowerCase().endsWith('.json'))
		throw new ClienteleError('cli.badChoice', {
			option: 'segments',
			value: x,
			list: [...PRESET_IDS, 'FILE.json'].join(', ')
		});
	let text: string;
	try {
		text = fs.readFileSync(x, 'utf8');
	} catch (e) {
		throw new ClienteleError('cli.noFile', {
			file: x,
			detail: e instanceof Error ? e.message : String(e)
		});
	}
	try {
		return parseSegmentSetJson(text);
	} catch (e) {
		if (e instanceof ClienteleError)
			throw new ClienteleError('segments.badJsonFile', { ...e.params, file: x });
		throw e;
	}
}

export interface TxInput {
	roles: RoleMapping;
	/** Undefined: chosen by frequencyFor once the scoring is known. */
	frequency?: FrequencyMode;
	monetary: MonetaryMode;
	returns: ReturnsMode;
	cancelledPattern: string;
}

/** Transaction input options, validated (nothing is read yet); the rest from DEFAULT_RFM. */
export function parseTxInput(v: Values): TxInput {
	// The order flags fail here, before anything is read.
	const roles = orderRolesFrom(v, txRoles(v));
	orderRulesFrom(v);
	const frequency = choice<FrequencyMode>(v, 'frequency', ['orders', 'days', 'rows']);
	if (frequency === 'orders' && !roles.order)
		throw new ClienteleError('cli.needsOption', { option: 'frequency orders', needs: 'order' });
	const returns = choice<ReturnsMode>(v, 'returns', ['net', 'exclude', 'drop-cancelled']);
	if (returns === 'drop-cancelled' && !roles.order)
		throw new ClienteleError('cli.needsOption', {
			option: 'returns drop-cancelled',
			needs: 'order'
		});
	const cancelledPattern = optionalString(v, 'cancelled-pattern');
	if (cancelledPattern !== undefined && returns !== 'drop-cancelled')
		throw new ClienteleError('cli.needsOption', {
			option: 'cancelled-pattern',
			needs: 'returns drop-cancelled'
		});
	return {
		roles,
		frequency,
		monetary: choice<MonetaryMode>(v, 'monetary', ['total', 'average']) ?? DEFAULT_RFM.monetary,
		returns: returns ?? DEFAULT_RFM.returns,
		cancelledPattern: cancelledPattern ?? DEFAULT_RFM.cancelledPattern
	};
}

/** The frequency given, else the default for the roles and the scoring (defaultFrequency). */
export function frequencyFor(tx: TxInput, resolved: ResolvedScoring): FrequencyMode {
	return tx.frequency ?? defaultFrequency(Boolean(tx.roles.order), resolved);
}

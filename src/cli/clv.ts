import { ClienteleError } from '../core/errors.ts';
import { createDb } from './engine.ts';
import { toCsv } from '../core/export/csv.ts';
import { moneyColumnsOf } from '../core/export/money.ts';
import { CLV_COLUMNS, type ClvUnit } from '../core/sql/clv.ts';
import { translate } from '../i18n/translate.ts';
import { clvOutputRows, DEFAULT_CLV, runClvModels } from '../run/clv.ts';
import { runClv } from '../core/clv/fit.ts';
import type { ClvFitInput, ClvFitResult } from '../core/clv/fit-types.ts';
import { optionalString, parseOptions, requireOption, type OptionSpec } from './options.ts';
import { cliDefaultAsOf } from './as-of.ts';
import { dateOption, loadTransactions, numberOption, rolesFrom, TX_HELP, TX_OPTIONS } from './input.ts';
import { writeOutput } from './io.ts';

/** Options shared by clv and value-matrix. */
export const CLV_OPTIONS: OptionSpec = {
	'calibration-end': { type: 'string' },
	'observation-end': { type: 'string' },
	unit: { type: 'string' },
	'horizon-months': { type: 'string' },
	discount: { type: 'string' },
	params: { type: 'string' }
};

export const CLV_OPTIONS_HELP = `  --observation-end YYYY-MM-DD  last day of the hold-out (default: the last purchase day)
  --unit day|week     model time unit for recency, T and the BG/NBD alpha (default ${DEFAULT_CLV.unit})
  --horizon-months N  months of future value in CLV (default ${DEFAULT_CLV.horizonMonths})
  --discount RATE     monthly discount rate (default ${DEFAULT_CLV.monthlyDiscountRate})
  --params FILE       also write the fitted parameters as JSON here`;

export const CLV_HELP = `clientele clv — BG/NBD + Gamma-Gamma customer lifetime value

${TX_HELP}
  --calibration-end YYYY-MM-DD  last day (inclusive) of the calibration period the models are fitted on
${CLV_OPTIONS_HELP}
  -h, --help          this help

Output columns: ${CLV_COLUMNS.join(',')}
One row per customer whose first purchase is on or before the calibration end (by customer id).
frequency = repeat purchase days in calibration, recency and T in the unit (not rounded),
monetary_value = mean spend per repeat purchase day; expected_purchases_holdout = expected purchases
from the calibration end to the observation end (over the horizon when --observation-end is not given);
clv = discounted value over the horizon. A purchase is a distinct purchase day.
Parameters JSON: {"bgnbd":{"r","alpha","a","b","loglik"},"gammagamma":{"p","q","gamma"}}.
`;

type Values = Record<string, string | boolean | undefined>;

export interface ClvSettings {
	calibrationEnd?: string;
	observationEnd?: string;
	unit: ClvUnit;
	horizonMonths: number;
	monthlyDiscountRate: number;
	params?: string;
}

export function clvSettings(v: Values, calibrationRequired: boolean): ClvSettings {
	const calibrationEnd = calibrationRequired ? (requireOption(v, 'calibration-end'), dateOption(v, 'calibration-end')) : dateOption(v, 'calibration-end');
	const observationEnd = dateOption(v, 'observation-end');
	const unit = optionalString(v, 'unit') ?? DEFAULT_CLV.unit;
	if (unit !== 'day' && unit !== 'week') throw new ClienteleError('clv.badUnit', { value: unit });
	if (calibrationEnd && observationEnd && observationEnd < calibrationEnd) throw new ClienteleError('clv.observationBeforeCalibration', { observation: observationEnd, calibration: calibrationEnd });
	const horizonMonths = numberOption(v, 'horizon-months', DEFAULT_CLV.horizonMonths, 1, 600);
	if (!Number.isInteger(horizonMonths)) throw new ClienteleError('cli.badNumber', { option: 'horizon-months', value: String(horizonMonths), min: 1, max: 600 });
	return { calibrationEnd, observationEnd, unit, horizonMonths, monthlyDiscountRate: numberOption(v, 'discount', DEFAULT_CLV.monthlyDiscountRate, 0, 1), params: optionalString(v, 'params') };
}

/** The parameters JSON written by --params. */
export function paramsJson(r: ClvFitResult): string {
	const { r: rr, alpha, a, b } = r.bgnbd.params;
	const gg = r.gammaGamma?.params;
	return JSON.stringify({ bgnbd: { r: rr, alpha, a, b, loglik: r.bgnbd.logLikelihood }, gammagamma: gg ? { p: gg.p, q: gg.q, gamma: gg.gamma } : null }, null, 2) + '\n';
}

export function warnFit(r: ClvFitResult): void {
	for (const w of r.warnings) process.stderr.write(`warning: ${translate('en', `clv.warning.${w}`)}\n`);
}

/** The CLI's fit: in-process, its warnings on standard error as soon as it is done. */
export function fitAndWarn(input: ClvFitInput): ClvFitResult {
	const result = runClv(input);
	warnFit(result);
	return result;
}

export async function clvCommand(argv: string[]): Promise<string | null> {
	const v = parseOptions(argv, { ...TX_OPTIONS, ...CLV_OPTIONS });
	if (v.help) return CLV_HELP;
	const roles = rolesFrom(v);
	const s = clvSettings(v, true);
	const db = await createDb(v);
	try {
		await loadTransactions(db, v, roles);
		const { calibrationEnd, unit, horizonMonths, monthlyDiscountRate } = s;
		// Default observation end: the last day of the data, stray late dates left out (reported).
		const d = await cliDefaultAsOf(db, requireOption(v, 'input'));
		const observationEnd = s.observationEnd ?? d?.lastDay;
		const run = await runClvModels(db, { calibrationEnd: calibrationEnd as string, observationEnd, unit, horizonMonths, monthlyDiscountRate, score: 'calibration', holdoutOverHorizon: !s.observationEnd }, fitAndWarn);
		const csv = toCsv(CLV_COLUMNS, await clvOutputRows(db), { bom: false, money: moneyColumnsOf(CLV_COLUMNS) });
		if (s.params) writeOutput(s.params, paramsJson(run.fit));
		writeOutput(optionalString(v, 'out'), csv);
		return null;
	} finally {
		await db.close();
	}
}

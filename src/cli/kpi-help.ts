/** Help texts and output columns of `clientele kpi` (defaults from core/kpi/defaults.ts). */
import { DEFAULT_CES_SCALE, DEFAULT_CSAT_SCALE, DEFAULT_LOST_DAYS } from '../core/kpi/defaults.ts';
import { DATES_HELP } from './date-options.ts';
import { FILE_HELP } from './input.ts';
import { langHelp } from './options.ts';
import { ORDER_HELP } from './order-options.ts';

export const NPS_COLUMNS = ['group', 'n', 'detractors', 'passives', 'promoters', 'nps', 'se', 'ci_low', 'ci_high'];
export const CSAT_COLUMNS = ['group', 'n', 'satisfied', 'csat', 'ci_low', 'ci_high'];
export const CES_COLUMNS = ['group', 'n', 'mean', 'sd', 'ci_low', 'ci_high'];
export const RETENTION_COLUMNS = ['group', 'start', 'end', 'lost_days', 'customers_start', 'customers_end', 'new_customers', 'retained', 'lost', 'reactivated', 'buyers', 'repeat_buyers', 'retention', 'churn', 'retained_share', 'repurchase_rate'];
export const COHORT_COLUMNS = ['cohort', 'month_index', 'customers', 'cohort_size', 'retention'];

const SURVEY_OPTIONS = `  --input FILE        survey CSV (delimiter, header and number format are detected; .csv.gz accepted)
                      or Excel workbook (.xlsx, .xlsm)
${FILE_HELP}
  --score COL         the answer column; blank answers are left out
  --by COL            one row per value of this column (default: one row, group "all")
  --by-period P       … or per month or quarter (P = month | quarter) of the --date column
  --date COL          date column for --by-period
${langHelp('the overall group: en all, zh 全部')}
${DATES_HELP}
  --out FILE          write the CSV here (default: standard output); nothing is written on error
  -h, --help          this help`;

const BAD_INPUT = `A non-blank answer that is not a whole number in range (e.g. 11 or 'abc') stops the command with one
message naming the file, the row (data rows, header not counted) and the column. Exit codes: 0 ok, 2 bad
arguments or input. Numbers are rounded to 4 decimals.`;

export const KPI_NPS_HELP = `clientele kpi nps — Net Promoter Score per group

${SURVEY_OPTIONS}

Answers 0–10: promoters 9–10, passives 7–8, detractors 0–6. NPS = % promoters − % detractors (−100..100).
se = √(((p + d) − (p − d)²) / n) (the variance of one answer scored +1/0/−1), 95 % Wald interval
NPS ± 1.96·se, clipped to −100..100. nps, se, ci_low and ci_high are in points.
Output columns: ${NPS_COLUMNS.join(',')}
${BAD_INPUT}
`;

export const KPI_CSAT_HELP = `clientele kpi csat — customer satisfaction (top-two-box share) per group

${SURVEY_OPTIONS}
  --scale N           points of the scale: ${DEFAULT_CSAT_SCALE} (default), 7 or 10; answers must be 1..N

Satisfied = the two highest points: 4–5 on a 5-point scale, 6–7 on 7, 9–10 on 10. csat = satisfied / n
with n the answers given (blanks excluded); 95 % Wilson score interval. csat, ci_low, ci_high in %.
Output columns: ${CSAT_COLUMNS.join(',')}
${BAD_INPUT}
`;

export const KPI_CES_HELP = `clientele kpi ces — customer effort score (mean answer) per group

${SURVEY_OPTIONS}
  --min N  --max N    the scale (default ${DEFAULT_CES_SCALE.min} to ${DEFAULT_CES_SCALE.max})

mean with a 95 % normal-approximation interval mean ± 1.96·sd/√n (sd: sample standard deviation).
Output columns: ${CES_COLUMNS.join(',')}
${BAD_INPUT}
`;

export const KPI_RETENTION_HELP = `clientele kpi retention — retention, churn and repurchase over a period, or cohort retention

  --input FILE        transactions CSV or .xlsx/.xlsm (as for rfm)
${FILE_HELP}
  --customer COL      customer id column
  --date COL          order date column
  --amount COL        amount column, or
  --quantity COL --price COL   quantity and unit price
  --order COL         order id (purchases = distinct orders; without it, distinct purchase days)
${DATES_HELP}
  --start YYYY-MM-DD  first day of the period (included)
  --end YYYY-MM-DD    last day of the period (included)
  --lost-days N       a customer is lost after N days without a purchase (default ${DEFAULT_LOST_DAYS})
  --report R          summary (default) or cohorts
  --max-months N      cohorts: at most N months after the first
${langHelp('the overall group: en all, zh 全部')}
  --out FILE          write the CSV here (default: standard output); nothing is written on error
  -h, --help          this help

${ORDER_HELP}

A purchase is a line with a positive amount. Active on a day = bought in the N days before it.
customers_start: active at --start (a purchase in [start − N, start − 1]); customers_end: active at the
end of --end (a purchase in [end − N + 1, end]); new_customers: first purchase ever inside the period;
retained: active at both; lost: active at the start, not at the end; reactivated: active at the end,
neither at the start nor new. retained_share = retained / customers_start is strict retention
(the page's headline, = 100 − churn; the 92 % target refers to it); retention = (customers_end −
new_customers) / customers_start is the textbook formula (can leave 0–100);
churn = lost / customers_start; repurchase_rate =
customers with ≥ 2 purchases in the period / customers with ≥ 1. Rates in %.
summary columns: ${RETENTION_COLUMNS.join(',')}
cohorts columns: ${COHORT_COLUMNS.join(',')} — cohort = month of the first purchase (YYYY-MM,
from the --start month on), month_index 0 = that month, retention = customers buying in the month /
cohort_size (%), every month up to --end.
Exit codes: 0 ok, 2 bad arguments or input (one message on stderr).
`;

export const KPI_HELP = `clientele kpi — satisfaction, loyalty and retention KPIs

usage: npm run --silent cli -- kpi <nps|csat|ces|retention> [options]

  nps         Net Promoter Score per group (answers 0–10)
  csat        top-two-box satisfaction per group (5-, 7- or 10-point scale)
  ces         customer effort score: mean per group
  retention   retention, churn, repurchase rate; cohort retention by first-purchase month

Run kpi <name> --help for its options and output columns.
`;

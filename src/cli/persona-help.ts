import { DEFAULT_BEHAVIOUR } from '../core/persona/defaults.ts';
import { MIN_GROUP } from '../core/persona/rows.ts';
import { PERSONA_COLUMNS } from '../core/persona/output.ts';
import { PROFILES_HELP } from './profile-options.ts';

const N = DEFAULT_BEHAVIOUR.nightOwl;

/** `clientele persona --help`. */
export const PERSONA_HELP = (inputHelp: string) => `clientele persona — personas (客户画像) and behaviour classes per group, each against the rest of the base

${inputHelp}

${PROFILES_HELP}

grouping (one of):
  --by segment|quadrant|tier|stage
                      RFM segments (the scoring and --segments flags above), value-matrix quadrants
                      (the value-matrix flags: --current, --potential, --split, --cost, --from, --to,
                      the CLV model flags), grading tiers (--standard FILE.json|vip with grade's
                      flags) or lifecycle stages (--new-days, --active-days, --churn-days), as in plan
  --by-column COL     a profile column, or a transactions column (each customer's most frequent value)

behaviour classes (a class whose column is not named is not offered):
  always              weekday_weekend (weekday|weekend: at least half the orders on Sat/Sun),
                      purchase_frequency (high|low|once: median gap between purchase days shorter
                      than the median of that over customers with 2+ purchase days, or not; once:
                      one purchase day)
  dates with times    daypart (morning [05,11) afternoon [11,17) evening [17,22) night [22,05): the
                      part of most orders, each timed by its first line), night_owl (yes|no)
  --night-owl-orders N, --night-owl-share S
                      night owl: at least N orders (default ${N.minOrders}) and at least share S of them
                      (default ${N.share}) at a local hour >= ${N.fromHour} or < ${N.toHour}
  --category COL      favourite_category (most spend, ties by name), category_breadth (numeric)
  --channel COL       channel (the channel of most orders, ties by name)
  --region COL        region (the region or city of most orders)
  --discount COL      discount_use (never|sometimes|mostly: share of orders with a discount < or >= half)
  Profile columns are described too: numbers by quintile bins, text with at most 30 values as is.

  --as-of YYYY-MM-DD  purchases on or before it count (default: the day after the last transaction)
  --lang en|zh        language of the group names of --by (segment, quadrant and stage names; default en)
  --out FILE          write the CSV here (default: standard output); nothing is written on error

Output columns: ${PERSONA_COLUMNS.join(',')}
Rows by group, then feature, then value (unknown last, as an empty value). share = the group's
customers with the value ÷ the group's customers with a known value (the unknown row: ÷ all the
group's customers); share_overall the same over the whole base; lift = share ÷ share_overall; shares
and lift to 4 decimals. p_value: the group against the rest of the base, two-sided Pearson χ² on the
2×2 table without continuity correction (test chi2), or Fisher's exact test when an expected count is
under 5 (test fisher); p_adjusted: Benjamini–Hochberg over all rows. Numeric features are cut at the
whole base's quintiles, written [a, b) (the last [a, b]). Groups under ${MIN_GROUP} customers are named
on stderr as too small to describe.
Exit codes: 0 ok, 2 bad arguments or input (one message on stderr).
`;

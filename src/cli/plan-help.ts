import { CHANNELS, DEFAULT_PLAN_RUN } from '../core/plan/types.ts';

/** `clientele plan --help`. */
export const PLAN_HELP = (inputHelp: string) => `clientele plan — tiered service plans: one action-list row per customer

${inputHelp}

basis and plans:
  --basis segment|quadrant|tier|stage
                      the groups that get plans: RFM segments (the scoring and --segments flags
                      above), value-matrix quadrants (the value-matrix flags: --current, --potential,
                      --split, --cost, --from, --to, the CLV model flags), grading tiers or lifecycle
                      stages
  --standard FILE.json|vip
                      with --basis tier: the grading standard, with grade's flags (--cost, the
                      CLV model flags, --surveys …, --profiles); see clientele grade --help
  --new-days N, --active-days N, --churn-days N
                      with --basis stage: the lifecycle's day settings (default 90, 90, 180)
  --profiles FILE --profiles-id COL [--profiles-sheet NAME]
                      customer profiles (客户档案): with --basis stage their ids without a purchase
                      are potential; with --basis tier numeric profile columns can be indicators;
                      and --profile-columns can take columns from them
  --profile-columns COL,COL
                      with --profiles: profile columns (name, phone …) appended after the action
                      list's own columns, in this order; empty for a customer without a profile
                      row; a column named like one of the action list's is written profile_<name>
  --plans FILE.json   {"basis", "groups": {"<group>": {"service_level", "channel",
                      "contact_every_days", "owner", "cost_per_contact"}}, "default"?: {…}}; a group
                      is matched by its id or its name; without the file, the default plans
                      (VIP: manager every 30 days … general: social every 180; at-risk: one call).
                      Channels: ${CHANNELS.join(', ')}
  --start YYYY-MM-DD  first contact day (default: the as-of date)
  --workdays          contact on working days only: weekends and mainland China's public holidays
                      skipped, adjusted working days (调休) worked
  --holidays FILE.csv with --workdays: your own calendar, lines date,type (type holiday|workday)
  --horizon-days N    contacts and cost are counted within [start, start + N) (default ${DEFAULT_PLAN_RUN.horizonDays})
  --seed N            seed of the 10 % control group drawn from each group (default ${DEFAULT_PLAN_RUN.seed})
  --as-of YYYY-MM-DD  as-of date of the analysis (default: the day after the last transaction)
  --lang en|zh        language of group names, service levels and reasons (default en)
  --out FILE          write the CSV here (default: standard output); nothing is written on error
  -h, --help          this help

Output columns: customer_id,group,service_level,channel,contact_every_days,next_contact,owner,
contacts_in_horizon,cost,control,reason (then the --profile-columns, if any) — rows by group, then next_contact, then customer_id.
next_contact = start + (i mod N) days (working days with --workdays), i = the customer's 0-based
position among the contacted customers of the group by monetary descending, then customer_id;
N = contact_every_days. control = true for a seeded random round(10 %) of each group (not contacted:
no next_contact, no cost). cost = cost_per_contact × contacts_in_horizon (money, 2 decimals).
Groups with no plan and no default are reported on standard error and listed with empty plans.
Exit codes: 0 ok, 2 bad arguments or input (one message on stderr).
`;

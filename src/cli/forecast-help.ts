/** The help text of `clientele forecast` (the contract is in README, "Demand forecasting"). */
import { DEFAULT_HORIZON } from '../core/forecast/groups.ts';
import { TX_HELP } from './input.ts';

export const FORECAST_HELP = `clientele forecast — demand forecast (orders, revenue, active customers or touchpoint events) with a backtest

${TX_HELP}
  --events            forecast touchpoint events instead (e.g. 客服电话 calls for staffing): --input FILE
                      --customer COL --date COL --touchpoint COL [--touchpoint-value V] as in journey
  --touchpoint COL    (--events) the touchpoint column
  --touchpoint-value V  (--events) only events of this touchpoint
  --metric M          orders | revenue | customers | events (default orders; events with --events)
  --freq F            day | week | month (default week; weeks start on Monday)
  --horizon H         periods ahead (default ${DEFAULT_HORIZON.week} weeks / ${DEFAULT_HORIZON.day} days / ${DEFAULT_HORIZON.month} months)
  --by COL            one series per value of this column of the input (default: one series, group "all")
  --holidays H        cn | western | cn,western | none | FILE.csv (default cn; a table date,name,days_before,days_after);
                      cn: 春节 (from the Chinese calendar, ±7 days), 618, 国庆 (7 days), 双11, 双12; western: New Year,
                      Good Friday, Easter Monday, Thanksgiving, Black Friday (+3 days), Christmas (±1 day).
                      Day and week series only (a month series has none).
  --model M           auto | ets | mstl | seasonal-naive (default auto: chosen by the backtest's MAE)
  --report R          forecast | backtest (default forecast)

Reports:
  forecast  group,period,kind,value,lower_80,upper_80,lower_95,upper_95 — kind history|forecast; period = the
            period's first day; every period present (0 when empty); history rows have empty intervals;
            revenue to 2 decimals, counts to 4
  backtest  group,model,horizon,origins,mae,rmse,mape,smape,mase,coverage_80,coverage_95 — the chosen model,
            then seasonal-naive; 4 origins (the last at n − H, each earlier H before), refitted at each;
            mape and smape in %, coverage as a share; MASE against seasonal naive (m = 7/52/12) in-sample
            on the first origin's training part
A last period that ends after the last day with data is partial: dropped, with a warning on stderr. The model
of each group, what it left out (a seasonality with under two cycles of history) and the actuals equal to 0
left out of MAPE are written on stderr. Exit codes: 0 ok, 2 bad arguments or input.
`;

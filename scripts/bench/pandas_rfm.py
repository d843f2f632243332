#!/usr/bin/python3
"""
The page's load + RFM in pandas, on the bench's generated file (scripts/bench/generate.ts, the UCI
Online Retail columns), with the page's definitions — an analyst's script to compare the page with.

    /usr/bin/python3 scripts/bench/pandas_rfm.py FILE [--today YYYY-MM-DD] [--customers-out CSV]

Same work as the page (src/run/load-file.ts loadTyped, src/run/rfm.ts runRfm with the defaults of
src/core/rfm/defaults.ts, src/core/sql/rfm.ts, the R10_DOCS rules of src/core/segments/rules.ts):
- read only the mapped columns (InvoiceNo → order, Quantity, InvoiceDate, UnitPrice, CustomerID);
  ids as text, the timestamp parsed with the sniffed format; amount = quantity × unit price; lines
  without a customer, a readable date or an amount are dropped (and counted, as the page's checks do);
- default as-of: the day after the last day, with the page's stray rule (src/core/as-of.ts);
- lines dated up to the as-of day; returns 'net' (cancelled C… invoices and negative lines are netted
  into monetary; they are no purchase for frequency and recency);
- per customer: frequency = distinct orders with a positive line; recency = days from the last
  purchase (else the last line) to the as-of day; monetary = round(sum of amounts, 2) as DuckDB rounds;
- scores: ntile(5) as DuckDB numbers it, over (recency DESC, customer_id), (frequency, customer_id),
  (monetary, customer_id) — ties broken by the customer id as text;
- segments: the first matching rule, else 'others'; the segment summary and the R×F heatmap.
The page also unwraps Excel-quoted cells, trims Unicode spaces and strips '.0' from ids: the generated
file has none of these, so the script leaves them out (the bench compares every customer's result).

Timed inside Python (time.perf_counter), read + compute; prints one JSON object.
"""
import argparse
import datetime as dt
import json
import sys
import time

import numpy as np
import pandas as pd

COLS = {"order": "InvoiceNo", "quantity": "Quantity", "date": "InvoiceDate", "price": "UnitPrice", "customer": "CustomerID"}
DATE_FORMAT = "%Y-%m-%d %H:%M:%S"
BINS = 5
STRAY_SHARE = 0.001
STRAY_GAP_DAYS = 90
# R10_DOCS (src/core/segments/rules.ts): id, R, F, M ranges, in priority order.
RULES = [
    ("champions", (5, 5), (5, 5), (5, 5)),
    ("potential_loyalist", (3, 5), (3, 5), (2, 5)),
    ("loyal_customers", (2, 4), (2, 4), (2, 4)),
    ("promising", (3, 4), (1, 3), (3, 5)),
    ("new_customers", (4, 5), (1, 3), (1, 5)),
    ("cant_lose_them", (1, 2), (3, 4), (4, 5)),
    ("at_risk", (1, 2), (2, 5), (4, 5)),
    ("need_attention", (1, 3), (3, 5), (3, 5)),
    ("about_to_sleep", (2, 3), (1, 3), (1, 4)),
    ("lost", (1, 1), (1, 5), (1, 5)),
]


def duck_round(x, digits=2):
    """DuckDB's round(DOUBLE, n): std::round (half away from zero) of x·10ⁿ, divided back."""
    f = 10.0**digits
    return np.sign(x) * np.floor(np.abs(x) * f + 0.5) / f


def default_as_of(day_counts, today):
    """src/core/as-of.ts defaultAsOf: (as_of, last_day) of rows per day, or None."""
    days = sorted((d, n) for d, n in day_counts.items() if n > 0)
    total = sum(n for _, n in days)
    past = [(d, n) for d, n in days if d <= today]
    tail, found = 0, 0
    for k in range(len(past) - 1, 0, -1):
        tail += past[k][1]
        if tail >= STRAY_SHARE * total:
            break
        gap = (past[k][0] - past[k - 1][0]).days
        span = (past[k - 1][0] - past[0][0]).days
        if gap > min(span, STRAY_GAP_DAYS):
            found = len(past) - k
    keep = len(past) - found
    if keep == 0:
        return None
    last = past[keep - 1][0]
    return last + dt.timedelta(days=1), last


def ntile(n_rows, bins):
    """DuckDB's ntile(bins) for row numbers 0..n_rows-1 (the first n_rows mod bins groups one larger)."""
    bins = min(bins, n_rows) or 1
    size = n_rows // bins
    large = n_rows - bins * size
    small_from = large * (size + 1)
    i = np.arange(n_rows)
    return np.where(i < small_from, 1 + i // (size + 1), 1 + large + (i - small_from) // max(size, 1)).astype(np.int64)


def score(c, col, descending):
    """ntile over (col, customer_id), customer ids compared as text; returns scores in c's order."""
    order = c.sort_values([col, "customer_id"], ascending=[not descending, True], kind="mergesort").index
    s = pd.Series(ntile(len(c), BINS), index=order)
    return s.reindex(c.index).to_numpy()


def run(path, today):
    t0 = time.perf_counter()
    df = pd.read_csv(
        path,
        usecols=list(COLS.values()),
        dtype={COLS["order"]: str, COLS["customer"]: str},
        keep_default_na=False,
        na_values=[""],
    )
    t_read = time.perf_counter()
    raw_rows = len(df)
    ts = pd.to_datetime(df[COLS["date"]], format=DATE_FORMAT, errors="coerce")
    qty = pd.to_numeric(df[COLS["quantity"]], errors="coerce")
    price = pd.to_numeric(df[COLS["price"]], errors="coerce")
    tx = pd.DataFrame({"customer_id": df[COLS["customer"]], "order_id": df[COLS["order"]], "ts": ts, "amount": qty * price})
    checks = {"customer_empty": int(tx["customer_id"].isna().sum()), "date_unreadable": int(ts.isna().sum()), "amount_unreadable": int(tx["amount"].isna().sum())}
    del df
    tx = tx.dropna(subset=["customer_id", "ts", "amount"])
    day = tx["ts"].dt.normalize()
    counts = day.value_counts()
    asof = default_as_of({d.date(): int(n) for d, n in counts.items()}, today)
    if asof is None:
        raise SystemExit("no dated rows")
    as_of, _ = asof
    as_of_ts = pd.Timestamp(as_of)
    tx = tx[day <= as_of_ts]
    buy = tx["amount"] > 0
    per = tx.groupby("customer_id", sort=False).agg(last_any=("ts", "max"), total=("amount", "sum"))
    bought = tx[buy]
    per["last_buy"] = bought.groupby("customer_id", sort=False)["ts"].max()
    per["frequency"] = bought.drop_duplicates(["customer_id", "order_id"]).groupby("customer_id", sort=False).size()
    c = pd.DataFrame(index=per.index)
    last = per["last_buy"].fillna(per["last_any"]).dt.normalize()
    c["recency_days"] = (as_of_ts - last).dt.days.astype(np.int64)
    c["frequency"] = per["frequency"].fillna(0).astype(np.int64)
    c["monetary"] = duck_round(per["total"].to_numpy())
    if not (c["monetary"] > 0).any():
        raise SystemExit("no purchases")
    c = c.reset_index()
    c["r_score"] = score(c, "recency_days", True)
    c["f_score"] = score(c, "frequency", False)
    c["m_score"] = score(c, "monetary", False)
    c["rfm_score"] = 100 * c["r_score"] + 10 * c["f_score"] + c["m_score"]
    r, f, m = c["r_score"], c["f_score"], c["m_score"]
    conds = [r.between(*R) & f.between(*F) & m.between(*M) for _, R, F, M in RULES]
    c["segment"] = np.select(conds, [k for k, *_ in RULES], default="others")
    g = c.groupby("segment")
    summary = pd.DataFrame(
        {
            "customers": g.size(),
            "orders": g["frequency"].sum(),
            "monetary_sum": g["monetary"].sum(),
            "median_recency": g["recency_days"].median(),
            "median_frequency": g["frequency"].median(),
            "median_monetary": g["monetary"].median(),
        }
    )
    summary["share"] = summary["customers"] / summary["customers"].sum()
    summary["revenue"] = duck_round(summary["monetary_sum"].to_numpy())
    summary["revenue_share"] = summary["monetary_sum"] / summary["monetary_sum"].sum()
    summary["aov"] = duck_round((summary["monetary_sum"] / summary["orders"].replace(0, np.nan)).to_numpy())
    summary = summary.reset_index().sort_values(["revenue", "segment"], ascending=[False, True])
    heatmap = c.groupby(["r_score", "f_score"]).agg(customers=("customer_id", "size"), mean_monetary=("monetary", "mean"))
    t_end = time.perf_counter()
    return c, {
        "total_ms": (t_end - t0) * 1000,
        "read_ms": (t_read - t0) * 1000,
        "compute_ms": (t_end - t_read) * 1000,
        "raw_rows": raw_rows,
        "tx_rows": int(len(tx)),
        "checks": checks,
        "as_of": as_of.isoformat(),
        "customers": int(len(c)),
        "heatmap_cells": int(len(heatmap)),
        "segments": {s: int(n) for s, n in zip(summary["segment"], summary["customers"])},
        "summary": summary.drop(columns=["monetary_sum"]).to_dict(orient="records"),
    }


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("file")
    p.add_argument("--today", default=dt.datetime.now(dt.timezone.utc).date().isoformat())
    p.add_argument("--customers-out", help="per-customer result (CSV, by customer_id), written after timing")
    a = p.parse_args()
    c, out = run(a.file, dt.date.fromisoformat(a.today))
    out["pandas"] = pd.__version__
    out["numpy"] = np.__version__
    out["python"] = sys.version.split()[0]
    if a.customers_out:
        cols = ["customer_id", "recency_days", "frequency", "monetary", "r_score", "f_score", "m_score", "segment"]
        c.sort_values("customer_id")[cols].to_csv(a.customers_out, index=False)
    print(json.dumps(out, default=lambda v: v.item() if hasattr(v, "item") else str(v)))


if __name__ == "__main__":
    main()

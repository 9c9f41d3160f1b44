#!/usr/bin/env python3
"""Rebuilds history/data/ from the team's shared data folder.

Usage: python3 history/tools/make_bundle.py <shared-data-dir>

Only trims: keeps some columns and rows, renames headers. Every kept value is copied as text, unchanged.
See history/data/SOURCES.md for what each output file holds and where it comes from.
"""
import csv
import glob
import os
import sys

SRC = sys.argv[1]
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data")
CRYPTO_START = "2017-07-14"  # TradingView TOTAL3/ETH.D start; BTC.D before it is not comparable.
COIN_START = "2017-01-01"


def write(rel, header, rows):
    path = os.path.join(OUT, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)
    print(f"{rel}: {len(rows)} rows")


def read(rel):
    with open(os.path.join(SRC, rel), newline="") as f:
        return list(csv.DictReader(f))


def two_columns(rel, date_col, value_col, start=None):
    out = []
    for r in read(rel):
        d, v = r[date_col][:10], r[value_col]
        if v == "" or (start and d < start):
            continue
        out.append((d, v))
    return out


write("russell2000/RUT_daily.csv", ["date", "close"],
      two_columns("russell2000/yahoo/RUT_index_daily.csv", "Date", "Close"))
for name in ["TOTAL3", "BTC.D", "ETH.D"]:
    write(f"tradingview/{name}_daily.csv", ["date", "close"],
          two_columns(f"crypto_aggregates/tradingview/CRYPTOCAP_{name}_daily.csv", "date", "close", CRYPTO_START))
write("coingecko/usdt_market_cap_daily.csv", ["date", "market_cap"],
      two_columns("crypto_aggregates/coingecko/usdt_market_cap_daily.csv", "Date", "value"))
write("defillama/usdt_market_cap_daily.csv", ["date", "market_cap"],
      two_columns("crypto_aggregates/defillama/stablecoin_mcap_daily.csv", "date", "usdt_mcap_usd", CRYPTO_START))
for coin in ["btc", "eth"]:
    write(f"cryptoquant/{coin}_market_cap_daily.csv", ["date", "market_cap"],
          two_columns(f"crypto_aggregates/cryptoquant/{coin}_market_cap_daily.csv", "date", "Market Cap", CRYPTO_START))
for pair in ["BTCUSDT", "ETHUSDT"]:
    write(f"binance/{pair}_daily.csv", ["date", "close"],
          two_columns(f"coins/binance_spot_daily/{pair}_1d.csv", "timestamp", "close"))

# CoinGecko "Export CSV" files: the 2022 snapshot wins where both snapshots have a coin on a day.
panel = {}
for folder in ["coingecko_exports_2021", "coingecko_exports_2022"]:
    for path in sorted(glob.glob(os.path.join(SRC, "coins", folder, "*-usd-max.csv"))):
        coin = os.path.basename(path)[: -len("-usd-max.csv")]
        with open(path, newline="") as f:
            for r in csv.DictReader(f):
                d = r["snapped_at"][:10]
                if d < COIN_START or r["price"] == "":
                    continue
                panel[(coin, d)] = (coin, d, r["price"], r["market_cap"])
write("coins/coingecko_exports_daily.csv", ["symbol", "date", "price", "market_cap"],
      [panel[k] for k in sorted(panel)])

rows = []
for r in read("coins/coingecko_top50_daily/coingecko_markets_top50_daily.csv"):
    if r["current_price"] == "":
        continue
    rows.append((r["symbol"], r["id"], r["date"], r["current_price"], r["market_cap"]))
rows.sort(key=lambda x: (x[0], x[2]))
write("coins/coingecko_top50_daily.csv", ["symbol", "id", "date", "price", "market_cap"], rows)

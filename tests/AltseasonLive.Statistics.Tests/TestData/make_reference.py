#!/usr/bin/env python3
"""Writes pair_reference.csv: two seeded price walks and rolling statistics computed here, outside the C# engine,
with exact two-pass formulas (math.fsum) in plain Python. Regenerate with: python3 make_reference.py > pair_reference.csv
Columns: bar, price_a, price_b, then for window W=10 correlation of log returns and of levels, the sample standard
deviation of leg A's log returns, and for the last 20 levels of leg A the 10th/90th percentiles (linear interpolation
at rank p*(n-1)). Empty cell = undefined (too few observations or zero variance)."""
import math
import random

W = 10
BAND = 20
rng = random.Random(20240601)


def pearson(xs, ys):
    n = len(xs)
    if n < 2:
        return None
    mx = math.fsum(xs) / n
    my = math.fsum(ys) / n
    sxx = math.fsum((x - mx) ** 2 for x in xs)
    syy = math.fsum((y - my) ** 2 for y in ys)
    sxy = math.fsum((x - mx) * (y - my) for x, y in zip(xs, ys))
    if sxx == 0 or syy == 0:
        return None
    return max(-1.0, min(1.0, sxy / math.sqrt(sxx * syy)))


def stdev(xs):
    n = len(xs)
    if n < 2:
        return None
    m = math.fsum(xs) / n
    return math.sqrt(math.fsum((x - m) ** 2 for x in xs) / (n - 1))


def percentile(values, p):
    s = sorted(values)
    rank = p * (len(s) - 1)
    lo = math.floor(rank)
    if lo >= len(s) - 1:
        return s[-1]
    return s[lo] + (rank - lo) * (s[lo + 1] - s[lo])


def cell(v):
    return "" if v is None else repr(v)


a, b = 100.0, 40.0
prices = []
for bar in range(300):
    z1 = rng.gauss(0, 1)
    z2 = 0.5 * z1 + math.sqrt(1 - 0.25) * rng.gauss(0, 1)
    a *= math.exp(0.02 * z1)
    if not (120 <= bar < 140):  # leg B stale for 20 bars: zero variance windows
        b *= math.exp(0.03 * z2)
    prices.append((a, b))

print("bar,price_a,price_b,corr_returns_w10,corr_levels_w10,vol_a_w10,band_a_p10,band_a_p90")
for i, (pa, pb) in enumerate(prices):
    window = prices[max(0, i - W + 1): i + 1]
    levels = pearson([p[0] for p in window], [p[1] for p in window])
    ret_bars = prices[max(0, i - W): i + 1]
    ra = [math.log(ret_bars[j][0] / ret_bars[j - 1][0]) for j in range(1, len(ret_bars))]
    rb = [math.log(ret_bars[j][1] / ret_bars[j - 1][1]) for j in range(1, len(ret_bars))]
    band = [p[0] for p in prices[max(0, i - BAND + 1): i + 1]]
    print(",".join([str(i), repr(pa), repr(pb), cell(pearson(ra, rb)), cell(levels), cell(stdev(ra)),
                    repr(percentile(band, 0.1)), repr(percentile(band, 0.9))]))

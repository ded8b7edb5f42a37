# Writes sm.csv, the statsmodels part of annual37.csv (statsmodels 0.13):
# the US macro data of macrodata (quarterly, 1959–2009) as yearly means,
# each also cut to the 20 years before 1985, and the last 50 years of the
# yearly sunspots (plus 1, as in the R part, so that every value is
# positive).
import pandas as pd
import statsmodels.api as sm

d = sm.datasets.macrodata.load_pandas().data
rows = []
for c in ["realgdp", "realcons", "realinv", "realgovt", "realdpi", "cpi", "m1", "pop"]:
    a = d.groupby("year")[c].mean()
    rows += [(c, int(y), v) for y, v in a.items()]
    rows += [(c + "_short", int(y), v) for y, v in a[a.index < 1985].tail(20).items()]
s = sm.datasets.sunspots.load_pandas().data.tail(50)
rows += [("sunspots_sm", int(y), v + 1) for y, v in s.itertuples(index=False)]
pd.DataFrame(rows, columns=["series", "year", "value"]).to_csv("sm.csv", index=False)

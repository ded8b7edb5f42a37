// Command peers times this library's linear-trend forecast, and its
// exponential smoothing and Theta forecasts, against R and statsmodels on
// identical data; run.sh drives it. It has five modes:
//
//	peers -gen DIR    write DIR/series.csv, the synthetic series (fixed seed)
//	peers -go DIR     forecast them here, write DIR/go.csv, print timings
//	peers -compare DIR
//	                  check every peer's DIR/<peer>.csv against DIR/go.csv to
//	                  1e-8 and print series/s and ratios from DIR/timings.txt
//
//	peers -go-smooth DIR [-ns N]
//	                  forecast the first N series with ets.Auto and
//	                  theta.Method, write DIR/go-ets.csv and DIR/go-theta.csv
//	peers -compare-smooth DIR
//	                  check R's ets() and thetaf() and statsmodels' ETSModel
//	                  (six fits, smallest AICc) and ThetaModel against them:
//	                  the model selected and agreement to 1e-8; series/s,
//	                  series per CPU second and ratios from
//	                  DIR/timings-smooth.txt
//
// Each series has 20 annual points from 2001; the first model is the linear
// trend y = a + b·year by least squares with the 95 % prediction interval
// for the 5 years after (regression.Method{Spec: regression.Linear}).
package main

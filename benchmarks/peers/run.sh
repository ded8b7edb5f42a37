#!/usr/bin/env bash
# Times the linear-trend forecast with its 95 % prediction interval on the
# same synthetic series in this library, R (lm + predict, and an .lm.fit
# loop with the interval by hand) and statsmodels (OLS + get_prediction),
# checks that all agree to 1e-8, and prints series/s and ratios. Then
# times exponential smoothing with selection (ets.Auto; R ets(); the six
# statsmodels ETSModel fits and the smallest AICc) and the Theta method
# (theta.Method; R thetaf(); statsmodels ThetaModel) on the first of the
# same series, reports on how many each peer selects the same model and
# agrees to 1e-8, and prints series/s and series per CPU second (the
# steadier figure on a machine shared with other work) and their ratios.
#
#	benchmarks/peers/run.sh [number of series, default 10000] [of them for smoothing, default 300]
#
# Not part of CI. Installs r-base-core, r-cran-forecast and
# python3-statsmodels with apt-get when Rscript, R's forecast package or
# statsmodels is missing.
set -euo pipefail
cd "$(dirname "$0")/../.."
n=${1:-10000}
ns=${2:-300}

need=()
command -v Rscript >/dev/null || need+=(r-base-core)
Rscript -e 'library(forecast)' >/dev/null 2>&1 || need+=(r-cran-forecast)
/usr/bin/python3 -c 'import statsmodels' 2>/dev/null || need+=(python3-statsmodels)
if [ ${#need[@]} -gt 0 ]; then
	echo "== installing ${need[*]}"
	sudo=""
	[ "$(id -u)" -eq 0 ] || sudo=sudo
	$sudo apt-get update -q
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q "${need[@]}"
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/peers" ./benchmarks/peers

echo "== versions"
go version
Rscript --version 2>&1 | head -1
/usr/bin/python3 -c 'import sys, numpy, statsmodels; print("Python", sys.version.split()[0], "numpy", numpy.__version__, "statsmodels", statsmodels.__version__)'
echo "cores: $(nproc), series: $n of 20 annual points, horizon 5, level 0.95"

"$tmp/peers" -gen "$tmp" -n "$n"

echo "== this library"
"$tmp/peers" -go "$tmp" | tee -a "$tmp/timings.txt"

echo "== R"
cat > "$tmp/peers.R" <<'RSCRIPT'
args <- commandArgs(TRUE)
dir <- args[1]
d <- read.csv(file.path(dir, "series.csv"))
Y <- as.matrix(d[, -(1:2)])
start <- d$start
ns <- nrow(Y); n <- ncol(Y); h <- 5
out <- function(res, name) {
	colnames(res) <- c(paste0("p", 1:h), paste0("l", 1:h), paste0("u", 1:h))
	write.csv(data.frame(id = d$id, res), file.path(dir, paste0(name, ".csv")), row.names = FALSE)
}
fmt <- function(res) { res[] <- sprintf("%.17g", res); res }

# lm + predict.lm, the usual way.
res <- matrix(0, ns, 3 * h)
t0 <- proc.time()[["elapsed"]]
for (i in seq_len(ns)) {
	yr <- start[i] + 0:(n - 1)
	y <- Y[i, ]
	fit <- lm(y ~ yr)
	p <- predict(fit, data.frame(yr = start[i] + n - 1 + 1:h), interval = "prediction", level = 0.95)
	res[i, ] <- c(p[, "fit"], p[, "lwr"], p[, "upr"])
}
el <- proc.time()[["elapsed"]] - t0
cat(sprintf("TIMING r-lm %.6g\n", ns / el))
out(fmt(res), "r-lm")

# .lm.fit (QR, no model frame) with the interval by hand and the t
# quantile computed once.
q <- qt(0.975, n - 2)
res <- matrix(0, ns, 3 * h)
t0 <- proc.time()[["elapsed"]]
for (i in seq_len(ns)) {
	yr <- start[i] + 0:(n - 1)
	X <- cbind(1, yr)
	f <- .lm.fit(X, Y[i, ])
	s <- sqrt(sum(f$residuals^2) / (n - 2))
	XtXi <- chol2inv(f$qr[1:2, 1:2])
	X0 <- cbind(1, start[i] + n - 1 + 1:h)
	m <- drop(X0 %*% f$coefficients)
	hw <- q * s * sqrt(1 + rowSums((X0 %*% XtXi) * X0))
	res[i, ] <- c(m, m - hw, m + hw)
}
el <- proc.time()[["elapsed"]] - t0
cat(sprintf("TIMING r-lmfit %.6g\n", ns / el))
out(fmt(res), "r-lmfit")
RSCRIPT
Rscript "$tmp/peers.R" "$tmp" | tee -a "$tmp/timings.txt"

echo "== statsmodels"
cat > "$tmp/peers.py" <<'PYSCRIPT'
import sys, time
import numpy as np
import statsmodels.api as sm

d = sys.argv[1]
data = np.loadtxt(d + "/series.csv", delimiter=",", skiprows=1)
ids, start, Y = data[:, 0].astype(int), data[:, 1], data[:, 2:]
ns, n = Y.shape
h = 5
res = np.empty((ns, 3 * h))
t0 = time.perf_counter()
for i in range(ns):
    yr = start[i] + np.arange(n)
    fit = sm.OLS(Y[i], sm.add_constant(yr)).fit()
    x0 = sm.add_constant(start[i] + n - 1 + np.arange(1, h + 1), has_constant="add")
    pr = fit.get_prediction(x0)
    ci = pr.conf_int(obs=True, alpha=0.05)
    res[i] = np.concatenate([pr.predicted_mean, ci[:, 0], ci[:, 1]])
el = time.perf_counter() - t0
print("TIMING statsmodels %.6g" % (ns / el))
with open(d + "/statsmodels.csv", "w") as f:
    f.write("id," + ",".join([p + str(k) for p in "plu" for k in range(1, h + 1)]) + "\n")
    for i in range(ns):
        f.write(str(ids[i]) + "," + ",".join(repr(float(v)) for v in res[i]) + "\n")
PYSCRIPT
/usr/bin/python3 "$tmp/peers.py" "$tmp" | tee -a "$tmp/timings.txt"

echo "== comparison"
"$tmp/peers" -compare "$tmp"


echo
echo "== exponential smoothing and Theta: $ns series of 20 annual points, horizon 5, level 0.95"
echo "== this library"
"$tmp/peers" -go-smooth "$tmp" -ns "$ns" | tee -a "$tmp/timings-smooth.txt"

echo "== R"
cat > "$tmp/smooth.R" <<'RSCRIPT'
suppressMessages(library(forecast))
args <- commandArgs(TRUE)
dir <- args[1]; ns <- as.integer(args[2])
d <- read.csv(file.path(dir, "series.csv"))[1:ns, ]
Y <- as.matrix(d[, -(1:2)])
h <- 5
codes <- c("ANN", "AAdN", "AAN", "MNN", "MAdN", "MAN")
out <- function(res, name) {
	res <- cbind(sprintf("%d", res[, 1]), matrix(sprintf("%.17g", res[, -1]), nrow(res)))
	colnames(res) <- c("model", paste0("p", 1:h), paste0("l", 1:h), paste0("u", 1:h))
	write.csv(data.frame(id = d$id, res), file.path(dir, paste0(name, ".csv")), row.names = FALSE, quote = FALSE)
}
cpu <- function() { p <- proc.time(); p[["user.self"]] + p[["sys.self"]] }
res <- matrix(0, ns, 1 + 3 * h)
t0 <- proc.time()[["elapsed"]]; c0 <- cpu()
for (i in seq_len(ns)) {
	y <- ts(Y[i, ], start = d$start[i])
	fit <- ets(y)
	fc <- forecast(fit, h = h, level = 95)
	cm <- fit$components
	code <- match(paste0(cm[1], cm[2], ifelse(cm[4] == "TRUE", "d", ""), cm[3]), codes) - 1
	res[i, ] <- c(code, fc$mean, fc$lower[, 1], fc$upper[, 1])
}
el <- proc.time()[["elapsed"]] - t0; ec <- cpu() - c0
cat(sprintf("TIMING r-ets %.6g\nTIMING cpu-r-ets %.6g\n", ns / el, ns / ec))
out(res, "r-ets")
t0 <- proc.time()[["elapsed"]]; c0 <- cpu()
for (i in seq_len(ns)) {
	fc <- thetaf(ts(Y[i, ], start = d$start[i]), h = h, level = 95)
	res[i, ] <- c(-1, fc$mean, fc$lower[, 1], fc$upper[, 1])
}
el <- proc.time()[["elapsed"]] - t0; ec <- cpu() - c0
cat(sprintf("TIMING r-thetaf %.6g\nTIMING cpu-r-thetaf %.6g\n", ns / el, ns / ec))
out(res, "r-thetaf")
RSCRIPT
Rscript "$tmp/smooth.R" "$tmp" "$ns" | tee -a "$tmp/timings-smooth.txt"

echo "== statsmodels"
cat > "$tmp/smooth.py" <<'PYSCRIPT'
import sys, time, warnings
import numpy as np
import pandas as pd
from statsmodels.tsa.exponential_smoothing.ets import ETSModel
from statsmodels.tsa.forecasting.theta import ThetaModel

warnings.filterwarnings("ignore")
d, ns = sys.argv[1], int(sys.argv[2])
data = np.loadtxt(d + "/series.csv", delimiter=",", skiprows=1)[:ns]
ids, Y = data[:, 0].astype(int), data[:, 2:]
n, h = Y.shape[1], 5
specs = [("add", None, False), ("add", "add", True), ("add", "add", False),
         ("mul", None, False), ("mul", "add", True), ("mul", "add", False)]

def write(name, res):
    with open(d + "/" + name + ".csv", "w") as f:
        f.write("id,model," + ",".join([p + str(k) for p in "plu" for k in range(1, h + 1)]) + "\n")
        for i in range(len(res)):
            f.write(str(ids[i]) + "," + str(int(res[i][0])) + "," + ",".join(repr(float(v)) for v in res[i][1:]) + "\n")

res = np.empty((len(Y), 1 + 3 * h))
t0, c0 = time.perf_counter(), time.process_time()
for i in range(len(Y)):
    y = pd.Series(Y[i])
    best, code = None, -1
    for k, (err, trend, damped) in enumerate(specs):
        if err == "mul" and not (Y[i] > 0).all():
            continue
        r = ETSModel(y, error=err, trend=trend, damped_trend=damped).fit(disp=False)
        if best is None or r.aicc < best.aicc:
            best, code = r, k
    fr = best.get_prediction(start=n, end=n + h - 1).summary_frame(alpha=0.05)
    res[i] = np.concatenate([[code], fr["mean"].values, fr["pi_lower"].values, fr["pi_upper"].values])
el, ec = time.perf_counter() - t0, time.process_time() - c0
print("TIMING statsmodels-ets %.6g\nTIMING cpu-statsmodels-ets %.6g" % (len(Y) / el, len(Y) / ec))
write("statsmodels-ets", res)
t0, c0 = time.perf_counter(), time.process_time()
for i in range(len(Y)):
    r = ThetaModel(pd.Series(Y[i]), period=1, deseasonalize=False).fit()
    pi = r.prediction_intervals(h, alpha=0.05)
    res[i] = np.concatenate([[-1], r.forecast(h).values, pi["lower"].values, pi["upper"].values])
el, ec = time.perf_counter() - t0, time.process_time() - c0
print("TIMING statsmodels-theta %.6g\nTIMING cpu-statsmodels-theta %.6g" % (len(Y) / el, len(Y) / ec))
write("statsmodels-theta", res)
PYSCRIPT
/usr/bin/python3 "$tmp/smooth.py" "$tmp" "$ns" | tee -a "$tmp/timings-smooth.txt"

echo "== comparison"
"$tmp/peers" -compare-smooth "$tmp"

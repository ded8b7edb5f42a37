# Writes r.csv, the R part of annual37.csv (which is r.csv followed by the
# sm.csv of annual37.py without its header line): annual series of R's
# datasets and of the forecast package (monthly and quarterly ones summed
# to calendar years), the last 50 years of a longer one (the first 40 of
# LakeHuron2 and Nile2, the last 40 of treering). R 4.2.2, forecast 8.20.
suppressMessages(library(forecast))
out <- list()
add <- function(name, x, keep = c("tail", "head"), n = 50) {
  keep <- match.arg(keep)
  yrs <- floor(as.numeric(time(x)) + 1e-9); x <- as.numeric(x)
  if (length(x) > n) {
    i <- if (keep == "tail") tail(seq_along(x), n) else head(seq_along(x), n)
    x <- x[i]; yrs <- yrs[i]
  }
  out[[length(out) + 1]] <<- data.frame(series = name, year = yrs, value = x)
}
ann <- function(x) aggregate(x, nfrequency = 1, FUN = sum)
add("airmiles", airmiles); add("Nile", Nile); add("LakeHuron", LakeHuron)
add("lynx", lynx); add("nhtemp", nhtemp); add("discoveries", discoveries + 1)
add("co2", ann(co2)); add("nottem", ann(nottem))
add("UKgas", ann(UKgas)); add("JohnsonJohnson", ann(JohnsonJohnson))
add("UKDriverDeaths", ann(UKDriverDeaths)); add("austres", ann(austres))
add("gas", ann(gas)); add("woolyrnq", ann(woolyrnq)); add("wineind", ann(wineind))
add("AirPassengers", ann(AirPassengers)); add("sunspot", sunspot.year + 1)
add("treering", treering, n = 40); add("LakeHuron2", LakeHuron, "head", 40)
add("Nile2", Nile, "head", 40)
d <- do.call(rbind, out)
write.csv(d, "r.csv", row.names = FALSE, quote = FALSE)

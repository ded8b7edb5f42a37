// Package macro holds the macroeconomic series the demand forecasts are
// driven by — China's real GDP growth, nominal GDP and population — and the
// five-year averages and target in force when the 12th Five-Year Plan for
// the nonferrous metals industry was written, with builders from growth
// rates to a real GDP index.
//
// # Data and sources
//
// Every figure in this package is written next to a comment naming its
// source and vintage:
//
//   - Real GDP growth by year, 2000–2015: National Bureau of Statistics of
//     China (NBS), current vintage (after the 2018 economic census
//     revisions), percent a year at constant prices.
//   - Nominal GDP, 2000, 2005, 2010 and 2015: China Statistical Yearbook
//     2024, table 3-1, 亿元 (10⁸ yuan) at current prices.
//   - Year-end population, 2000–2015: China Statistical Yearbook, table 2-1,
//     the figures published before the 2020 census revision, 万人 (10⁴
//     persons).
//   - Five-year averages of real GDP growth as published when the plan was
//     written (2011): 9.8 % a year in the 10th Five-Year Plan (2001–2005),
//     11.2 % in the 11th (2006–2010), and the 12th Five-Year Plan target of
//     7 % a year for 2011–2015.
//
// The averages differ slightly from those of today's vintage: the current
// NBS annual rates compound to 9.78 % a year over 2001–2005 and 11.30 % over
// 2006–2010. The plan reproduction uses the figures published at the time.
//
// The accessors RealGrowth, NominalGDP and Population return copies: a
// caller may modify what it gets without altering the package's data.
//
// # Growth rates are fractions
//
// Throughout the package a growth rate is a fraction (0.098 for 9.8 %),
// as in series.Series.Growth and CAGR. A growth series g holds at year t the
// rate from year t−1 to year t.
//
// # Formulas
//
// An index Y is built from growth rates by
//
//	Y_t = Y_{t−1} · (1 + g_t)      forward from the base year,
//	Y_{t−1} = Y_t / (1 + g_t)      backward from the base year,
//
// with Y_base = baseValue. A growth series covering the years a…b thus gives
// an index covering a−1…b. A rate ≤ −1 (a fall of 100 % or more) has no
// index and is an error.
//
// The plan reproduction's GDP index (PlanIndex) is
//
//	Y_2000 = 1,
//	Y_t = Y_{t−1} · 1.098   for 2001–2005 (Y_2005 = 1.098⁵ = 1.5959…),
//	Y_t = Y_{t−1} · 1.112   for 2006–2010 (Y_2010 = 1.5959… · 1.112⁵ = 2.7135…),
//	Y_t = Y_{t−1} · 1.07    for 2011–2015 (Y_2015 = 2.7135… · 1.07⁵ = 3.8059…).
//
// GDP per capita is gdp_t / pop_t. With NominalGDP (亿元) and Population
// (万人) the quotient is in 万元 (10⁴ yuan) per person, since 10⁸/10⁴ = 10⁴:
// multiply by 10⁴ for yuan per person.
package macro

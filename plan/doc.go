// Package plan holds the published figures of China's 12th Five-Year Plan
// for the nonferrous metals industry (有色金属工业“十二五”发展规划, Ministry
// of Industry and Information Technology, 2011), the consumption and
// production histories they imply, and an audit of their internal
// consistency.
//
// # The tables
//
// Every figure is transcribed as printed into data/tables.tsv, embedded in
// the package, with the table and row it comes from (Figure). Keeping the
// printed text keeps its rounding: 7.45 has two decimals, 52 none. Levels
// are in 万吨 (10 kt), growth rates in percent a year.
//
//   - 专栏1 十种有色金属生产及消费量 (Box1, Balance): for the ten-metal total
//     and each metal, production and apparent consumption in 2005 and 2010
//     and their average growth over 2001–2005 (十五) and 2006–2010 (十一五).
//     Antimony's 2005 consumption is printed 7.45.
//   - 专栏2 2015年主要有色金属需求预测 (Box2, Demand): 2010 consumption and its
//     2006–2010 growth, the forecast 2015 consumption and its 2011–2015
//     growth (十二五).
//   - Section 三(三)1 产量目标 (Targets, ProductionTarget): ten-metal
//     production about (左右) 4600 in 2015 at 8 % a year; copper 650,
//     aluminium 2400, lead 550, zinc 720 at 7.3 %, 8.8 %, 5.2 %, 6.9 %.
//   - 专栏3 主要目标 (Box3, Goals): each indicator in 2010 and 2015; bracketed
//     figures are five-year cumulative and ">1.5" is kept as printed.
//   - Section 一(一)1 (Status, StatusFigures): the 2010 production and
//     consumption figures in the text (its world shares, sales and profits
//     are not carried) —
//     production 3121, apparent consumption 约3430, growth 13.7 % and 15.5 %;
//     refined copper, aluminium, lead, zinc, nickel and magnesium
//     production 458, 1577, 426, 516, 17 and 65 with growth 12 %, 15.1 %,
//     12.2 %, 13.7 %, 12.5 % and 7.7 %.
//
// Rows are addressed by Metal: the ten metals in the plan's order and
// Total, the ten-metal row 十种有色金属.
//
// # Histories
//
// ConsumptionHistory (and ProductionHistory) give a row's series for
// 2000–2010 with 2005 and 2010 as published in 专栏1 and 2000 derived from
// the published 2001–2005 growth rate g (percent):
//
//	Q_2000 = Q_2005 / (1 + g/100)^5,
//
// e.g. copper consumption 374 / 1.14^5 = 194.24…; the other years are
// missing (NaN). DerivedYears names the derived years.
//
// # Rounding
//
// A printed figure x with d decimals stands for the interval
// [x − h, x + h], h = ½·10^(−d). A figure printed as approximate (约3430,
// 4600左右) without decimals is read as rounded at its last non-zero digit:
// 约3430 is 3425–3435, 4600左右 is 4550–4650. The rule is applied to both
// approximate figures alike; neither changes the audit's result.
//
// # The audit
//
// Checks recomputes every figure that can be recomputed from others:
//
//   - 专栏1's 2006–2010 growth of production and consumption from the 2005
//     and 2010 levels, for the total and each metal;
//   - 专栏1's totals (production and consumption, 2005 and 2010) from the
//     sums of the ten metals;
//   - 专栏2's 2011–2015 growth from its 2010 and 2015 levels, and its 2015
//     total from the sum of the ten metals;
//   - the 2011–2015 growth of the 三(三)1 production targets from 专栏1's
//     2010 production and the 2015 targets;
//   - cross-table equalities: 专栏2's 2010 consumption and 2006–2010 growth
//     against 专栏1, 专栏3's ten-metal production (3121, 4600) against 专栏1
//     and 三(三)1, and the 一(一)1 text figures against 专栏1.
//
// The 2001–2005 (十五) growth rates cannot be recomputed: the plan gives no
// 2000 level. They are used only to derive the 2000 histories.
//
// A figure is inconsistent beyond rounding when no values within the
// rounding of the printed inputs give a value within the rounding of the
// published figure. For a rate r over n years from level S to level E, with
// [S_lo, S_hi], [E_lo, E_hi] and [r − h, r + h] the rounding intervals:
//
//	attainable = [ (E_lo/S_hi)^(1/n) − 1, (E_hi/S_lo)^(1/n) − 1 ]·100,
//
// and for a total T of parts p_i,
//
//	attainable = [ Σ p_i,lo, Σ p_i,hi ];
//
// for an equality the attainable interval is the other figure's rounding
// interval. The figure is flagged (Audit, a Finding) when the attainable
// interval and the published one do not overlap; intervals are closed, so
// touching counts as consistent (with a relative slack of 1e-9 for
// floating-point error). Recomputed is the value from the printed inputs,
// e.g. zinc production 2006–2010: published 13.7, recomputed
// (516/278)^(1/5) − 1 = 13.17 %, attainable 13.10–13.23 %.
//
// On the plan as printed the audit finds four figures:
//
//   - 专栏1 zinc production growth 2006–2010: 13.7 published, 13.17
//     recomputed (the text repeats 13.7; it equals the ten-metal rate);
//   - 专栏1 antimony consumption growth 2006–2010: −0.1 published, −0.96
//     recomputed from 7.45 and 7.1 (a 2005 level of about 7.14 would give
//     −0.1);
//   - 专栏1 total production 2010: 3121 published, 3102.16 the sum of the
//     ten metals;
//   - 专栏1 total consumption 2005: 1670 published, 1658.26 the sum.
//
// # The reproduction
//
// NewProblem sets up the plan's 2015 forecast for one row as a forecasting
// problem: the history above, the GDP index of macro.PlanIndex as the
// driver (Y_2000 = 1, 9.8 % a year over 2001–2005, 11.2 % over 2006–2010),
// and a scenario carrying the index on to 2015 at the Scenario's growth —
// the 12th Five-Year Plan's 7 % a year (PlanScenario), or 6 % and 8 %
// (LowScenario, HighScenario; LowGrowth, HighGrowth).
//
// Reproduce runs any set of forecast.Method values on every row; this
// package imports no method package, and package plan/defaults supplies
// the reproduction's fixed defaults. For each row the Report gives each method's 2015
// figure with its intervals at Levels (80 % and 95 %), the equal-weight
// combination of the methods that produced a forecast, the deviation from
// the plan
//
//	deviation = 100·(Q̂_2015 − Q_plan)/Q_plan,
//
// and the implied parameters, solved from each forecast.Implier model: the
// constant elasticity E* with Q_2010·∏(1 + E*·g_t) = Q_plan and the
// constant annual intensity change r* with I_2010·(1 + r*)^5·Y_2015 =
// Q_plan. The ten-metal total is forecast twice: as the sum of the metals'
// combinations (SumOfMetals) and directly from its own history (Total),
// and Gap is the difference.
//
// # The report
//
// NewStudy reproduces under the main scenario and a low and a high one;
// Row.Deviations gives each method's deviation from the plan,
// Row.CombinationAt the combination at each of Levels, and
// Problem.HistoricalIntensityChange the intensity's 2000–2010 compound
// annual change (I_2010/I_2000)^(1/10) − 1. NewDocument gathers the
// tables, the audit and a Study into a Document, whose JSON form (its json
// tags) is stable and whose WriteText prints the reproduction tables;
// package plan/planchart draws its charts.
//
// # The outcomes and the ex-post check
//
// data/outcomes.tsv, embedded, holds 2015 as it turned out (Outcomes,
// OutcomeOf, OutcomeAlternatives): each figure with its source, basis,
// confidence (High: the plan's own publisher and basis; Medium: another
// basis or derived; Low: a secondary compilation), the date of the source
// and the passage it comes from. MIIT's 2016–2020 plan gives the ten-metal
// production 5156 and apparent consumption 约5560 and the production of
// copper, aluminium, lead and zinc (796, 3141, 440, 615); per-metal
// consumption comes from other bases (copper 1148 and aluminium 3107
// medium, zinc 671 medium, lead 470.8, tin 17.58 and magnesium 36.5 low),
// and nickel, antimony, mercury and titanium have none. A derived figure
// carries its formula, e.g. copper 1350/1.033^5 = 1147.7.
//
// CheckExPost runs a method set under the plan's 7 % a year and under the
// GDP that happened (NewActualProblem: the NBS rates of 2011–2015 after the
// same 2000–2010 index), and for every row gives the errors
// 100·(forecast − O)/O of the plan, each method and the combination, the
// split of the plan's error e = P − O into GDPPart = C_7 − C_actual and
// Rest = e − GDPPart, the elasticity and intensity change the outcome
// implies beside the historical and the plan-implied ones, and the expert
// figure X = (k+1)·P − Σ F_i an equal-weight combination would have
// needed, flagged where it is below zero or below the 2010 level while
// every method grows. The production targets of 三(三)1 are checked against
// production. WriteExPostTable prints it all with a reading. On the
// defaults the ten-metal row reads: plan 4900 against 约5560, −11.9 %; the
// combination 5582 at 7 % (+0.4 %) and 5870 at the GDP that happened
// (+5.6 %); of the plan's −660, the GDP assumption explains −289 and the
// rest is −371. Set as Document.ExPost, the check is printed after the
// reproduction by WriteText and carried in the JSON document under
// "ex_post".
package plan

// Command plan2015 reproduces the 2015 demand forecast of China's 12th
// Five-Year Plan for the nonferrous metals industry and checks it against
// the plan's figures.
//
// For the ten-metal total and each metal it prints the consumption history
// (2000 derived from the published 2001–2005 growth rate, 2005 and 2010
// published), each method's 2015 forecast under the reproduction's fixed defaults
// (package plan/defaults), their equal-weight combination, the plan's
// figure and the deviation from it, the implied and historical elasticity
// and intensity change, the range each method gives for low and high GDP
// growth, a short reading of where the plan departs from its history, and
// the audit of the plan's tables. Then the ex-post check against 2015 as
// it turned out (plan.CheckExPost, plan.WriteExPostTable): each outcome
// with its confidence, the plan's figure, each method and the combination
// under the plan's 7 % a year and under the GDP that happened, their
// errors, the split of the plan's error into the part the GDP assumption
// explains and the rest, the elasticities and intensity changes the
// outcomes imply, the implied expert figures, the production targets
// against production, and a reading; rows without an outcome say so.
//
// Usage:
//
//	plan2015 [-json] [-growth 0.07] [-low 0.06] [-high 0.08] [-methods elasticity,intensity,regression] [-out plan2015-charts]
//
// With -json it prints one JSON document instead of the tables (see the
// README for its fields). It writes its charts as PNG files into the -out
// directory — one per metal and for the total, the ten metals on one page
// (overview.png), the deviation of each method from the plan
// (deviation.png), the historical vs implied elasticity (elasticity.png),
// and one ex-post chart for the total and for each metal with an outcome
// (expost-total.png, expost-copper.png, …: history, each method, the
// combination at 7 % and at actual GDP, the plan and the outcome labelled
// with its confidence) — and lists their paths.
package main

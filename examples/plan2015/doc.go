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
// the audit of the plan's tables.
//
// Usage:
//
//	plan2015 [-json] [-growth 0.07] [-low 0.06] [-high 0.08] [-methods elasticity,intensity,regression] [-out plan2015-charts]
//
// With -json it prints one JSON document instead of the tables (see the
// README for its fields). It writes its charts as PNG files into the -out
// directory — one per metal and for the total, the ten metals on one page
// (overview.png), the deviation of each method from the plan
// (deviation.png) and the historical vs implied elasticity
// (elasticity.png) — and lists their paths.
package main

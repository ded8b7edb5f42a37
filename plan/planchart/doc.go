// Package planchart draws the charts of the plan reproduction (package
// plan) with package plotting: a forecast chart per row, the ten metals on
// one page, the deviation of each method from the plan, the historical
// against the implied elasticity (Write), and a chart of the ex-post check
// per row with a 2015 outcome (WriteExPost, ExPostFan): the methods and
// the combination at the plan's 7 % a year, the combination at the GDP
// that happened, the plan's figure and the outcome labelled with its
// confidence. NewDocument makes the reproduction's plan.Document with the
// ex-post check and these charts, as demand plan and examples/plan2015
// print it.
//
// The forecasts of a three-point fit have one residual degree of freedom,
// so their 95 % intervals (t quantile 12.7) are far wider than the paths;
// the forecast charts therefore show the 80 % intervals (the legend says
// so) and set plotting.Options.YHeadroom to
// Headroom, running the y-axis from zero to 1.5 times the largest value of
// the history, the point paths and the plan's figure, with the bands
// continuing beyond the top (marked ▲ there, plotting.BeyondLabel) and
// bounds below zero drawn at zero with a legend note.
//
// It sits beside package plan rather than in it, so that plan needs no
// plotting and plotting knows nothing of the plan.
package planchart

// Package forecast defines the contract every forecasting method in this
// module implements — Method, Model, Forecast, Drivers and Scenario — and
// the tools that work across methods: combination, accuracy measures and
// the rolling-origin backtest.
package forecast

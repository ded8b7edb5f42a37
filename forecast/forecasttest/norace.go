//go:build !race

package forecasttest

// raceEnabled reports whether the race detector is on (go test -race): its
// instrumentation allocates, so the refit check does not count
// allocations then.
const raceEnabled = false

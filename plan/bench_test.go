package plan

import "testing"

func BenchmarkChecks(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		Checks()
	}
}

func BenchmarkConsumptionHistory(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		ConsumptionHistory(Copper)
	}
}

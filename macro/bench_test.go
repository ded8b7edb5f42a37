package macro

import "testing"

func BenchmarkPlanIndex(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		PlanIndex()
	}
}

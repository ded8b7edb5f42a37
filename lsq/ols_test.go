package lsq_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/nonferrous/demand/internal/lmref"
	"github.com/nonferrous/demand/lsq"
)

func TestOLSAgainstR(t *testing.T) {
	for _, ref := range lmref.Long {
		t.Run(ref.Call, func(t *testing.T) {
			x, y, w, rows := ref.Design()
			f, err := lsq.OLS(x, y, w)
			if err != nil {
				t.Fatal(err)
			}
			lmref.Check(t, f, ref)
			for _, lv := range []struct {
				level    float64
				lwr, upr []float64
			}{{0.95, ref.Lwr95, ref.Upr95}, {0.80, ref.Lwr80, ref.Upr80}} {
				var mean, lwr, upr []float64
				for _, r := range rows {
					m, lo, up, err := f.Predict(r, lv.level)
					if err != nil {
						t.Fatal(err)
					}
					mean, lwr, upr = append(mean, m), append(lwr, lo), append(upr, up)
				}
				want := [][]float64{ref.Fit, lv.lwr, lv.upr}
				if diff := cmp.Diff(want, [][]float64{mean, lwr, upr}, lmref.Approx()); diff != "" {
					t.Errorf("level %g: predict (fit, lwr, upr) mismatch (-want +got):\n%s", lv.level, diff)
				}
			}
		})
	}
}

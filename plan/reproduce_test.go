package plan

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/series"
)

// lastValue is a toy method: the last observed value held flat, with a
// ±10 % band at every level, implying nothing.
type lastValue struct{ name string }

func (m lastValue) Name() string { return m.name }

func (m lastValue) Fit(h series.Series, _ forecast.Drivers) (forecast.Model, error) {
	v, _ := h.At(h.End())
	return lastModel{name: m.name, v: v, end: h.End()}, nil
}

type lastModel struct {
	name string
	v    float64
	end  int
}

func (m lastModel) Forecast(s forecast.Scenario, level float64) (forecast.Forecast, error) {
	if err := forecast.CheckRequest(s, level); err != nil {
		return forecast.Forecast{}, err
	}
	p := make([]float64, s.Horizon)
	lo := make([]float64, s.Horizon)
	hi := make([]float64, s.Horizon)
	for i := range p {
		p[i], lo[i], hi[i] = m.v, 0.9*m.v, 1.1*m.v
	}
	return forecast.Forecast{
		Method: m.name, Level: level,
		Point: series.Series{Start: m.end + 1, Values: p},
		Lower: series.Series{Start: m.end + 1, Values: lo},
		Upper: series.Series{Start: m.end + 1, Values: hi},
	}, nil
}

// implier is lastModel that also reports a parameter and implies the
// ratio target/v as an elasticity, or fails to.
type implier struct {
	lastModel
	fail bool
}

func (m implier) Implied(_ forecast.Scenario, _ int, target float64) (forecast.Parameter, error) {
	if m.fail {
		return forecast.Parameter{}, errors.New("no solution")
	}
	return forecast.Parameter{Name: forecast.ParamElasticity, Value: target / m.v}, nil
}

func (m implier) Parameters() []forecast.Parameter {
	return []forecast.Parameter{{Name: "level", Value: m.v, StdErr: math.NaN()}}
}

type implierMethod struct{ fail bool }

func (implierMethod) Name() string { return "implier" }

func (m implierMethod) Fit(h series.Series, d forecast.Drivers) (forecast.Model, error) {
	lm, _ := lastValue{name: "implier"}.Fit(h, d)
	return implier{lastModel: lm.(lastModel), fail: m.fail}, nil
}

// failing fails at Fit or at Forecast.
type failing struct{ atForecast bool }

func (failing) Name() string { return "failing" }

func (f failing) Fit(h series.Series, _ forecast.Drivers) (forecast.Model, error) {
	if f.atForecast {
		return badModel{}, nil
	}
	return nil, errors.New("cannot fit")
}

type badModel struct{}

func (badModel) Forecast(forecast.Scenario, float64) (forecast.Forecast, error) {
	return forecast.Forecast{}, errors.New("cannot forecast")
}

// nanMethod forecasts NaN.
type nanMethod struct{}

func (nanMethod) Name() string { return "nan" }

func (nanMethod) Fit(h series.Series, d forecast.Drivers) (forecast.Model, error) {
	return lastModel{name: "nan", v: math.NaN(), end: h.End()}, nil
}

func setOf(ms ...forecast.Method) MethodSet {
	return func(Problem) ([]forecast.Method, error) { return ms, nil }
}

func TestNewProblem(t *testing.T) {
	p, err := NewProblem(Copper, PlanScenario())
	if err != nil {
		t.Fatal(err)
	}
	// 专栏1: copper consumption 2006–2010 grew 15.0 % a year; 专栏2: 970 in 2015.
	if p.Growth11th != 0.15 || p.Plan2015 != 970 {
		t.Errorf("growth %v, plan %v; want 0.15, 970", p.Growth11th, p.Plan2015)
	}
	// E = 0.15/0.112 = 1.3392857142857142.
	if got, want := p.HistoricalElasticity(), 0.15/0.112; got != want {
		t.Errorf("historical elasticity %v, want %v", got, want)
	}
	gdp := p.Scenario.Drivers[forecast.GDP]
	obs := p.Drivers[forecast.GDP]
	if gdp.Start != 2000 || gdp.End() != 2015 || obs.End() != 2010 || p.Scenario.Horizon != 5 {
		t.Errorf("scenario %d–%d, observed to %d, horizon %d; want 2000–2015, 2010, 5", gdp.Start, gdp.End(), obs.End(), p.Scenario.Horizon)
	}
	// Y_2015 = 1.098^5 · 1.112^5 · 1.07^5.
	want := math.Pow(1.098, 5) * math.Pow(1.112, 5) * math.Pow(1.07, 5)
	if got, _ := gdp.At(2015); math.Abs(got-want) > 1e-12*want {
		t.Errorf("Y_2015 = %v, want %v", got, want)
	}

	if _, err := NewProblem(Metal(99), PlanScenario()); err == nil {
		t.Error("invalid metal: no error")
	}
	if _, err := NewProblem(Copper, Scenario{Name: "crash", Growth: -1.5}); err == nil || !strings.Contains(err.Error(), `"crash"`) {
		t.Errorf("growth −150 %%: error %v, want one naming the scenario", err)
	}
}

func TestReproduceToy(t *testing.T) {
	rep, err := Reproduce(PlanScenario(), setOf(lastValue{name: "last"}, implierMethod{}, failing{}))
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Metals) != 10 || rep.Total.Problem.Metal != Total {
		t.Fatalf("%d metals, total %v", len(rep.Metals), rep.Total.Problem.Metal)
	}
	var sum float64
	for _, row := range rep.Metals {
		q2010, _ := row.Problem.History.At(2010)
		// Both working methods hold Q_2010 flat; the failing one is left out.
		if row.Value != q2010 {
			t.Errorf("%s: combined %v, want %v", row.Problem.Metal, row.Value, q2010)
		}
		if want := 100 * (q2010 - row.Problem.Plan2015) / row.Problem.Plan2015; row.DeviationPct != want {
			t.Errorf("%s: deviation %v, want %v", row.Problem.Metal, row.DeviationPct, want)
		}
		if want := row.Problem.Plan2015 / q2010; row.ImpliedElasticity != want {
			t.Errorf("%s: implied %v, want %v", row.Problem.Metal, row.ImpliedElasticity, want)
		}
		if !math.IsNaN(row.ImpliedIntensityChange) {
			t.Errorf("%s: implied intensity change %v, want NaN", row.Problem.Metal, row.ImpliedIntensityChange)
		}
		f, ok := row.Method("failing")
		if !ok || f.Err == nil || !strings.Contains(f.Err.Error(), "cannot fit") || !math.IsNaN(f.Value) {
			t.Errorf("%s: failing method reported as %+v", row.Problem.Metal, f)
		}
		im, _ := row.Method("implier")
		if len(im.Parameters) != 1 || len(im.Intervals) != len(Levels()) || im.Intervals[0].Lower != 0.9*q2010 {
			t.Errorf("%s: implier result %+v", row.Problem.Metal, im)
		}
		sum += row.Value
	}
	if rep.SumOfMetals != sum || rep.Gap != rep.Total.Value-sum {
		t.Errorf("sum %v gap %v, want %v %v", rep.SumOfMetals, rep.Gap, sum, rep.Total.Value-sum)
	}
	if _, ok := rep.Total.Method("absent"); ok {
		t.Error("Method(absent) found")
	}
}

func TestReproduceErrors(t *testing.T) {
	p, _ := NewProblem(Tin, PlanScenario())
	for _, tc := range []struct {
		name string
		set  MethodSet
		want string
	}{
		{"set fails", func(Problem) ([]forecast.Method, error) { return nil, errors.New("no config") }, "tin: no config"},
		{"no method", setOf(), "no method for tin"},
		{"all fail", setOf(failing{}, failing{atForecast: true}), "every method failed"},
	} {
		if _, err := ReproduceRow(p, tc.set); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want %q", tc.name, err, tc.want)
		}
		if _, err := Reproduce(PlanScenario(), tc.set); err == nil {
			t.Errorf("%s: Reproduce gave no error", tc.name)
		}
	}
	if _, err := Reproduce(Scenario{Growth: math.NaN()}, setOf(lastValue{name: "last"})); err == nil {
		t.Error("NaN growth: no error")
	}

	row, err := ReproduceRow(p, setOf(lastValue{name: "last"}, failing{atForecast: true}, nanMethod{}, implierMethod{fail: true}))
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{"failing": "cannot forecast", "nan": "no finite forecast for 2015"} {
		if m, _ := row.Method(name); m.Err == nil || !strings.Contains(m.Err.Error(), want) {
			t.Errorf("%s: error %v, want %q", name, m.Err, want)
		}
	}
	if m, _ := row.Method("implier"); m.Err != nil || m.ImpliedErr == nil || m.Implied != nil {
		t.Errorf("implier that cannot solve: %+v; want a forecast and an implied error", m)
	}
	if !math.IsNaN(row.ImpliedElasticity) {
		t.Errorf("implied elasticity %v, want NaN", row.ImpliedElasticity)
	}
}

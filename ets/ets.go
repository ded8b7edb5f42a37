package ets

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"gonum.org/v1/gonum/stat/distuv"

	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/internal/smooth"
	"github.com/nonferrous/demand/series"
)

// Spec is one of the six non-seasonal models ETS(error, trend, none).
type Spec int

// The models, in the order in which Auto tries them when they tie (R's
// order: additive error first, no trend, then damped, then undamped).
// The zero value, ANN, is simple exponential smoothing.
const (
	ANN  Spec = iota // additive error, no trend
	AAdN             // additive error, additive damped trend
	AAN              // additive error, additive trend
	MNN              // multiplicative error, no trend
	MAdN             // multiplicative error, additive damped trend
	MAN              // multiplicative error, additive trend
)

// Specs returns the six models in Auto's order.
func Specs() []Spec {
	s := allSpecs
	return s[:]
}

var allSpecs = [...]Spec{ANN, AAdN, AAN, MNN, MAdN, MAN}

// String returns the model's name in the notation of Hyndman et al.
// (2008): "ANN", "AAdN", "AAN", "MNN", "MAdN" or "MAN".
func (s Spec) String() string {
	if !s.valid() {
		return fmt.Sprintf("Spec(%d)", int(s))
	}
	return specNames[s]
}

var specNames = [...]string{ANN: "ANN", AAdN: "AAdN", AAN: "AAN", MNN: "MNN", MAdN: "MAdN", MAN: "MAN"}

// methodNames are the Names of the Methods of the models, made once so
// that Name does not allocate.
var methodNames = func() (ns [len(specNames)]string) {
	for s, n := range specNames {
		ns[s] = "ets-" + strings.ToLower(n)
	}
	return ns
}()

func (s Spec) valid() bool { return s >= ANN && s <= MAN }

func (s Spec) kind() smooth.Kind {
	return smooth.Kind{
		Mult:   s >= MNN,
		Trend:  s != ANN && s != MNN,
		Damped: s == AAdN || s == MAdN,
	}
}

// Multiplicative reports whether the model's error is multiplicative.
func (s Spec) Multiplicative() bool { return s >= MNN }

// Trend reports whether the model has a trend.
func (s Spec) Trend() bool { return s.kind().Trend }

// Damped reports whether the model's trend is damped.
func (s Spec) Damped() bool { return s.kind().Damped }

// IC is the information criterion by which Auto selects a model.
type IC int

// The criteria. The zero value, AICc, is R's default.
const (
	AICc IC = iota
	AIC
	BIC
)

// String returns the criterion's name: "AICc", "AIC" or "BIC".
func (ic IC) String() string {
	if ic < AICc || ic > BIC {
		return fmt.Sprintf("IC(%d)", int(ic))
	}
	return icNames[ic]
}

var icNames = [...]string{AICc: "AICc", AIC: "AIC", BIC: "BIC"}

// Params are a model's parameters: the smoothing parameters α (level) and
// β (slope), the damping parameter φ, and the initial states l₀ and b₀.
// Beta and B0 are 0 for a model without trend, Phi 1 for an undamped one.
type Params struct {
	Alpha, Beta, Phi float64
	L0, B0           float64
}

// Method fits one model, estimating its parameters by maximum likelihood.
//
// A smoothing parameter set to a nonzero value is fixed rather than
// estimated, as R's ets(alpha = …, beta = …, phi = …). With Initial also
// set, every parameter is fixed and Fit only runs the recursions: then
// Alpha, and Beta and Phi where the model has them, must be set. The zero
// value fits ANN, simple exponential smoothing, with all its parameters
// estimated.
//
// A model needs at least two more observed years than it has
// parameters (α, β, φ, ℓ₀, b₀): 4 for ANN and MNN, 6 for AAN and MAN, 7
// for the damped ones. (R's ets(y, model) estimates by likelihood only
// from 7 years for ANN and MNN, 9 for AAN and MAN and 10 for the damped
// models, and falls back to Holt–Winters smoothing below.)
type Method struct {
	// Label, when not empty, is the Method's Name.
	Label string

	Spec             Spec
	Alpha, Beta, Phi float64
	// Initial holds fixed initial states: l₀, or l₀ and b₀ for a model
	// with trend. Nil means estimated.
	Initial []float64

	// Simulate, when positive, is the number of sample paths from which
	// the prediction intervals are taken (as R's forecast(simulate =
	// TRUE)), drawn from a generator seeded with Seed: the intervals are
	// deterministic for a given Seed and horizon, and Forecast then
	// allocates the paths. Zero means the analytic intervals; above
	// MaxSimulate is an error.
	Simulate int
	Seed     uint64
}

var _ forecast.Method = Method{}

// MaxSimulate is the most sample paths Simulate may ask for: a forecast
// holds 8·paths·horizon bytes of them at once.
const MaxSimulate = 100_000

// Name returns the Label if there is one. Otherwise it is "ets-"
// followed by the model in lower case ("ets-unknown" for an unknown
// Spec), then by each setting that is not its zero value, in this order:
// "-alpha-", "-beta-" and "-phi-" with the fixed smoothing parameter,
// "-initial-" with the fixed initial states joined by "+", "-simulate-"
// with Simulate, and, when Simulate is positive, "-seed-" with Seed;
// numbers are written in Go's shortest form ('g'). Seed without
// Simulate changes nothing and is left out. For example "ets-aadn",
// "ets-ann-alpha-0.3", "ets-aan-alpha-0.5-beta-0.1-initial-100+5" or
// "ets-aadn-simulate-2000-seed-1". Every configuration has its own
// Name. The name of a model with nothing fixed and analytic intervals is
// made once, and Name does not allocate for it.
func (m Method) Name() string {
	if m.Label != "" {
		return m.Label
	}
	name := "ets-unknown"
	if m.Spec.valid() {
		name = methodNames[m.Spec]
	}
	if m.Alpha == 0 && m.Beta == 0 && m.Phi == 0 && m.Initial == nil && m.Simulate == 0 {
		return name
	}
	name += fixedSuffix("alpha", m.Alpha) + fixedSuffix("beta", m.Beta) + fixedSuffix("phi", m.Phi)
	if m.Initial != nil {
		states := make([]string, len(m.Initial))
		for i, v := range m.Initial {
			states[i] = formatFloat(v)
		}
		name += listSuffix("initial", states)
	}
	return name + simulationSuffix(m.Simulate, m.Seed)
}

// fixedSuffix is the part of a Method's Name for a smoothing parameter
// fixed at v: "-" key "-" v, or nothing when v is zero (estimated).
func fixedSuffix(key string, v float64) string {
	if v == 0 {
		return ""
	}
	return "-" + key + "-" + formatFloat(v)
}

// simulationSuffix is the part of a Method's or Auto's Name for its
// Simulate and Seed.
func simulationSuffix(paths int, seed uint64) string {
	if paths == 0 {
		return ""
	}
	s := "-simulate-" + strconv.Itoa(paths)
	if paths > 0 && seed != 0 {
		s += "-seed-" + strconv.FormatUint(seed, 10)
	}
	return s
}

// listSuffix is the part of a Name for a list setting: "-" and key, then
// "-" and the items joined by "+" unless there are none.
func listSuffix(key string, items []string) string {
	if len(items) == 0 {
		return "-" + key
	}
	return "-" + key + "-" + strings.Join(items, "+")
}

func formatFloat(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }

// Fit fits the model to history. It returns an error for an unknown
// model or invalid fixed parameters (wrapping forecast.ErrSetting), too
// few observed years for the model's parameters (forecast.ErrTooFew), a
// missing last year (forecast.ErrLastMissing), an infinite value
// (forecast.ErrNotFinite), a zero or negative value for a multiplicative
// model (forecast.ErrNonPositive), and a likelihood that cannot be
// evaluated. The drivers are not used.
//
// The model it returns is a forecast.Refitter.
func (m Method) Fit(history series.Series, _ forecast.Drivers) (forecast.Model, error) {
	return forecast.Refitted(&Model{method: m}, history, nil)
}

// Auto fits the models and selects the one with the smallest information
// criterion, as R's ets(y) does for annual data: the multiplicative-error
// models only for strictly positive histories, and only models whose
// parameters the history can identify: at least two more observed years
// than free parameters, and three under AICc, whose correction
// 2k(k + 1)/(n − k − 1) needs n − k − 1 > 0 (k the free parameters plus
// σ²). A constant history gets simple exponential
// smoothing with α = 0.99999 and l₀ the value, as in R, and a zero-width
// interval; its fit is perfect, and LogLik is +Inf.
//
// The zero value tries all six models and selects by AICc.
type Auto struct {
	// Label, when not empty, is the Auto's Name.
	Label string

	IC IC
	// Specs are the candidate models; nil means all six (Specs()). Ties
	// go to the earlier.
	Specs []Spec

	// Simulate and Seed are as for Method.
	Simulate int
	Seed     uint64
}

var _ forecast.Method = Auto{}

// Name returns the Label if there is one. Otherwise it is "ets"
// followed by each setting that is not its zero value, in this order:
// "-" and the criterion in lower case ("-aic", "-bic"), "-specs-" with
// the candidate models in lower case joined by "+" in their order
// ("-specs" alone for an empty list), and "-simulate-" and "-seed-" as
// for Method. For example "ets", "ets-bic", "ets-specs-ann+aan" or
// "ets-aic-specs-aadn+madn-simulate-2000-seed-7". Every configuration has
// its own Name; Specs that list all six models in Auto's order select as
// nil does, but are named. The zero value's name does not allocate.
func (a Auto) Name() string {
	if a.Label != "" {
		return a.Label
	}
	if a.IC == AICc && a.Specs == nil && a.Simulate == 0 {
		return "ets"
	}
	name := "ets"
	if a.IC != AICc {
		name += "-" + strings.ToLower(a.IC.String())
	}
	if a.Specs != nil {
		specs := make([]string, len(a.Specs))
		for i, s := range a.Specs {
			specs[i] = strings.ToLower(s.String())
		}
		name += listSuffix("specs", specs)
	}
	return name + simulationSuffix(a.Simulate, a.Seed)
}

// MinTrain returns 5 (forecast.MinTrainer): a backtest or calibration of
// Auto starts there. The simplest candidate, ANN, fits from 4 observed
// years, but its AICc, with k = 3 (α, ℓ₀ and σ²), needs n − k − 1 > 0.
func (Auto) MinTrain() int { return 5 }

// CalibrationScaling returns forecast.ScaleSqrtH
// (forecast.CalibrationScaler): forecast.Calibrated pools Auto's k-step
// errors scaled by √k, as the error of a smoothed level grows. Measured
// with forecast.Evaluation (holdout 6, Calibrated of Auto with Scaling
// ScaleSqrtH against ScaleH, the rule of Calibrated as it stands): on M1
// yearly √k covers 78.7 % / 94.8 % at 80 / 95 % with MSIS 47.03, k 85.0 %
// / 96.1 % and 47.34; on the 37 annual series of
// benchmarks/testdata/annual37.csv √k 93.3 % / 100 % and 29.32, k 93.3 %
// / 98.6 % and 31.17. A Method of a given model keeps the default.
func (Auto) CalibrationScaling() forecast.Scaling { return forecast.ScaleSqrtH }

// MinTrain returns the fewest observed years m's model is fit from, its
// parameters and initial states plus two, and at least 4
// (forecast.MinTrainer).
func (m Method) MinTrain() int {
	if !m.Spec.valid() {
		return 4
	}
	return max(4, nparams(m.Spec.kind())+2)
}

// Fit fits and selects the model. It returns an error for an unknown
// model or criterion (wrapping forecast.ErrSetting), fewer than four
// observed years or too few for every candidate (forecast.ErrTooFew; under
// AICc even ANN needs five), a missing last year
// (forecast.ErrLastMissing), an infinite value (forecast.ErrNotFinite),
// only multiplicative candidates among those the history has the years
// for and a value that is not positive (forecast.ErrNonPositive), and no
// candidate whose likelihood can be evaluated. The drivers are not used.
//
// The model it returns is a forecast.Refitter.
func (a Auto) Fit(history series.Series, _ forecast.Drivers) (forecast.Model, error) {
	return forecast.Refitted(&Model{auto: true, autoM: a}, history, nil)
}

// Model is a fitted Method or Auto.
//
// Model implements forecast.Refitter: Refit and ForecastTo reuse the
// model's buffers and, once they have grown to the size of the data,
// allocate nothing. A Model being refit is not for concurrent use; one
// that is only forecast is.
type Model struct {
	auto   bool
	method Method
	autoM  Auto
	mname  string // the Method's or Auto's Name, once Refit has made it
	ok     bool

	spec   Spec
	par    smooth.Params
	free   int // estimated parameters
	n      int // observed years
	lik    float64
	sse    float64
	sigma2 float64
	last   [2]float64 // level and slope after the last year

	end        int
	name, unit string

	y   []float64
	e   []float64
	est smooth.Estimator
}

var (
	_ forecast.Model             = (*Model)(nil)
	_ forecast.Refitter          = (*Model)(nil)
	_ forecast.ParameterReporter = (*Model)(nil)
)

func (mod *Model) simulation() (int, uint64) {
	if mod.auto {
		return mod.autoM.Simulate, mod.autoM.Seed
	}
	return mod.method.Simulate, mod.method.Seed
}

func (mod *Model) methodName() string {
	if mod.mname != "" {
		return mod.mname
	}
	if mod.auto {
		return mod.autoM.Name()
	}
	return mod.method.Name()
}

// fitted is one model's fit.
type fitted struct {
	spec Spec
	par  smooth.Params
	free int
	lik  float64
	sse  float64
	last [2]float64
	ic   float64
}

// Refit fits the model's Method or Auto to history in place, as Fit does,
// with the same results and errors. After an error the model holds no fit
// until the next successful Refit.
func (mod *Model) Refit(history series.Series, _ forecast.Drivers) error {
	mod.ok = false
	if mod.mname == "" {
		mod.mname = mod.methodName()
	}
	name := mod.mname
	if err := mod.load(name, history); err != nil {
		return err
	}
	var best fitted
	var err error
	if mod.auto {
		best, err = mod.fitAuto(name, history)
	} else {
		best, err = mod.fitOne(name, history, mod.method.Spec)
	}
	if err != nil {
		return err
	}
	mod.spec, mod.par, mod.free, mod.lik, mod.sse, mod.last = best.spec, best.par, best.free, best.lik, best.sse, best.last
	// Over all the parameters: smoothing parameters and initial states.
	mod.sigma2 = mod.sse / float64(mod.n-nparams(mod.spec.kind()))
	if math.IsNaN(mod.sigma2) || math.IsInf(mod.sigma2, 0) || math.IsInf(mod.last[0], 0) || math.IsNaN(mod.last[0]) || math.IsNaN(mod.last[1]) || math.IsInf(mod.last[1], 0) {
		return forecast.Errorf(name, history.Name, 0, forecast.ErrNotFinite, "the fit of %v overflows", best.spec)
	}
	mod.ok = true
	return nil
}

// load checks history and copies its observed span into mod.y.
func (mod *Model) load(name string, h series.Series) error {
	first, n, err := smooth.Observed(name, h, 0)
	if err != nil {
		return err
	}
	mod.y = append(mod.y[:0], h.Values[first:]...)
	mod.e = smooth.Resize(mod.e, len(mod.y))
	mod.n = n
	mod.end, mod.name, mod.unit = h.End(), h.Name, h.Unit
	return nil
}

// positive reports whether every observed value is positive. Unlike
// forecast.CheckPositive, which gives the error, it does not allocate when
// one is not, as Auto then fits the additive models.
func (mod *Model) positive() bool {
	for _, v := range mod.y {
		if !math.IsNaN(v) && !(v > 0) {
			return false
		}
	}
	return true
}

// constant reports whether every observed value is the same.
func (mod *Model) constant() bool {
	for _, v := range mod.y {
		if !math.IsNaN(v) && v != mod.y[0] {
			return false
		}
	}
	return true
}

func (mod *Model) fitAuto(name string, h series.Series) (fitted, error) {
	a := mod.autoM
	if a.IC < AICc || a.IC > BIC {
		return fitted{}, forecast.Errorf(name, h.Name, 0, forecast.ErrSetting, "unknown criterion %d", int(a.IC))
	}
	specs := a.Specs
	if specs == nil {
		specs = allSpecs[:]
	}
	if len(specs) == 0 {
		return fitted{}, forecast.Errorf(name, h.Name, 0, forecast.ErrSetting, "no candidate models")
	}
	if a.Simulate < 0 || a.Simulate > MaxSimulate {
		return fitted{}, forecast.Errorf(name, h.Name, 0, forecast.ErrSetting, "%d sample paths (at most MaxSimulate, %d)", a.Simulate, MaxSimulate)
	}
	for _, s := range specs {
		if !s.valid() {
			return fitted{}, forecast.Errorf(name, h.Name, 0, forecast.ErrSetting, "unknown model %v", s)
		}
	}
	// A candidate needs two more years than free parameters, and under
	// AICc three, so that its correction's n − k − 1 (k the free
	// parameters plus σ²) is positive; need is the fewest any needs.
	mod.est.Alpha, mod.est.Beta, mod.est.Phi, mod.est.Crit = 0, 0, 0, smooth.Lik
	want := func(s Spec) int {
		if a.IC == AICc {
			return mod.est.Free(s.kind()) + 3
		}
		return mod.est.Free(s.kind()) + 2
	}
	need := math.MaxInt
	for _, s := range specs {
		need = min(need, want(s))
	}
	if mod.n < 4 {
		return fitted{}, forecast.Errorf(name, h.Name, 0, forecast.ErrTooFew, "need %d, have %d (the fewest any candidate model needs)", max(4, need), mod.n)
	}
	if mod.constant() {
		// R's ets(y) on constant data: ses(y, alpha = 0.99999, initial = "simple").
		p := smooth.Params{Alpha: 0.99999, Phi: 1, L0: mod.y[0]}
		r := smooth.Filter(mod.y, ANN.kind(), p, mod.e)
		return fitted{spec: ANN, par: p, free: 0, lik: r.Lik, sse: r.SSE, last: [2]float64{r.L, r.B}}, nil
	}
	pos := mod.positive()
	best := fitted{ic: math.Inf(1)}
	found := false
	var firstErr error
	tried, signed := 0, 0 // candidates fit; skipped for the sign alone
	for _, s := range specs {
		if mod.n < want(s) {
			continue
		}
		if s.Multiplicative() && !pos {
			signed++
			continue
		}
		tried++
		f, err := mod.estimate(name, h, s)
		if err != nil {
			if firstErr == nil {
				firstErr = err
			}
			continue
		}
		if ic := criterion(a.IC, f.lik, f.free, mod.n); ic < best.ic {
			best, found = f, true
			best.ic = ic
		}
	}
	if !found {
		if tried == 0 {
			if signed > 0 {
				err := forecast.CheckPositive(name, h)
				if e, ok := err.(*forecast.Error); ok {
					e.Detail += " under a multiplicative model"
				}
				return fitted{}, err
			}
			return fitted{}, forecast.Errorf(name, h.Name, 0, forecast.ErrTooFew, "need %d, have %d (the fewest any candidate model needs)", need, mod.n)
		}
		if firstErr != nil {
			return fitted{}, firstErr
		}
		return fitted{}, forecast.Errorf(name, h.Name, 0, forecast.ErrNotFinite, "no candidate model has a finite criterion")
	}
	return best, nil
}

// estimate fits spec s with all its parameters free.
func (mod *Model) estimate(name string, h series.Series, s Spec) (fitted, error) {
	k := s.kind()
	p, free, err := mod.est.Estimate(mod.y, k)
	if err != nil {
		return fitted{}, forecast.Errorf(name, h.Name, 0, forecast.ErrNotFinite, "%v: %v", s, err)
	}
	r := smooth.Filter(mod.y, k, p, mod.e)
	if math.IsNaN(r.Lik) || math.IsInf(r.Lik, 1) {
		return fitted{}, forecast.Errorf(name, h.Name, 0, forecast.ErrNotFinite, "%v: the likelihood is not finite", s)
	}
	return fitted{spec: s, par: p, free: free, lik: r.Lik, sse: r.SSE, last: [2]float64{r.L, r.B}}, nil
}

// nparams is the number of parameters of model k: α, β, φ where it has
// them, and the initial states (those an Estimator fixing none estimates).
func nparams(k smooth.Kind) int {
	var est smooth.Estimator
	return est.Free(k)
}

func (mod *Model) fitOne(name string, h series.Series, s Spec) (fitted, error) {
	m := mod.method
	if !s.valid() {
		return fitted{}, forecast.Errorf(name, h.Name, 0, forecast.ErrSetting, "unknown model %d", int(s))
	}
	k := s.kind()
	bad := func(format string, args ...any) (fitted, error) {
		return fitted{}, forecast.Errorf(name, h.Name, 0, forecast.ErrSetting, format, args...)
	}
	if m.Simulate < 0 || m.Simulate > MaxSimulate {
		return bad("%d sample paths (at most MaxSimulate, %d)", m.Simulate, MaxSimulate)
	}
	for _, v := range [3]float64{m.Alpha, m.Beta, m.Phi} {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return bad("fixed parameter %v", v)
		}
	}
	if m.Alpha != 0 && !(m.Alpha > 0 && m.Alpha <= 1) {
		return bad("alpha %v outside (0, 1]", m.Alpha)
	}
	if !k.Trend && m.Beta != 0 {
		return bad("beta set for %v, which has no trend", s)
	}
	if !k.Damped && m.Phi != 0 {
		return bad("phi set for %v, which is not damped", s)
	}
	if m.Beta != 0 && !(m.Beta > 0 && (m.Alpha == 0 && m.Beta < smooth.MaxSmoothing || m.Beta <= m.Alpha)) {
		return bad("beta %v outside (0, alpha] (alpha estimated: below %v)", m.Beta, smooth.MaxSmoothing)
	}
	if m.Phi != 0 && !(m.Phi > 0 && m.Phi <= 1) {
		return bad("phi %v outside (0, 1]", m.Phi)
	}
	if k.Mult {
		if err := forecast.CheckPositive(name, h); err != nil {
			return fitted{}, err
		}
	}
	npar := nparams(k)
	if mod.n < npar+2 {
		return fitted{}, forecast.Errorf(name, h.Name, 0, forecast.ErrTooFew, "need %d, have %d (%v estimates %d parameters and states)", npar+2, mod.n, s, npar)
	}
	if m.Initial != nil {
		if len(m.Initial) != k.States() {
			return bad("%d initial states for %v, which has %d", len(m.Initial), s, k.States())
		}
		if m.Alpha == 0 || (k.Trend && m.Beta == 0) || (k.Damped && m.Phi == 0) {
			return bad("fixed initial states need every smoothing parameter fixed")
		}
		p := smooth.Params{Alpha: m.Alpha, Beta: m.Beta, Phi: m.Phi, L0: m.Initial[0]}
		if k.Trend {
			p.B0 = m.Initial[1]
		}
		if !k.Damped {
			p.Phi = 1
		}
		for _, v := range m.Initial {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return bad("initial state %v", v)
			}
		}
		r := smooth.Filter(mod.y, k, p, mod.e)
		if math.IsNaN(r.Lik) || math.IsInf(r.Lik, 1) {
			return fitted{}, forecast.Errorf(name, h.Name, 0, forecast.ErrNotFinite, "%v: the likelihood is not finite", s)
		}
		return fitted{spec: s, par: p, free: 0, lik: r.Lik, sse: r.SSE, last: [2]float64{r.L, r.B}}, nil
	}
	mod.est.Alpha, mod.est.Beta, mod.est.Phi, mod.est.Crit = m.Alpha, m.Beta, m.Phi, smooth.Lik
	return mod.estimate(name, h, s)
}

// Spec returns the fitted (for Auto, the selected) model.
func (mod *Model) Spec() Spec { return mod.spec }

// Params returns the fitted parameters.
func (mod *Model) Params() Params {
	p := mod.par
	return Params{Alpha: p.Alpha, Beta: p.Beta, Phi: p.Phi, L0: p.L0, B0: p.B0}
}

// LogLik returns −n/2·log(Σe²), minus Σlog|ŷ_t| for a multiplicative
// model: the log-likelihood up to a constant, as R's ets reports it.
func (mod *Model) LogLik() float64 { return -0.5 * mod.lik }

// Free returns the number of estimated parameters, σ² not counted.
func (mod *Model) Free() int { return mod.free }

// AIC returns −2·LogLik + 2k, k the estimated parameters plus one (σ²).
func (mod *Model) AIC() float64 { return criterion(AIC, mod.lik, mod.free, mod.n) }

// AICc returns AIC + 2k(k+1)/(n−k−1), n the observed years.
func (mod *Model) AICc() float64 { return criterion(AICc, mod.lik, mod.free, mod.n) }

// BIC returns −2·LogLik + k·log n.
func (mod *Model) BIC() float64 { return criterion(BIC, mod.lik, mod.free, mod.n) }

// criterion returns ic of a fit of −2·log-likelihood lik, with free
// estimated parameters, to n observed years.
func criterion(ic IC, lik float64, free, n int) float64 {
	k, fn := float64(free+1), float64(n)
	switch ic {
	case AIC:
		return lik + 2*k
	case BIC:
		return lik + math.Log(fn)*k
	}
	return lik + 2*k + 2*k*(k+1)/(fn-k-1)
}

// Sigma2 returns σ̂² = Σe²/(n − p), p the model's parameters (smoothing
// parameters and initial states, fixed or not).
func (mod *Model) Sigma2() float64 { return mod.sigma2 }

// Parameters returns α, β (with a trend), φ (damped), l0, b0 (with a
// trend) and sigma2, without standard errors (NaN); nothing if the model
// holds no fit.
func (mod *Model) Parameters() []forecast.Parameter {
	if !mod.ok {
		return nil
	}
	nan := math.NaN()
	k := mod.spec.kind()
	ps := []forecast.Parameter{{Name: "alpha", Value: mod.par.Alpha, StdErr: nan}}
	if k.Trend {
		ps = append(ps, forecast.Parameter{Name: "beta", Value: mod.par.Beta, StdErr: nan})
	}
	if k.Damped {
		ps = append(ps, forecast.Parameter{Name: "phi", Value: mod.par.Phi, StdErr: nan})
	}
	ps = append(ps, forecast.Parameter{Name: "l0", Value: mod.par.L0, StdErr: nan})
	if k.Trend {
		ps = append(ps, forecast.Parameter{Name: "b0", Value: mod.par.B0, StdErr: nan})
	}
	return append(ps, forecast.Parameter{Name: "sigma2", Value: mod.sigma2, StdErr: nan})
}

// Forecast returns the point forecasts (the means of the forecast
// distributions) for the Horizon years after the last history year and the
// prediction interval at level: mean ± z·sd with the analytic variances of
// Hyndman et al. (2008, ch. 6), as R's forecast.ets computes them, or,
// with Simulate set, the quantiles of simulated paths. Where the bounds
// overflow they are NaN. It returns an error if the model holds no fit.
func (mod *Model) Forecast(s forecast.Scenario, level float64) (forecast.Forecast, error) {
	return forecast.Forecasted(mod, s, level)
}

// ForecastTo writes the forecast Forecast returns into dst, reusing its
// slices (see forecast.Refitter). It does not change the model.
func (mod *Model) ForecastTo(dst *forecast.Forecast, s forecast.Scenario, level float64) error {
	name := mod.methodName()
	if err := forecast.CheckForecast(name, mod.ok, s, level); err != nil {
		return err
	}
	h := s.Horizon
	dst.Prepare(name, mod.name, mod.unit, mod.end+1, h, level)
	z := distuv.UnitNormal.Quantile(0.5 + level/2)
	k := mod.spec.kind()
	mu, lo, up := dst.Point.Values, dst.Lower.Values, dst.Upper.Values
	smooth.Means(mu, k, mod.par, mod.last[0], mod.last[1])
	for _, v := range mu {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return forecast.Errorf(name, mod.name, 0, forecast.ErrNotFinite, "the forecast overflows")
		}
	}
	if paths, seed := mod.simulation(); paths > 0 {
		smooth.Simulate(lo, up, k, mod.par, mod.last[0], mod.last[1], mod.sigma2, paths, seed, (1-level)/2)
		for i := range lo {
			if math.IsNaN(lo[i]) || math.IsInf(lo[i], 0) || math.IsNaN(up[i]) || math.IsInf(up[i], 0) {
				lo[i], up[i] = math.NaN(), math.NaN()
			}
		}
		return nil
	}
	// Variances into lo, using up as scratch.
	smooth.Variances(lo, up, mu, k, mod.par, mod.sigma2)
	for i, v := range lo {
		sd := math.Sqrt(v)
		l, u := mu[i]-z*sd, mu[i]+z*sd
		if math.IsNaN(l) || math.IsInf(l, 0) || math.IsNaN(u) || math.IsInf(u, 0) {
			l, u = math.NaN(), math.NaN()
		}
		lo[i], up[i] = l, u
	}
	return nil
}

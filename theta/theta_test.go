package theta

import (
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/forecast/forecasttest"
	"github.com/nonferrous/demand/internal/smoothtest"
	"github.com/nonferrous/demand/series"
)

// From R forecast 8.20:
//
//	th <- thetaf(ts(smoothtest.Y, start = 2001), h = 8, level = c(80, 95))
//	th$model$alpha; th$model$drift; th$model$sigma; th$mean; th$lower; th$upper
//
// printed with sprintf("%.17g").
var rTheta = struct {
	alpha, drift, sigma2         float64
	mean, lo80, hi80, lo95, hi95 []float64
}{
	alpha: 0.99989997967626365, drift: 3.0064661654135336, sigma2: 77.40636187452273,
	mean: []float64{232.80592659744093, 235.81239276285447, 238.81885892826799, 241.82532509368153, 244.83179125909507, 247.83825742450858, 250.84472358992213, 253.85118975533567},
	lo80: []float64{221.53072246126032, 219.86764357436854, 219.2909346900162, 219.27660842452096, 219.62168570998523, 220.22206253512462, 221.01589494145497, 221.96288755984722},
	hi80: []float64{244.08113073362154, 251.7571419513404, 258.34678316651974, 264.37404176284213, 270.04189680820491, 275.45445231389255, 280.67355223838928, 285.73949195082412},
	lo95: []float64{215.56198993550882, 211.42700321461857, 208.9534760370727, 207.34003885366047, 206.27626196854229, 205.60293203576367, 205.22546688278533, 205.08224006057463},
	hi95: []float64{250.04986325937304, 260.19778231109041, 268.68424181946324, 276.31061133370258, 283.38732054964782, 290.07358281325349, 296.46398029705892, 302.6201394500967},
}

// rY2 is a second reference history, whose α is inside its bounds; from
//
//	th <- thetaf(ts(rY2, start = 2001), h = 4, level = c(80, 95))
var (
	rY2     = []float64{100, 104, 99, 108, 112, 106, 115, 118, 111, 120, 117, 125}
	rTheta2 = struct {
		alpha, drift, sigma2         float64
		mean, lo80, hi80, lo95, hi95 []float64
	}{
		alpha: 0.60784051586757526, drift: 1.0157342657342661, sigma2: 37.557188103573374,
		mean: []float64{123.56199212336496, 124.57772638909923, 125.59346065483349, 126.60919492056776},
		lo80: []float64{115.70814180353597, 115.38680828545455, 115.23667609931005, 115.20511683107912},
		hi80: []float64{131.41584244319395, 133.7686444927439, 135.95024521035694, 138.01327301005639},
		lo95: []float64{111.55056458451928, 110.52143013671575, 109.75412553152107, 109.1681625554115},
		hi95: []float64{135.57341966221063, 138.63402264148269, 141.43279577814593, 144.05022728572402},
	}
)

func TestAgreesWithR(t *testing.T) {
	check(t, smoothtest.Y, rTheta)
	check(t, rY2, rTheta2)
}

func check(t *testing.T, y []float64, rTheta struct {
	alpha, drift, sigma2         float64
	mean, lo80, hi80, lo95, hi95 []float64
}) {
	t.Helper()
	mod, err := Method{}.Fit(series.New("y", "", 2001, y...), nil)
	if err != nil {
		t.Fatal(err)
	}
	tm := mod.(*Model)
	// The estimated α agrees with R's to the optimiser's tolerance; the
	// forecasts, which depend on it smoothly, to 1e-8.
	opt := cmpopts.EquateApprox(1e-8, 0)
	if diff := cmp.Diff([]float64{rTheta.alpha, rTheta.drift, rTheta.sigma2}, []float64{tm.Alpha(), tm.Drift(), tm.Sigma2()}, opt); diff != "" {
		t.Errorf("alpha, drift, sigma2 (-want +got):\n%s", diff)
	}
	smoothtest.CheckLevels(t, mod, smoothtest.Forecast{Mean: rTheta.mean, Lo80: rTheta.lo80, Hi80: rTheta.hi80, Lo95: rTheta.lo95, Hi95: rTheta.hi95}, 1e-8)
}

func TestConformance(t *testing.T) {
	long := smoothtest.History()
	gaps := long.Clone()
	gaps.Values[0], gaps.Values[6], gaps.Values[11] = math.NaN(), math.NaN(), math.NaN()
	short, _ := long.Window(2015, 2020)
	forecasttest.Run(t, Method{},
		forecasttest.Case{Name: "long", History: long, Scenario: forecast.Scenario{Horizon: 6}},
		forecasttest.Case{Name: "gaps", History: gaps, Scenario: forecast.Scenario{Horizon: 6}},
		forecasttest.Case{Name: "short", History: short, Scenario: forecast.Scenario{Horizon: 3}},
		forecasttest.Case{Name: "crossing zero",
			History:  series.New("y", "t", 1990, 30, 26, 21, 19, 12, 9, 4, 1, -3, -6, -12),
			Scenario: forecast.Scenario{Horizon: 4}},
	)
}

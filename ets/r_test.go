package ets

import (
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/internal/smoothtest"
)

// rCase is one model fitted by R.
type rCase struct {
	spec                         Spec
	par                          Params
	loglik, aicc, sigma2         float64
	mean, lo80, hi80, lo95, hi95 []float64
}

// rCases are R forecast 8.20's fits of each model to smoothtest.Y and its
// forecasts, from
//
//	y <- ts(smoothtest.Y, start = 2001)
//	f <- ets(y, model = "ANN")                  # "AAN", damped = TRUE for AAdN; "MAN", damped = FALSE for MAN; …
//	fc <- forecast(f, h = 8, level = c(80, 95))
//	f$par; f$loglik; f$aicc; f$sigma2; fc$mean; fc$lower; fc$upper
//
// printed with sprintf("%.17g").
var rCases = []rCase{
	{spec: ANN,
		par:    Params{Alpha: 0.99989997967626365, Beta: 0, Phi: 1, L0: 112.39457236439696, B0: 0},
		loglik: -72.39440729875318, aicc: 152.28881459750636, sigma2: 77.40636187452273,
		mean: []float64{229.79915969422834, 229.79915969422834, 229.79915969422834, 229.79915969422834, 229.79915969422834, 229.79915969422834, 229.79915969422834, 229.79915969422834},
		lo80: []float64{218.52395555804773, 213.85441050574241, 210.27123545597655, 207.25044302506777, 204.5890541451185, 202.18296480484437, 199.97033104576118, 197.91085749873989},
		hi80: []float64{241.07436383040894, 245.74390888271427, 249.32708393248012, 252.34787636338891, 255.00926524333818, 257.41535458361227, 259.62798834269552, 261.68746188971681},
		lo95: []float64{212.55522303229623, 205.41377014599243, 199.93377680303306, 195.31387345420728, 191.24363040367555, 187.56383430548343, 184.17990298709154, 181.0302099994673},
		hi95: []float64{247.04309635616045, 254.18454924246424, 259.66454258542365, 264.28444593424939, 268.35468898478109, 272.03448508297322, 275.41841640136511, 278.56810938898934}},
	{spec: AAdN,
		par:    Params{Alpha: 0.19385819277797722, Beta: 0.16497904186888662, Phi: 0.979624541365679, L0: 107.51245210138151, B0: 5.1084909807453256},
		loglik: -59.696810755125156, aicc: 137.85515997178877, sigma2: 26.092055327530364,
		mean: []float64{233.64758790840688, 241.04726686279938, 248.29617396474936, 255.39738125989956, 262.35389819955367, 269.16867291606491, 275.84459347223765, 282.38448908527209},
		lo80: []float64{227.10137342149849, 234.0997531097789, 240.57731923326375, 246.52302432241237, 251.97953664558605, 257.00639249815492, 261.65855550111837, 265.9803259234485},
		hi80: []float64{240.19380239531526, 247.99478061581985, 256.01502869623494, 264.27173819738675, 272.72825975352129, 281.33095333397489, 290.03063144335692, 298.78865224709568},
		lo95: []float64{223.63601679853701, 230.42196148756832, 236.49120436200116, 241.82522353245244, 246.48768137687532, 250.56807015463764, 254.14892062204223, 257.29648649676136},
		hi95: []float64{243.65915901827674, 251.67257223803043, 260.10114356749756, 268.96953898734665, 278.22011502223199, 287.76927567749215, 297.54026632243307, 307.47249167378283}},
	{spec: AAN,
		par:    Params{Alpha: 0.12124851149125396, Beta: 0.1212484854178556, Phi: 1, L0: 108.88782055606455, B0: 4.6162071463299208},
		loglik: -58.115343533628298, aicc: 130.51640135297089, sigma2: 20.883213013291595,
		mean: []float64{234.25121947899842, 241.93658802782693, 249.62195657665544, 257.30732512548394, 264.99269367431248, 272.67806222314096, 280.36343077196949, 288.04879932079797},
		lo80: []float64{228.39476536757965, 235.91039978092837, 243.23032556223055, 250.31300555394961, 257.14883828829699, 263.75180461059244, 270.14653427585029, 276.35883741947777},
		hi80: []float64{240.10767359041719, 247.96277627472548, 256.0135875910803, 264.30164469701828, 272.83654906032797, 281.60431983568947, 290.58032726808869, 299.73876122211817},
		lo95: []float64{225.29454583113431, 232.72032842069939, 239.84680048653087, 246.6104364281139, 252.99655206763609, 259.02652926286794, 264.73803597354981, 270.17054539545052},
		hi95: []float64{243.20789312686253, 251.15284763495447, 259.39711266678, 268.00421382285396, 276.98883528098884, 286.32959518341397, 295.98882557038917, 305.92705324614542}},
	{spec: MNN,
		par:    Params{Alpha: 0.99989999582141853, Beta: 0, Phi: 1, L0: 113.02339437866856, B0: 0},
		loglik: -71.713353295731935, aicc: 150.92670659146387, sigma2: 0.0029469703758483756,
		mean: []float64{229.79915982989124, 229.79915982989124, 229.79915982989124, 229.79915982989124, 229.79915982989124, 229.79915982989124, 229.79915982989124, 229.79915982989124},
		lo80: []float64{213.81195986356909, 207.17432668114995, 202.06955971307232, 197.75644255169175, 193.94807434735435, 190.49741992181444, 187.3171958476394, 184.35057246469017},
		hi80: []float64{245.78635979621339, 252.42399297863253, 257.52875994671012, 261.84187710809073, 265.65024531242813, 269.10089973796806, 272.28112381214311, 275.2477471950923},
		lo95: []float64{205.34884741946885, 195.19746347995408, 187.39039611263348, 180.79405264531837, 174.96965609269367, 169.69233555485175, 164.82860254891412, 160.29154360988969},
		hi95: []float64{254.24947224031362, 264.40085617982839, 272.20792354714899, 278.80426701446407, 284.62866356708884, 289.90598410493072, 294.76971711086833, 299.30677604989279}},
	{spec: MAdN,
		par:    Params{Alpha: 0.17100738825781386, Beta: 0.17052472897882337, Phi: 0.97999999878977428, L0: 109.28875334989088, B0: 5.0832061347432385},
		loglik: -58.853441680971194, aicc: 136.16842182348086, sigma2: 0.00092472019360461245,
		mean: []float64{233.4372108093296, 240.79047955330503, 247.99668291350181, 255.05876219777355, 261.97959988781309, 268.76202081567612, 275.4087933167736, 281.92263035980505},
		lo80: []float64{224.33993541819001, 230.91490975618817, 236.84546089234911, 242.09563196932311, 246.70092690197734, 250.72362344918685, 254.22520549512862, 257.25692385245202},
		hi80: []float64{242.53448620046919, 250.6660493504219, 259.14790493465455, 268.02189242622399, 277.25827287364888, 286.8004181821654, 296.59238113841855, 306.58833686715809},
		lo95: []float64{219.52412872706546, 225.68709889383442, 230.94236053375312, 235.23336534464852, 238.61288598498422, 241.17467269198428, 243.01129148381244, 244.19968755562439},
		hi95: []float64{247.35029289159374, 255.89386021277565, 265.05100529325051, 274.88415905089857, 285.346313790642, 296.34936893936793, 307.80629514973475, 319.64557316398572}},
	{spec: MAN,
		par:    Params{Alpha: 0.11714586656778231, Beta: 0.11714580980738387, Phi: 1, L0: 108.04924445851208, B0: 4.7088217736437592},
		loglik: -57.274315140980981, aicc: 128.83434456767625, sigma2: 0.00073951610160778725,
		mean: []float64{234.17530905080548, 241.94591862410087, 249.71652819739629, 257.48713777069167, 265.25774734398703, 273.02835691728245, 280.79896649057787, 288.56957606387323},
		lo80: []float64{226.01416572944891, 233.29972732579176, 240.34230087808848, 247.08958084650874, 253.52164622338336, 259.64272255232277, 265.46966553580143, 271.02305238601804},
		hi80: []float64{242.33645237216206, 250.59210992240997, 259.09075551670412, 267.88469469487461, 276.99384846459071, 286.41399128224214, 296.12826744535431, 306.11609974172842},
		lo95: []float64{221.69391742164299, 228.7227101292261, 235.3798846922034, 241.58544669051767, 247.30892957204787, 252.55679574807277, 257.35482379096703, 261.73448383107564},
		hi95: []float64{246.65670067996797, 255.16912711897564, 264.05317170258917, 273.38882885086571, 283.2065651159262, 293.49991808649213, 304.2431091901887, 315.40466829667082}},
}

// TestFixedAgreesWithR fixes every parameter at R's estimate and checks
// the points and bounds against R's forecast to 1e-8, relative.
func TestFixedAgreesWithR(t *testing.T) {
	for _, c := range rCases {
		t.Run(c.spec.String(), func(t *testing.T) {
			opt := cmpopts.EquateApprox(1e-8, 0)
			m := Method{Spec: c.spec, Alpha: c.par.Alpha, Initial: []float64{c.par.L0}}
			if c.spec.Trend() {
				m.Beta = c.par.Beta
				m.Initial = append(m.Initial, c.par.B0)
			}
			if c.spec.Damped() {
				m.Phi = c.par.Phi
			}
			mod, err := m.Fit(smoothtest.History(), nil)
			if err != nil {
				t.Fatal(err)
			}
			em := mod.(*Model)
			if diff := cmp.Diff(c.sigma2, em.Sigma2(), opt); diff != "" {
				t.Errorf("sigma2 (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(c.loglik, em.LogLik(), opt); diff != "" {
				t.Errorf("loglik (-want +got):\n%s", diff)
			}
			smoothtest.CheckLevels(t, mod, smoothtest.Forecast{Mean: c.mean, Lo80: c.lo80, Hi80: c.hi80, Lo95: c.lo95, Hi95: c.hi95}, 1e-8)
		})
	}
}

// TestEstimatedAgreesWithR estimates each model and checks that its
// log-likelihood is within 1e-4 of R's or better, and, where it is within
// 1e-6, that the forecasts agree with R's to 1e-5.
func TestEstimatedAgreesWithR(t *testing.T) {
	for _, c := range rCases {
		t.Run(c.spec.String(), func(t *testing.T) {
			mod, err := Method{Spec: c.spec}.Fit(smoothtest.History(), nil)
			if err != nil {
				t.Fatal(err)
			}
			em := mod.(*Model)
			t.Logf("loglik %.10g (R %.10g), params %+v (R %+v)", em.LogLik(), c.loglik, em.Params(), c.par)
			if em.LogLik() < c.loglik-1e-4 {
				t.Errorf("loglik %.10g, R's %.10g", em.LogLik(), c.loglik)
			}
			if math.Abs(em.LogLik()-c.loglik) < 1e-6 {
				fc, err := mod.Forecast(forecast.Scenario{Horizon: 8}, 0.95)
				if err != nil {
					t.Fatal(err)
				}
				opt := cmpopts.EquateApprox(1e-5, 0)
				if diff := cmp.Diff(c.mean, fc.Point.Values, opt); diff != "" {
					t.Errorf("mean (-want +got):\n%s", diff)
				}
				if diff := cmp.Diff(c.hi95, fc.Upper.Values, opt); diff != "" {
					t.Errorf("upper (-want +got):\n%s", diff)
				}
			}
		})
	}
}

// TestAutoAgreesWithR: R's ets(y) selects ETS(M,A,N) for smoothtest.Y, loglik
// -57.274315140980981, AICc 128.83434456767625.
func TestAutoAgreesWithR(t *testing.T) {
	mod, err := Auto{}.Fit(smoothtest.History(), nil)
	if err != nil {
		t.Fatal(err)
	}
	em := mod.(*Model)
	if em.Spec() != MAN {
		t.Errorf("selected %v, R selects MAN", em.Spec())
	}
	if em.LogLik() < -57.274315140980981-1e-4 {
		t.Errorf("loglik %.10g, R's -57.274315140980981", em.LogLik())
	}
	if d := em.AICc() - 128.83434456767625; d > 2e-4 {
		t.Errorf("AICc %.10g, R's 128.83434456767625", em.AICc())
	}
}

// TestSimulatedIntervals compares the intervals from 100000 simulated paths
// of R's MAN fit with those of R forecast 8.20, which draws its own paths:
//
//	set.seed(2011)
//	forecast(ets(y, model = "MAN", damped = FALSE), h = 8, level = 95, simulate = TRUE, npaths = 100000)
//
// The two differ by their Monte Carlo error (a few tenths of a percent
// here), and both lie close to the analytic interval.
func TestSimulatedIntervals(t *testing.T) {
	rLo := []float64{221.773299, 228.813234, 235.344987, 241.773919, 247.572762, 252.851561, 257.964905, 262.310270}
	rHi := []float64{246.727530, 255.206476, 264.064294, 273.664554, 283.446209, 293.818946, 304.926292, 316.113034}
	c := rCases[5]
	if c.spec != MAN {
		t.Fatalf("rCases[5] is %v, want MAN", c.spec)
	}
	m := Method{Spec: MAN, Alpha: c.par.Alpha, Beta: c.par.Beta, Initial: []float64{c.par.L0, c.par.B0}, Simulate: 100000, Seed: 1}
	mod, err := m.Fit(smoothtest.History(), nil)
	if err != nil {
		t.Fatal(err)
	}
	fc, err := mod.Forecast(forecast.Scenario{Horizon: 8}, 0.95)
	if err != nil {
		t.Fatal(err)
	}
	opt := cmpopts.EquateApprox(0.005, 0)
	if diff := cmp.Diff(c.mean, fc.Point.Values, cmpopts.EquateApprox(1e-8, 0)); diff != "" {
		t.Errorf("mean (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(rLo, fc.Lower.Values, opt); diff != "" {
		t.Errorf("lower (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(rHi, fc.Upper.Values, opt); diff != "" {
		t.Errorf("upper (-want +got):\n%s", diff)
	}
	again, err := mod.Forecast(forecast.Scenario{Horizon: 8}, 0.95)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(fc, again); diff != "" {
		t.Errorf("a second simulation differs (-first +second):\n%s", diff)
	}
}

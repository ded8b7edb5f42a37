// Package lmref holds the reference fits of R's lm for the tests of the
// least squares packages: a 20-year data set and the output of R for six
// fits of it, with a check of an lsq.Result against them.
package lmref

import (
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"gonum.org/v1/gonum/mat"

	"github.com/nonferrous/demand/lsq"
)

// The long data set: 20 years of a made-up consumption series y with a
// driver d and weights w, shared with the R script that produced the
// reference values below:
//
//	year <- 2001:2020
//	y <- c(52.1, 55.8, 61.3, 63.0, 68.9, 74.2, 77.5, 85.1, 88.0, 95.6, 101.2, 104.9, 113.7, 118.4, 124.0, 133.5, 137.2, 146.8, 152.3, 161.9)
//	d <- c(1.00, 1.08, 1.17, 1.26, 1.37, 1.50, 1.66, 1.81, 1.98, 2.19, 2.40, 2.59, 2.79, 3.00, 3.21, 3.43, 3.67, 3.91, 4.14, 4.23)
//	w <- (1:20)/10; w[3] <- 0
//	fy <- 2021:2025                        # forecast years
//	fd <- c(4.40, 4.60, 4.81, 5.03, 5.25)  # driver over the forecast years
var (
	// Start is the first year of the long data set; Y, D and FD are its
	// consumption, driver and future driver.
	Start = 2001
	Y     = []float64{52.1, 55.8, 61.3, 63.0, 68.9, 74.2, 77.5, 85.1, 88.0, 95.6, 101.2, 104.9, 113.7, 118.4, 124.0, 133.5, 137.2, 146.8, 152.3, 161.9}
	D     = []float64{1.00, 1.08, 1.17, 1.26, 1.37, 1.50, 1.66, 1.81, 1.98, 2.19, 2.40, 2.59, 2.79, 3.00, 3.21, 3.43, 3.67, 3.91, 4.14, 4.23}
	FD    = []float64{4.40, 4.60, 4.81, 5.03, 5.25}
)

// W returns the weights of the long data set: (1:20)/10 with the third 0.
func W() []float64 {
	w := make([]float64, 20)
	for i := range w {
		w[i] = float64(i+1) / 10
	}
	w[2] = 0
	return w
}

// Ref holds the output of R 4.2.2 for one lm fit of the long data set:
//
//	fit <- lm(<call>); s <- summary(fit); ll <- logLik(fit); k <- attr(ll, "df"); n <- nobs(fit)
//	coef(fit); s$coefficients[, 2:3]; s$r.squared; s$adj.r.squared; s$sigma; fit$df.residual
//	ll; AIC(fit); AIC(fit) + 2*k*(k+1)/(n-k-1); BIC(fit)     # AICc by formula, k = attr(ll, "df") = p + 1
//	predict(fit, newdata, interval = "prediction", level = 0.95)  # and level = 0.80
//
// each printed with sprintf("%.17g"); newdata is data.frame(year = fy) or
// data.frame(d = fd). Log-scale fits predict ln y.
type Ref struct {
	Call      string
	X         string // regressor: "year", "d" or "logd"
	LogY      bool
	Weighted  bool
	Intercept bool

	Coef, SE, T                     []float64
	R2, AdjR2, Sigma                float64
	DF, N                           int
	LogLik, AIC, AICc, BIC          float64
	Fit, Lwr95, Upr95, Lwr80, Upr80 []float64
}

// Long holds R's fits of the long data set.
var Long = []Ref{
	{
		// lm(y ~ year)
		Call:      "lm(y ~ year)",
		X:         "year",
		LogY:      false,
		Weighted:  false,
		Intercept: true,
		Coef:      []float64{-11415.313533834456, 5.7279699248119673},
		SE:        []float64{259.79722397379737, 0.12921967443284116},
		T:         []float64{-43.939320671824355, 44.327382420305838},
		R2:        0.99092246346020352,
		AdjR2:     0.99041815587465931,
		Sigma:     3.3322644902906959,
		DF:        18,
		N:         20,
		LogLik:    -51.398207507375332,
		AIC:       108.79641501475066,
		AICc:      110.29641501475066,
		BIC:       111.78361183541264,
		Fit:       []float64{160.91368421052903, 166.64165413534101, 172.369624060153, 178.09759398496499, 183.82556390977697},
		Lwr95:     []float64{153.19437226125632, 158.81802242888799, 164.43375281190322, 170.04189444104412, 175.64278069759277},
		Upr95:     []float64{168.63299615980173, 174.46528584179404, 180.30549530840278, 186.15329352888585, 192.00834712196118},
		Lwr80:     []float64{156.02549582885771, 161.68740615815415, 167.34430135146408, 172.99639103117858, 178.64388630814796},
		Upr80:     []float64{165.80187259220034, 171.59590211252788, 177.39494676884192, 183.1987969387514, 189.00724151140599},
	},
	{
		// lm(log(y) ~ year)
		Call:      "lm(log(y) ~ year)",
		X:         "year",
		LogY:      true,
		Weighted:  false,
		Intercept: true,
		Coef:      []float64{-114.45022601062705, 0.059192361898175901},
		SE:        []float64{1.9303360077461189, 0.00096012338643041697},
		T:         []float64{-59.290312956582291, 61.650786487186302},
		R2:        0.9952865014645893,
		AdjR2:     0.99502464043484429,
		Sigma:     0.024759271998959682,
		DF:        18,
		N:         20,
		LogLik:    46.645939170519327,
		AIC:       -87.291878341038654,
		AICc:      -85.791878341038654,
		BIC:       -84.304681520376676,
		Fit:       []float64{5.1775373855864473, 5.2367297474846168, 5.2959221093828006, 5.3551144712809702, 5.414306833179154},
		Lwr95:     []float64{5.1201816310376271, 5.178598880020715, 5.2369572837044522, 5.2952593017015497, 5.3535074110896677},
		Upr95:     []float64{5.2348931401352674, 5.2948606149485187, 5.354886935061149, 5.4149696408603907, 5.4751062552686403},
		Lwr80:     []float64{5.141217343742051, 5.1999188720049325, 5.2585831369844467, 5.3172116962093323, 5.375806118267878},
		Upr80:     []float64{5.2138574274308436, 5.2735406229643011, 5.3332610817811545, 5.393017246352608, 5.4528075480904299},
	},
	{
		// lm(y ~ d)
		Call:      "lm(y ~ d)",
		X:         "d",
		LogY:      false,
		Weighted:  false,
		Intercept: true,
		Coef:      []float64{24.437547956463924, 31.548853913426768},
		SE:        []float64{1.2707505586425556, 0.48183479761713616},
		T:         []float64{19.230798515303164, 65.476495407654951},
		R2:        0.99581898184417994,
		AdjR2:     0.99558670305774544,
		Sigma:     2.2614994632613623,
		DF:        18,
		N:         20,
		LogLik:    -43.645726959480896,
		AIC:       93.291453918961793,
		AICc:      94.791453918961793,
		BIC:       96.278650739623771,
		Fit:       []float64{163.25250517554173, 169.56227595822705, 176.18753528004666, 183.12828314100059, 190.06903100195447},
		Lwr95:     []float64{157.98730056825909, 164.21670086207888, 170.7507313511183, 177.58876304317113, 184.41987847510106},
		Upr95:     []float64{168.51770978282437, 174.90785105437521, 181.62433920897502, 188.66780323883006, 195.71818352880788},
		Lwr80:     []float64{159.91835931415235, 166.17723617099512, 172.74472561340062, 179.62042933742475, 186.49175339877954},
		Upr80:     []float64{166.5866510369311, 172.94731574545898, 179.6303449466927, 186.63613694457644, 193.64630860512941},
	},
	{
		// lm(log(y) ~ log(d))
		Call:      "lm(log(y) ~ log(d))",
		X:         "logd",
		LogY:      true,
		Weighted:  false,
		Intercept: true,
		Coef:      []float64{3.979089967793402, 0.73824369454376926},
		SE:        []float64{0.0087313029128851371, 0.0096137879394140782},
		T:         []float64{455.72694104121592, 76.79009555818871},
		R2:        0.99695674457532324,
		AdjR2:     0.99678767482950792,
		Sigma:     0.019894607944087483,
		DF:        18,
		N:         20,
		LogLik:    51.020965323502253,
		AIC:       -96.041930647004506,
		AICc:      -94.541930647004506,
		BIC:       -93.054733826342527,
		Fit:       []float64{5.07287517793812, 5.1056914113673946, 5.1386471861815561, 5.171663585103822, 5.203266389461402},
		Lwr95:     []float64{5.0277719164618953, 5.0602986540225992, 5.0929477930411942, 5.125641324707912, 5.1569206985849902},
		Upr95:     []float64{5.1179784394143448, 5.15108416871219, 5.1843465793219181, 5.2176858454997319, 5.2496120803378137},
		Lwr80:     []float64{5.0443139227158413, 5.0769468353581608, 5.1097084356729443, 5.142520381662389, 5.1739183764297554},
		Upr80:     []float64{5.1014364331603987, 5.1344359873766283, 5.167585936690168, 5.2008067885452549, 5.2326144024930485},
	},
	{
		// lm(y ~ year, weights = w)
		Call:      "lm(y ~ year, weights = w)",
		X:         "year",
		LogY:      false,
		Weighted:  true,
		Intercept: true,
		Coef:      []float64{-12249.135552735581, 6.1419944763752552},
		SE:        []float64{267.08960547241389, 0.13262790030736268},
		T:         []float64{-45.861521009288104, 46.309972955473903},
		R2:        0.99213550468120348,
		AdjR2:     0.99167288730950953,
		Sigma:     2.8229456717651158,
		DF:        17,
		N:         19,
		LogLik:    -46.877082075072536,
		AIC:       99.754164150145073,
		AICc:      101.35416415014507,
		BIC:       102.58748108764439,
		Fit:       []float64{163.83528401880903, 169.9772784951856, 176.11927297156035, 182.2612674479351, 188.40326192431166},
		Lwr95:     []float64{157.41489061134882, 163.46391265659048, 169.50239935088112, 175.5308367484518, 181.54972435507798},
		Upr95:     []float64{170.25567742626924, 176.49064433378072, 182.73614659223958, 188.99169814741839, 195.25679949354534},
		Lwr80:     []float64{159.77766858864729, 165.8609055485897, 171.93748428685123, 178.00771198416473, 184.07190432248575},
		Upr80:     []float64{167.89289944897078, 174.0936514417815, 180.30106165626947, 186.51482291170547, 192.73461952613758},
	},
	{
		// lm(log(y) ~ log(d), weights = w)
		Call:      "lm(log(y) ~ log(d), weights = w)",
		X:         "logd",
		LogY:      true,
		Weighted:  true,
		Intercept: true,
		Coef:      []float64{3.9750481512892786, 0.7422438251178205},
		SE:        []float64{0.014570996107876405, 0.013169264975554361},
		T:         []float64{272.80551870716317, 56.361826305083945},
		R2:        0.99467694615487989,
		AdjR2:     0.99436382534046108,
		Sigma:     0.021346507706301823,
		DF:        17,
		N:         19,
		LogLik:    45.931230502343737,
		AIC:       -85.862461004687475,
		AICc:      -84.262461004687481,
		BIC:       -83.029144067188156,
		Fit:       []float64{5.0747599730568007, 5.1077540193406055, 5.1408883631061846, 5.174083659468077, 5.2058577017852503},
		Lwr95:     []float64{5.0270964819959243, 5.059763116071073, 5.0925391261266446, 5.1253464100404935, 5.1567224796720055},
		Upr95:     []float64{5.1224234641176771, 5.1557449226101379, 5.1892376000857245, 5.2228209088956605, 5.2549929238984951},
		Lwr80:     []float64{5.0446371901508087, 5.077424315651796, 5.1103321965982618, 5.1432822735169887, 5.1748048016343864},
		Upr80:     []float64{5.1048827559627927, 5.138083723029415, 5.1714445296141074, 5.2048850454191653, 5.2369106019361142},
	},
	{
		// lm(y ~ 0 + d)
		Call:      "lm(y ~ 0 + d)",
		X:         "d",
		LogY:      false,
		Weighted:  false,
		Intercept: false,
		Coef:      []float64{40.049637441799106},
		SE:        []float64{0.86628274828860441},
		T:         []float64{46.231599926143815},
		R2:        0.99118885869173035,
		AdjR2:     0.99072511441234778,
		Sigma:     10.21731567761414,
		DF:        19,
		N:         20,
		LogLik:    -74.347515648661769,
		AIC:       152.69503129732354,
		AICc:      153.40091365026473,
		BIC:       154.68649584443153,
		Fit:       []float64{176.2184047439161, 184.22833223227587, 192.63875609505368, 201.44967633224951, 210.26059656944531},
		Lwr95:     []float64{153.39367558573099, 161.27433936572217, 169.54368633289207, 178.2010406681926, 186.85260424560258},
		Upr95:     []float64{199.0431339021012, 207.18232509882958, 215.73382585721529, 224.69831199630642, 233.66858889328805},
		Lwr80:     []float64{161.73933714653677, 169.66726506511475, 177.98819555893388, 186.70169991623976, 195.41153085537027},
		Upr80:     []float64{190.69747234129542, 198.789399399437, 207.28931663117348, 216.19765274825926, 225.10966228352035},
	},
}

// Design returns the design, response and weights of ref over the long
// data set, and the design rows of the forecast years.
func (ref Ref) Design() (x *mat.Dense, y, w []float64, rows [][]float64) {
	reg := func(i int, future bool) float64 {
		switch ref.X {
		case "year":
			if future {
				return float64(2021 + i)
			}
			return float64(Start + i)
		case "d", "logd":
			v := D[i]
			if future {
				v = FD[i]
			}
			if ref.X == "logd" {
				v = math.Log(v)
			}
			return v
		}
		panic("bad regressor " + ref.X)
	}
	row := func(i int, future bool) []float64 {
		if ref.Intercept {
			return []float64{1, reg(i, future)}
		}
		return []float64{reg(i, future)}
	}
	n := len(Y)
	p := len(row(0, false))
	x = mat.NewDense(n, p, nil)
	y = make([]float64, n)
	for i := range n {
		x.SetRow(i, row(i, false))
		y[i] = Y[i]
		if ref.LogY {
			y[i] = math.Log(y[i])
		}
	}
	if ref.Weighted {
		w = W()
	}
	for i := range 5 {
		rows = append(rows, row(i, true))
	}
	return x, y, w, rows
}

// Tol is the relative tolerance against R.
const Tol = 1e-8 // relative tolerance against R

// Approx compares to Tol, relative.
func Approx() cmp.Option { return cmpopts.EquateApprox(Tol, 0) }

// Check reports, through t, where the fit f differs from ref beyond Tol.
func Check(t *testing.T, f *lsq.Result, ref Ref) {
	t.Helper()
	type stats struct {
		Coef, StdErr, T        []float64
		R2, AdjR2, Sigma       float64
		LogLik, AIC, AICc, BIC float64
		N, DF                  int
	}
	want := stats{ref.Coef, ref.SE, ref.T, ref.R2, ref.AdjR2, ref.Sigma, ref.LogLik, ref.AIC, ref.AICc, ref.BIC, ref.N, ref.DF}
	got := stats{f.Coef, f.StdErr, f.T, f.R2, f.AdjR2, f.Sigma, f.LogLik, f.AIC, f.AICc, f.BIC, f.N, f.DF}
	if diff := cmp.Diff(want, got, Approx()); diff != "" {
		t.Errorf("fit mismatch (-want +got):\n%s", diff)
	}
}

package regression

import (
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"gonum.org/v1/gonum/mat"
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
	longStart = 2001
	longY     = []float64{52.1, 55.8, 61.3, 63.0, 68.9, 74.2, 77.5, 85.1, 88.0, 95.6, 101.2, 104.9, 113.7, 118.4, 124.0, 133.5, 137.2, 146.8, 152.3, 161.9}
	longD     = []float64{1.00, 1.08, 1.17, 1.26, 1.37, 1.50, 1.66, 1.81, 1.98, 2.19, 2.40, 2.59, 2.79, 3.00, 3.21, 3.43, 3.67, 3.91, 4.14, 4.23}
	longFD    = []float64{4.40, 4.60, 4.81, 5.03, 5.25}
)

func longW() []float64 {
	w := make([]float64, 20)
	for i := range w {
		w[i] = float64(i+1) / 10
	}
	w[2] = 0
	return w
}

// rRef holds the output of R 4.2.2 for one lm fit of the long data set:
//
//	fit <- lm(<call>); s <- summary(fit); ll <- logLik(fit); k <- attr(ll, "df"); n <- nobs(fit)
//	coef(fit); s$coefficients[, 2:3]; s$r.squared; s$adj.r.squared; s$sigma; fit$df.residual
//	ll; AIC(fit); AIC(fit) + 2*k*(k+1)/(n-k-1); BIC(fit)     # AICc by formula, k = attr(ll, "df") = p + 1
//	predict(fit, newdata, interval = "prediction", level = 0.95)  # and level = 0.80
//
// each printed with sprintf("%.17g"); newdata is data.frame(year = fy) or
// data.frame(d = fd). Log-scale fits predict ln y.
type rRef struct {
	call      string
	x         string // regressor: "year", "d" or "logd"
	logY      bool
	weighted  bool
	intercept bool

	coef, se, t                     []float64
	r2, adjR2, sigma                float64
	df, n                           int
	logLik, aic, aicc, bic          float64
	fit, lwr95, upr95, lwr80, upr80 []float64
}

var longRefs = []rRef{
	{
		// lm(y ~ year)
		call:      "lm(y ~ year)",
		x:         "year",
		logY:      false,
		weighted:  false,
		intercept: true,
		coef:      []float64{-11415.313533834456, 5.7279699248119673},
		se:        []float64{259.79722397379737, 0.12921967443284116},
		t:         []float64{-43.939320671824355, 44.327382420305838},
		r2:        0.99092246346020352,
		adjR2:     0.99041815587465931,
		sigma:     3.3322644902906959,
		df:        18,
		n:         20,
		logLik:    -51.398207507375332,
		aic:       108.79641501475066,
		aicc:      110.29641501475066,
		bic:       111.78361183541264,
		fit:       []float64{160.91368421052903, 166.64165413534101, 172.369624060153, 178.09759398496499, 183.82556390977697},
		lwr95:     []float64{153.19437226125632, 158.81802242888799, 164.43375281190322, 170.04189444104412, 175.64278069759277},
		upr95:     []float64{168.63299615980173, 174.46528584179404, 180.30549530840278, 186.15329352888585, 192.00834712196118},
		lwr80:     []float64{156.02549582885771, 161.68740615815415, 167.34430135146408, 172.99639103117858, 178.64388630814796},
		upr80:     []float64{165.80187259220034, 171.59590211252788, 177.39494676884192, 183.1987969387514, 189.00724151140599},
	},
	{
		// lm(log(y) ~ year)
		call:      "lm(log(y) ~ year)",
		x:         "year",
		logY:      true,
		weighted:  false,
		intercept: true,
		coef:      []float64{-114.45022601062705, 0.059192361898175901},
		se:        []float64{1.9303360077461189, 0.00096012338643041697},
		t:         []float64{-59.290312956582291, 61.650786487186302},
		r2:        0.9952865014645893,
		adjR2:     0.99502464043484429,
		sigma:     0.024759271998959682,
		df:        18,
		n:         20,
		logLik:    46.645939170519327,
		aic:       -87.291878341038654,
		aicc:      -85.791878341038654,
		bic:       -84.304681520376676,
		fit:       []float64{5.1775373855864473, 5.2367297474846168, 5.2959221093828006, 5.3551144712809702, 5.414306833179154},
		lwr95:     []float64{5.1201816310376271, 5.178598880020715, 5.2369572837044522, 5.2952593017015497, 5.3535074110896677},
		upr95:     []float64{5.2348931401352674, 5.2948606149485187, 5.354886935061149, 5.4149696408603907, 5.4751062552686403},
		lwr80:     []float64{5.141217343742051, 5.1999188720049325, 5.2585831369844467, 5.3172116962093323, 5.375806118267878},
		upr80:     []float64{5.2138574274308436, 5.2735406229643011, 5.3332610817811545, 5.393017246352608, 5.4528075480904299},
	},
	{
		// lm(y ~ d)
		call:      "lm(y ~ d)",
		x:         "d",
		logY:      false,
		weighted:  false,
		intercept: true,
		coef:      []float64{24.437547956463924, 31.548853913426768},
		se:        []float64{1.2707505586425556, 0.48183479761713616},
		t:         []float64{19.230798515303164, 65.476495407654951},
		r2:        0.99581898184417994,
		adjR2:     0.99558670305774544,
		sigma:     2.2614994632613623,
		df:        18,
		n:         20,
		logLik:    -43.645726959480896,
		aic:       93.291453918961793,
		aicc:      94.791453918961793,
		bic:       96.278650739623771,
		fit:       []float64{163.25250517554173, 169.56227595822705, 176.18753528004666, 183.12828314100059, 190.06903100195447},
		lwr95:     []float64{157.98730056825909, 164.21670086207888, 170.7507313511183, 177.58876304317113, 184.41987847510106},
		upr95:     []float64{168.51770978282437, 174.90785105437521, 181.62433920897502, 188.66780323883006, 195.71818352880788},
		lwr80:     []float64{159.91835931415235, 166.17723617099512, 172.74472561340062, 179.62042933742475, 186.49175339877954},
		upr80:     []float64{166.5866510369311, 172.94731574545898, 179.6303449466927, 186.63613694457644, 193.64630860512941},
	},
	{
		// lm(log(y) ~ log(d))
		call:      "lm(log(y) ~ log(d))",
		x:         "logd",
		logY:      true,
		weighted:  false,
		intercept: true,
		coef:      []float64{3.979089967793402, 0.73824369454376926},
		se:        []float64{0.0087313029128851371, 0.0096137879394140782},
		t:         []float64{455.72694104121592, 76.79009555818871},
		r2:        0.99695674457532324,
		adjR2:     0.99678767482950792,
		sigma:     0.019894607944087483,
		df:        18,
		n:         20,
		logLik:    51.020965323502253,
		aic:       -96.041930647004506,
		aicc:      -94.541930647004506,
		bic:       -93.054733826342527,
		fit:       []float64{5.07287517793812, 5.1056914113673946, 5.1386471861815561, 5.171663585103822, 5.203266389461402},
		lwr95:     []float64{5.0277719164618953, 5.0602986540225992, 5.0929477930411942, 5.125641324707912, 5.1569206985849902},
		upr95:     []float64{5.1179784394143448, 5.15108416871219, 5.1843465793219181, 5.2176858454997319, 5.2496120803378137},
		lwr80:     []float64{5.0443139227158413, 5.0769468353581608, 5.1097084356729443, 5.142520381662389, 5.1739183764297554},
		upr80:     []float64{5.1014364331603987, 5.1344359873766283, 5.167585936690168, 5.2008067885452549, 5.2326144024930485},
	},
	{
		// lm(y ~ year, weights = w)
		call:      "lm(y ~ year, weights = w)",
		x:         "year",
		logY:      false,
		weighted:  true,
		intercept: true,
		coef:      []float64{-12249.135552735581, 6.1419944763752552},
		se:        []float64{267.08960547241389, 0.13262790030736268},
		t:         []float64{-45.861521009288104, 46.309972955473903},
		r2:        0.99213550468120348,
		adjR2:     0.99167288730950953,
		sigma:     2.8229456717651158,
		df:        17,
		n:         19,
		logLik:    -46.877082075072536,
		aic:       99.754164150145073,
		aicc:      101.35416415014507,
		bic:       102.58748108764439,
		fit:       []float64{163.83528401880903, 169.9772784951856, 176.11927297156035, 182.2612674479351, 188.40326192431166},
		lwr95:     []float64{157.41489061134882, 163.46391265659048, 169.50239935088112, 175.5308367484518, 181.54972435507798},
		upr95:     []float64{170.25567742626924, 176.49064433378072, 182.73614659223958, 188.99169814741839, 195.25679949354534},
		lwr80:     []float64{159.77766858864729, 165.8609055485897, 171.93748428685123, 178.00771198416473, 184.07190432248575},
		upr80:     []float64{167.89289944897078, 174.0936514417815, 180.30106165626947, 186.51482291170547, 192.73461952613758},
	},
	{
		// lm(log(y) ~ log(d), weights = w)
		call:      "lm(log(y) ~ log(d), weights = w)",
		x:         "logd",
		logY:      true,
		weighted:  true,
		intercept: true,
		coef:      []float64{3.9750481512892786, 0.7422438251178205},
		se:        []float64{0.014570996107876405, 0.013169264975554361},
		t:         []float64{272.80551870716317, 56.361826305083945},
		r2:        0.99467694615487989,
		adjR2:     0.99436382534046108,
		sigma:     0.021346507706301823,
		df:        17,
		n:         19,
		logLik:    45.931230502343737,
		aic:       -85.862461004687475,
		aicc:      -84.262461004687481,
		bic:       -83.029144067188156,
		fit:       []float64{5.0747599730568007, 5.1077540193406055, 5.1408883631061846, 5.174083659468077, 5.2058577017852503},
		lwr95:     []float64{5.0270964819959243, 5.059763116071073, 5.0925391261266446, 5.1253464100404935, 5.1567224796720055},
		upr95:     []float64{5.1224234641176771, 5.1557449226101379, 5.1892376000857245, 5.2228209088956605, 5.2549929238984951},
		lwr80:     []float64{5.0446371901508087, 5.077424315651796, 5.1103321965982618, 5.1432822735169887, 5.1748048016343864},
		upr80:     []float64{5.1048827559627927, 5.138083723029415, 5.1714445296141074, 5.2048850454191653, 5.2369106019361142},
	},
	{
		// lm(y ~ 0 + d)
		call:      "lm(y ~ 0 + d)",
		x:         "d",
		logY:      false,
		weighted:  false,
		intercept: false,
		coef:      []float64{40.049637441799106},
		se:        []float64{0.86628274828860441},
		t:         []float64{46.231599926143815},
		r2:        0.99118885869173035,
		adjR2:     0.99072511441234778,
		sigma:     10.21731567761414,
		df:        19,
		n:         20,
		logLik:    -74.347515648661769,
		aic:       152.69503129732354,
		aicc:      153.40091365026473,
		bic:       154.68649584443153,
		fit:       []float64{176.2184047439161, 184.22833223227587, 192.63875609505368, 201.44967633224951, 210.26059656944531},
		lwr95:     []float64{153.39367558573099, 161.27433936572217, 169.54368633289207, 178.2010406681926, 186.85260424560258},
		upr95:     []float64{199.0431339021012, 207.18232509882958, 215.73382585721529, 224.69831199630642, 233.66858889328805},
		lwr80:     []float64{161.73933714653677, 169.66726506511475, 177.98819555893388, 186.70169991623976, 195.41153085537027},
		upr80:     []float64{190.69747234129542, 198.789399399437, 207.28931663117348, 216.19765274825926, 225.10966228352035},
	},
}

// design returns the design, response and weights of ref over the long
// data set, and the design rows of the forecast years.
func (ref rRef) design() (x *mat.Dense, y, w []float64, rows [][]float64) {
	reg := func(i int, future bool) float64 {
		switch ref.x {
		case "year":
			if future {
				return float64(2021 + i)
			}
			return float64(longStart + i)
		case "d", "logd":
			v := longD[i]
			if future {
				v = longFD[i]
			}
			if ref.x == "logd" {
				v = math.Log(v)
			}
			return v
		}
		panic("bad regressor " + ref.x)
	}
	row := func(i int, future bool) []float64 {
		if ref.intercept {
			return []float64{1, reg(i, future)}
		}
		return []float64{reg(i, future)}
	}
	n := len(longY)
	p := len(row(0, false))
	x = mat.NewDense(n, p, nil)
	y = make([]float64, n)
	for i := range n {
		x.SetRow(i, row(i, false))
		y[i] = longY[i]
		if ref.logY {
			y[i] = math.Log(y[i])
		}
	}
	if ref.weighted {
		w = longW()
	}
	for i := range 5 {
		rows = append(rows, row(i, true))
	}
	return x, y, w, rows
}

const tol = 1e-8 // relative tolerance against R

func approx() cmp.Option { return cmpopts.EquateApprox(tol, 0) }

func TestOLSAgainstR(t *testing.T) {
	for _, ref := range longRefs {
		t.Run(ref.call, func(t *testing.T) {
			x, y, w, rows := ref.design()
			f, err := OLS(x, y, w)
			if err != nil {
				t.Fatal(err)
			}
			checkFit(t, f, ref)
			for _, lv := range []struct {
				level    float64
				lwr, upr []float64
			}{{0.95, ref.lwr95, ref.upr95}, {0.80, ref.lwr80, ref.upr80}} {
				var mean, lwr, upr []float64
				for _, r := range rows {
					m, lo, up, err := f.Predict(r, lv.level)
					if err != nil {
						t.Fatal(err)
					}
					mean, lwr, upr = append(mean, m), append(lwr, lo), append(upr, up)
				}
				want := [][]float64{ref.fit, lv.lwr, lv.upr}
				if diff := cmp.Diff(want, [][]float64{mean, lwr, upr}, approx()); diff != "" {
					t.Errorf("level %g: predict (fit, lwr, upr) mismatch (-want +got):\n%s", lv.level, diff)
				}
			}
		})
	}
}

func checkFit(t *testing.T, f *Fit, ref rRef) {
	t.Helper()
	type stats struct {
		Coef, StdErr, T        []float64
		R2, AdjR2, Sigma       float64
		LogLik, AIC, AICc, BIC float64
		N, DF                  int
	}
	want := stats{ref.coef, ref.se, ref.t, ref.r2, ref.adjR2, ref.sigma, ref.logLik, ref.aic, ref.aicc, ref.bic, ref.n, ref.df}
	got := stats{f.Coef, f.StdErr, f.T, f.R2, f.AdjR2, f.Sigma, f.LogLik, f.AIC, f.AICc, f.BIC, f.N, f.DF}
	if diff := cmp.Diff(want, got, approx()); diff != "" {
		t.Errorf("fit mismatch (-want +got):\n%s", diff)
	}
}

package octane

import (
	"fmt"
	"math"
	"sort"
)

// GeometricMean is base.js's BenchmarkSuite.GeometricMean: exp of the mean
// of the logs. It is NaN for no numbers and for any number <= 0, which a
// score or a time never is.
func GeometricMean(xs []float64) float64 {
	if len(xs) == 0 {
		return math.NaN()
	}
	var logs float64
	for _, x := range xs {
		if !(x > 0) {
			return math.NaN()
		}
		logs += math.Log(x)
	}
	return math.Exp(logs / float64(len(xs)))
}

// SuiteScore is base.js's NotifyResult rule as printed: 100 × the suite's
// reference time over the geometric mean of its benchmarks' times per run
// (microseconds).
func SuiteScore(reference float64, usec []float64) float64 {
	return 100 * reference / GeometricMean(usec)
}

// Median of xs (the mean of the middle two for an even count); NaN for none.
func Median(xs []float64) float64 {
	if len(xs) == 0 {
		return math.NaN()
	}
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

// validScore reports whether x can be a score: finite and positive.
func validScore(x float64) error {
	if math.IsNaN(x) || math.IsInf(x, 0) || x <= 0 {
		return fmt.Errorf("invalid score %v", x)
	}
	return nil
}

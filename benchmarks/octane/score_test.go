package octane

import (
	"math"
	"testing"
)

func TestGeometricMean(t *testing.T) {
	for _, c := range []struct {
		in   []float64
		want float64
	}{
		{[]float64{4}, 4},
		{[]float64{1, 100}, 10},
		{[]float64{2, 8, 4}, 4},
	} {
		if got := GeometricMean(c.in); math.Abs(got-c.want) > 1e-9 {
			t.Errorf("GeometricMean(%v) = %v, want %v", c.in, got, c.want)
		}
	}
	for _, bad := range [][]float64{nil, {1, 0}, {-1, 4}} {
		if got := GeometricMean(bad); !math.IsNaN(got) {
			t.Errorf("GeometricMean(%v) = %v, want NaN", bad, got)
		}
	}
}

func TestSuiteScore(t *testing.T) {
	// Richards' reference is 35302 µs: a run that takes exactly that long
	// scores 100, one twice as fast 200 (base.js: 100 * reference / time).
	if got := SuiteScore(35302, []float64{35302}); math.Abs(got-100) > 1e-9 {
		t.Errorf("score at reference = %v, want 100", got)
	}
	if got := SuiteScore(35302, []float64{35302 / 2.0}); math.Abs(got-200) > 1e-9 {
		t.Errorf("score at half the reference = %v, want 200", got)
	}
	// Two benchmarks (Crypto: Encrypt, Decrypt): geometric mean of times.
	if got := SuiteScore(1000, []float64{100, 10000}); math.Abs(got-100) > 1e-9 {
		t.Errorf("two-benchmark score = %v, want 100", got)
	}
}

func TestMedian(t *testing.T) {
	for _, c := range []struct {
		in   []float64
		want float64
	}{
		{[]float64{3}, 3},
		{[]float64{5, 1, 3}, 3},
		{[]float64{4, 1, 3, 2}, 2.5},
	} {
		if got := Median(c.in); got != c.want {
			t.Errorf("Median(%v) = %v, want %v", c.in, got, c.want)
		}
	}
	in := []float64{3, 1, 2}
	Median(in)
	if in[0] != 3 || in[1] != 1 {
		t.Errorf("Median reordered its input: %v", in)
	}
	if !math.IsNaN(Median(nil)) {
		t.Error("Median(nil) is not NaN")
	}
}

package octane

import (
	"encoding/json"
	"fmt"
	"math"
	"strings"
	"testing"
)

// fakeOutput prints driver lines for suites whose benchmarks each ran at
// their reference time divided by speed, so every suite scores 100*speed.
func fakeOutput(suites []string, speed float64) string {
	var b strings.Builder
	b.WriteString("some runtime chatter\r\n")
	var scores []float64
	for _, name := range suites {
		usec := reference(name) / speed
		l, _ := json.Marshal(SuiteResult{Suite: name, Score: SuiteScore(reference(name), []float64{usec}),
			Benchmarks: []string{name}, Usec: []float64{usec}})
		fmt.Fprintf(&b, "EBBBENCH %s\r\n", l)
		scores = append(scores, 100*speed)
	}
	fmt.Fprintf(&b, "[  1.0] kernel noise EBBBENCH {\"total\":%v,\"mode\":\"quick\",\"ok\":true,\"millis\":12}\n", GeometricMean(scores))
	return b.String()
}

func TestParse(t *testing.T) {
	run, err := Parse(strings.NewReader(fakeOutput(SuiteNames(), 2)), SuiteNames())
	if err != nil {
		t.Fatal(err)
	}
	if len(run.Suites) != 8 || run.Mode != "quick" || run.Millis != 12 {
		t.Fatalf("run = %+v", run)
	}
	for _, s := range SuiteNames() {
		if got := run.Score(s); math.Abs(got-200) > 1e-9 {
			t.Errorf("%s score = %v, want 200", s, got)
		}
	}
	if math.Abs(run.Total-200) > 1e-9 {
		t.Errorf("total = %v, want 200", run.Total)
	}
	subset := []string{"Richards", "Splay"}
	if _, err := Parse(strings.NewReader(fakeOutput(subset, 1)), subset); err != nil {
		t.Errorf("subset run: %v", err)
	}
}

func TestParseRejects(t *testing.T) {
	all := SuiteNames()
	good := fakeOutput(all, 1)
	for name, c := range map[string]struct {
		out  string
		want []string
	}{
		"missing suite":  {fakeOutput(all[1:], 1), all},
		"extra suite":    {good, all[:7]},
		"no total":       {good[:strings.LastIndex(good, "[  1.0]")], all},
		"suite error":    {`EBBBENCH {"suite":"RegExp","error":"SyntaxError: x"}` + "\n" + good, all},
		"driver not ok":  {strings.Replace(good, `"ok":true`, `"ok":false`, 1), all},
		"wrong total":    {strings.Replace(good, `"total":100`, `"total":90`, 1), all},
		"score mismatch": {strings.Replace(good, `"usec":[35302]`, `"usec":[35000]`, 1), all},
		"bad json":       {"EBBBENCH {\n" + good, all},
	} {
		if _, err := Parse(strings.NewReader(c.out), c.want); err == nil {
			t.Errorf("%s: Parse accepted it", name)
		}
	}
}

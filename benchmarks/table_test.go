package benchmarks

import (
	"bytes"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ebbnode/ebbnode/benchmarks/octane"
)

// fixedResult is a hand-made result: two suites, node (a) ten times
// ebbnode (b), the Linux VM (d) half of b, the native image (c) missing.
func fixedResult() *Result {
	run := func(rich, splay float64) RunRecord {
		return RunRecord{Rep: 1, Seconds: 2, Run: &octane.Run{Suites: []octane.SuiteResult{
			{Suite: "Richards", Score: rich}, {Suite: "Splay", Score: splay}}}}
	}
	cfg := func(key string) Config { c, _ := configByKey(key); return c }
	r := &Result{
		Quick: true, Suite: "benchmark-octane@1.0.1", Suites: []string{"Richards", "Splay"}, Reps: 3, Completed: 3,
		VM: VM{Machine: "q35", MemoryMiB: 1024, CPUs: 1, Accel: "tcg"},
		Configs: []*ConfigResult{
			{Config: cfg("a"), Available: true, Runs: []RunRecord{run(1000, 4000), run(3000, 1000), run(2000, 8000)}},
			{Config: cfg("b"), Available: true, Runs: []RunRecord{run(200, 400), run(100, 800), {Rep: 3, Seconds: 1, Error: "boom\nmore"}}},
			{Config: cfg("c"), Unavailable: "`ebbnode build` does not exist yet"},
			{Config: cfg("d"), Available: true, Runs: []RunRecord{run(50, 200), run(100, 200), run(100, 100)}},
		},
	}
	r.summarize()
	return r
}

func TestSummarize(t *testing.T) {
	r := fixedResult()
	near := func(what string, got, want float64) {
		t.Helper()
		if math.Abs(got-want) > 1e-9*math.Max(1, want) {
			t.Errorf("%s = %v, want %v", what, got, want)
		}
	}
	a, b, d := r.config("a"), r.config("b"), r.config("d")
	near("a Richards median", a.Median[0], 2000)
	near("a Splay median", a.Median[1], 4000)
	near("b Richards median (failed run left out)", b.Median[0], 150)
	near("b Splay median", b.Median[1], 600)
	near("d Richards median", d.Median[0], 100)
	near("a geomean", a.Geomean, math.Sqrt(2000*4000))
	near("a seconds", a.Seconds, 6)
	near("b seconds (failed run counted)", b.Seconds, 5)
	if r.config("c").Median != nil {
		t.Error("unavailable c has medians")
	}
	for _, q := range r.Ratios {
		switch q.Name {
		case "b/a":
			near("b/a Richards", q.Suites[0], 150.0/2000)
			near("b/a geomean", q.Geomean, b.Geomean/a.Geomean)
		case "c/d", "c/b":
			if q.Suites != nil || q.Missing != "no results for c" {
				t.Errorf("%s = %+v, want missing c", q.Name, q)
			}
		default:
			t.Errorf("unexpected ratio %s", q.Name)
		}
	}
}

func TestWriteTable(t *testing.T) {
	var b bytes.Buffer
	if err := WriteTable(&b, fixedResult()); err != nil {
		t.Fatal(err)
	}
	want := `V8 benchmark suite v7 (benchmark-octane@1.0.1), quick mode, medians of 3 run(s); higher is better
VM for c and d: q35, 1024 MiB, 1 CPU, tcg
     suite  a node  b ebbnode exec  c ebbnode native  d Linux VM  c/d  c/b    b/a
  Richards    2000             150               n/a         100    -    -  0.075
     Splay    4000             600               n/a         200    -    -   0.15
   Geomean    2828             300               n/a         141    -    -  0.106
  time (s)     6.0             5.0                 -         6.0
b (ebbnode exec) run 3 failed: boom
c (ebbnode native): not available: ` + "`ebbnode build`" + ` does not exist yet
`
	if b.String() != want {
		t.Errorf("table:\n%s\nwant:\n%s", b.String(), want)
	}
	partial := fixedResult()
	partial.Completed = 1
	b.Reset()
	if err := WriteTable(&b, partial); err != nil || !strings.Contains(b.String(), "medians of 1 run(s) (1 of 3 repetitions done)") {
		t.Errorf("partial session: %v\n%s", err, b.String())
	}
}

func TestFormatScore(t *testing.T) {
	for x, want := range map[float64]string{12345.6: "12346", 100.4: "100", 99.94: "99.9", 5.3682: "5.37", 0.012345: "0.0123"} {
		if got := FormatScore(x); got != want {
			t.Errorf("FormatScore(%v) = %q, want %q", x, got, want)
		}
	}
}

func TestSaveAndChart(t *testing.T) {
	dir := t.TempDir()
	r := fixedResult()
	paths, err := Save(r, dir, "fixed")
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) != 3 {
		t.Fatalf("wrote %v, want json, txt and svg", paths)
	}
	js, err := os.ReadFile(filepath.Join(dir, "fixed.json"))
	if err != nil {
		t.Fatal(err)
	}
	var back Result
	if err := json.Unmarshal(js, &back); err != nil {
		t.Fatal(err)
	}
	if len(back.Configs) != 4 || back.Configs[0].Median[0] != 2000 || back.Configs[2].Unavailable == "" {
		t.Errorf("JSON round trip lost data: %s", js)
	}
	svg, err := os.ReadFile(filepath.Join(dir, "fixed.svg"))
	if err != nil {
		t.Fatal(err)
	}
	s := string(svg)
	// Three configurations with results × (2 suites + geomean) bars, plus
	// the background and three legend swatches.
	if n := strings.Count(s, "<rect "); n != 3*3+1+3 {
		t.Errorf("%d rects in the chart, want 13", n)
	}
	// Normalised to d: d's bars are 1, a's Richards bar is 2000/100.
	for _, bar := range []string{"<title>Linux VM Richards: 1</title>", "<title>node Richards: 20</title>", "relative to d (Linux VM)"} {
		if !strings.Contains(s, bar) {
			t.Errorf("chart lacks %q", bar)
		}
	}
	// Without d the chart falls back to the first configuration with results.
	r.Configs = r.Configs[:2]
	var b bytes.Buffer
	if err := WriteChart(&b, r); err != nil || !strings.Contains(b.String(), "relative to a (node)") {
		t.Errorf("chart without d: %v\n%s", err, b.String())
	}
}

// TestWriteRuns: a session that recorded loads and c's kernel counters
// lists every run with them, and each ratio repetition by repetition
// (the geomean ratio of the paired runs) with its spread; a failed run
// leaves a gap.
func TestWriteRuns(t *testing.T) {
	run := func(rep int, rich, splay float64, k KernelCounters) RunRecord {
		return RunRecord{Rep: rep, Seconds: 10, Load1: 1.5, Kernel: k, Run: &octane.Run{Total: math.Sqrt(rich * splay),
			Suites: []octane.SuiteResult{{Suite: "Richards", Score: rich}, {Suite: "Splay", Score: splay}}}}
	}
	cfg := func(key string) Config { c, _ := configByKey(key); return c }
	k := KernelCounters{"traps": 900, "syscalls": 800, "timer": 70, "pagefaults": 60, "faults-2m": 5, "switches": 40, "halts": 3, "tlb-grows": 2}
	r := &Result{
		Quick: true, Suite: "benchmark-octane@1.0.1", Suites: []string{"Richards", "Splay"}, Reps: 3, Completed: 3,
		VM: VM{Machine: "q35", MemoryMiB: 1024, CPUs: 1, Accel: "tcg"},
		Configs: []*ConfigResult{
			{Config: cfg("c"), Available: true, Runs: []RunRecord{run(1, 20, 80, k), run(2, 10, 10, k), {Rep: 3, Seconds: 1, Error: "boom"}}},
			{Config: cfg("d"), Available: true, Runs: []RunRecord{run(1, 10, 10, nil), run(2, 10, 40, nil), run(3, 10, 10, nil)}},
		},
	}
	r.summarize()
	var cd Ratio
	for _, q := range r.Ratios {
		if q.Name == "c/d" {
			cd = q
		}
	}
	if len(cd.Reps) != 3 || math.Abs(cd.Reps[0]-4) > 1e-9 || math.Abs(cd.Reps[1]-0.5) > 1e-9 || cd.Reps[2] != 0 {
		t.Fatalf("c/d by repetition %v, want [4 0.5 0]", cd.Reps)
	}
	var b bytes.Buffer
	if err := WriteTable(&b, r); err != nil {
		t.Fatal(err)
	}
	// Column widths follow the cells: compare the words of each line.
	var lines []string
	for _, l := range strings.Split(b.String(), "\n") {
		lines = append(lines, strings.Join(strings.Fields(l), " "))
	}
	text := strings.Join(lines, "\n")
	for _, want := range []string{
		"rep config total s load traps syscalls timer pagefaults faults-2m switches halts tlb-grows",
		"1 c 40 10.0 1.50 900 800 70 60 5 40 3 2",
		"1 d 10 10.0 1.50 - - - - - - - -",
		"3 c failed 1.0 - - - - - - - - -",
		"c/d by repetition (geomean): 4 0.5 -; spread 0.5-4",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("table lacks %q:\n%s", want, b.String())
		}
	}
}

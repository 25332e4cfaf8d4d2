package benchmarks

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ebbnode/ebbnode/benchmarks/octane"
)

// checkScores fails unless configuration key ran every wanted suite once
// with a valid score.
func checkScores(t *testing.T, r *Result, key string, suites []string) {
	t.Helper()
	c := r.config(key)
	if c == nil || !c.Available {
		t.Fatalf("%s not available: %+v", key, c)
	}
	if len(c.Runs) != r.Reps {
		t.Fatalf("%s: %d runs, want %d", key, len(c.Runs), r.Reps)
	}
	for _, run := range c.Runs {
		if run.Run == nil {
			t.Fatalf("%s run %d failed: %s", key, run.Rep, run.Error)
		}
		for _, s := range suites {
			if sc := run.Run.Score(s); !(sc > 0) {
				t.Errorf("%s run %d: %s score %v", key, run.Rep, s, sc)
			}
		}
	}
	if len(c.Median) != len(suites) || !(c.Geomean > 0) {
		t.Errorf("%s: medians %v, geomean %v", key, c.Median, c.Geomean)
	}
}

// checkSaved writes the result and checks the three files are there.
func checkSaved(t *testing.T, r *Result) {
	t.Helper()
	dir := t.TempDir()
	paths, err := Save(r, filepath.Join(dir, "results"), "quick")
	if err != nil {
		t.Fatal(err)
	}
	for _, ext := range []string{".json", ".txt", ".svg"} {
		b, err := os.ReadFile(filepath.Join(dir, "results", "quick"+ext))
		if err != nil || len(b) == 0 {
			t.Errorf("%s: %v (%d bytes); wrote %v", ext, err, len(b), paths)
		}
	}
}

// savedRatio returns the ratio column called name, as Run recorded it.
func savedRatio(r *Result, name string) *Ratio {
	for i := range r.Ratios {
		if r.Ratios[i].Name == name {
			return &r.Ratios[i]
		}
	}
	return nil
}

// TestQuickHost runs quick mode on the host configurations: node (a) and
// ebbnode exec (b) must score every suite.
func TestQuickHost(t *testing.T) {
	t.Parallel()
	var log strings.Builder
	r, err := Run(context.Background(), Options{Quick: true, Configs: []string{"a", "b"}, Log: &log})
	if err != nil {
		t.Fatalf("%v\nlog:\n%s", err, log.String())
	}
	all := octane.SuiteNames()
	checkScores(t, r, "a", all)
	checkScores(t, r, "b", all)
	if q := savedRatio(r, "b/a"); q == nil || !(q.Geomean > 0) {
		t.Errorf("b/a ratio %+v", q)
	}
	checkSaved(t, r)
	t.Logf("\n%s", log.String())
}

// TestQuickVMs boots both VM configurations, the native ebbnode image (c)
// and ebbnode in the Linux VM (d), in one session on two suites: Richards,
// and Splay for the garbage collector. All eight take five minutes or more
// per VM under TCG, so `ebbnode bench --quick` covers them, not this test.
// Both boot VMSettings (see TestNativeRun).
func TestQuickVMs(t *testing.T) {
	t.Parallel()
	suites := []string{"Richards", "Splay"}
	var log strings.Builder
	r, err := Run(context.Background(), Options{Quick: true, Configs: []string{"c", "d"}, Suites: suites, Log: &log})
	if err != nil {
		t.Fatalf("%v\nlog:\n%s", err, log.String())
	}
	checkScores(t, r, "c", suites)
	checkScores(t, r, "d", suites)
	if q := savedRatio(r, "c/d"); q == nil || len(q.Suites) != len(suites) || !(q.Geomean > 0) {
		t.Errorf("c/d ratio %+v", q)
	}
	if r.VM.Accel == "" || !strings.HasPrefix(r.VM.LinuxKernel, "linux-image-") || r.QEMU == "" {
		t.Errorf("VM not recorded: %+v, QEMU %q", r.VM, r.QEMU)
	}
	checkSaved(t, r)
	t.Logf("\n%s", log.String())
}

func TestRunRejectsBadOptions(t *testing.T) {
	for _, o := range []Options{
		{Configs: []string{"x"}},
		{Suites: []string{"Box2D"}},
		{Reps: -1},
	} {
		if _, err := Run(context.Background(), o); err == nil {
			t.Errorf("Run(%+v) accepted", o)
		}
	}
}

package benchmarks

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/ebbnode/ebbnode/benchmarks/speedup/work"
)

// TestSpeedupJSSumMatchesNode runs workers.js under node on 3 workers
// with a small item count and checks its line: the checksum the harness
// expects (jsSum), the worker count asked for.
func TestSpeedupJSSumMatchesNode(t *testing.T) {
	if _, err := exec.LookPath("node"); err != nil {
		t.Fatalf("node is needed to check the JS workload: %v", err)
	}
	path := filepath.Join(t.TempDir(), "workers.js")
	if err := os.WriteFile(path, SpeedupScript, 0o644); err != nil {
		t.Fatal(err)
	}
	const items = 10003 // not a multiple of the worker count
	out, err := exec.Command("node", path, "3", strconv.Itoa(items)).CombinedOutput()
	if err != nil {
		t.Fatalf("node workers.js: %v\n%s", err, out)
	}
	workers, ms, sum, ok := parseSpeedup("js", out)
	if !ok {
		t.Fatalf("no result line in %q", out)
	}
	if want := jsSum(items); sum != want {
		t.Errorf("node's checksum %x, the harness expects %x", sum, want)
	}
	if workers != 3 || ms <= 0 {
		t.Errorf("%q: want 3 workers and a time", out)
	}
}

// TestSpeedupGoSumIndependentOfWorkers: the Go workload's sum must not
// depend on how many goroutines computed it, or runs on 1 and 2 vCPUs
// could not be checked against one value.
func TestSpeedupGoSumIndependentOfWorkers(t *testing.T) {
	if a, b := work.Chunk(0, 1000)+work.Chunk(1000, 5000), work.Chunk(0, 5000); a != b {
		t.Fatalf("chunks do not add up: %d vs %d", a, b)
	}
	one := work.Sum(1)
	for _, n := range []int{2, 3, 7} {
		if got := work.Sum(n); got != one {
			t.Errorf("Sum(%d) = %d, Sum(1) = %d", n, got, one)
		}
	}
}

// TestSpeedupNativeGo boots the Go workload image on 1 and 2 vCPUs once
// each (quick mode, gn only): every run must report one worker per vCPU
// and the host's sum, and the table and files must carry the speedup.
func TestSpeedupNativeGo(t *testing.T) {
	var log bytes.Buffer
	r, err := RunSpeedup(context.Background(), SpeedupOptions{Quick: true, Configs: []string{"gn"}, Log: &log})
	if err != nil {
		t.Fatalf("%v\n%s", err, log.String())
	}
	c := r.Configs[0]
	if len(c.Runs) != 2 {
		t.Fatalf("%d runs, want 2 (1 and 2 vCPUs)", len(c.Runs))
	}
	for _, run := range c.Runs {
		if run.Error != "" || run.Workers != run.CPUs || run.Ms <= 0 {
			t.Errorf("run %+v: want no error, one worker per vCPU, a time", run)
		}
	}
	if c.Speedup[1] <= 0 {
		t.Errorf("no speedup computed: %+v", c)
	}
	var table bytes.Buffer
	if err := WriteSpeedupTable(&table, r); err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`(?m)^gn\s+go\s+native\s+\d+\s+\d+\s+\d+\.\d\d$`).Match(table.Bytes()) {
		t.Errorf("table lacks the gn row:\n%s", table.String())
	}
	paths, err := SaveSpeedup(r, t.TempDir(), "speedup")
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) != 3 || !strings.HasSuffix(paths[2], ".svg") {
		t.Errorf("saved %v, want json, txt and svg", paths)
	}
}

// TestSpeedupBadOptions: unknown rows and impossible vCPU counts are
// refused before anything boots.
func TestSpeedupBadOptions(t *testing.T) {
	for _, o := range []SpeedupOptions{{Configs: []string{"gx"}}, {CPUs: []int{0}}, {CPUs: []int{1, 99}}} {
		if _, err := RunSpeedup(context.Background(), o); err == nil {
			t.Errorf("%+v: no error", o)
		}
	}
}

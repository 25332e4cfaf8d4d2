package jsrt_test

// The differential node-compatibility corpus: every script in
// testdata/compat runs under stock node and under `ebbnode exec`, and the two
// must print the same bytes to stdout and exit with the same code (and print
// the same stderr when the script asks for it). Node is the oracle, so no
// expected output is stored anywhere: a script that drifts from node fails.
//
// Run one script: go test ./jsrt -run 'TestCompat/buffer_encodings'
//
// The script header format, the run environment, the comparison and the
// goja engine gaps are shared with cmd/ebbnode's native corpus in package
// jsrt/compat.

import (
	"context"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/ebbnode/ebbnode/jsrt/compat"
)

const (
	// compatDir is the corpus; compat.Load fails unless the scripts found
	// are exactly those its MANIFEST lists, so none can vanish unnoticed.
	compatDir = "testdata/compat"
	// compatTimeout bounds one run of one script under one runtime.
	compatTimeout = 20 * time.Second
)

// compatParallel is how many scripts run at once: one per CPU the test may
// use, since each script runs its two processes back to back.
func compatParallel() int { return max(1, runtime.GOMAXPROCS(0)) }

func TestCompat(t *testing.T) {
	nodePath, err := exec.LookPath("node")
	if err != nil {
		t.Fatalf("stock node is not on PATH (.ci/run installs it; the compat corpus needs it as the oracle): %v", err)
	}
	scripts, err := compat.Load(compatDir)
	if err != nil {
		t.Fatal(err)
	}
	dir, err := filepath.Abs(compatDir)
	if err != nil {
		t.Fatalf("compat dir: %v", err)
	}
	ebbnode := buildEbbnode(t)

	sem := make(chan struct{}, compatParallel())
	for _, s := range scripts {
		t.Run(s.Name, func(t *testing.T) {
			t.Parallel()
			sem <- struct{}{}
			defer func() { <-sem }()

			want := runCompat(t, s, dir, nodePath, []string{s.File})
			if s.WantExit >= 0 && want.ExitCode != s.WantExit {
				t.Fatalf("node exited %d but the header says exit: %d; fix the script\nstderr:\n%s",
					want.ExitCode, s.WantExit, compat.Clip(want.Stderr))
			}
			got := runCompat(t, s, dir, ebbnode, append([]string{"exec"}, s.File))
			diffs := compat.Compare(s, want, got, "ebbnode")
			reason, known := compat.KnownEngineGaps[s.Name]
			switch {
			case known && len(diffs) == 0:
				// The list is an assertion, not a skip: a stale entry fails.
				t.Errorf("matches node now: delete %q from compat.KnownEngineGaps", s.Name)
			case known:
				t.Logf("known difference (%s):\n%s", reason, strings.Join(diffs, "\n"))
			default:
				for _, d := range diffs {
					t.Error(d)
				}
			}
		})
	}
}

// buildEbbnode builds the CLI once into the test's temp dir.
func buildEbbnode(t *testing.T) string {
	t.Helper()
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("go tool not on PATH: %v", err)
	}
	bin := filepath.Join(t.TempDir(), "ebbnode")
	cmd := exec.Command(goTool, "build", "-o", bin, "github.com/ebbnode/ebbnode/cmd/ebbnode")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go build ./cmd/ebbnode: %v\n%s", err, out)
	}
	return bin
}

// runCompat runs one script under one runtime: argv is the runtime's
// arguments up to and including the script. The working directory is the
// script's folder for both runtimes; each run gets its own fresh COMPAT_TMP.
func runCompat(t *testing.T, s compat.Script, dir, bin string, argv []string) compat.Result {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), compatTimeout)
	defer cancel()
	res, err := compat.Run(ctx, s, dir, t.TempDir(), bin, argv)
	if err != nil {
		t.Fatalf("%v (limit %v)\nstdout so far:\n%s\nstderr so far:\n%s",
			err, compatTimeout, compat.Clip(res.Stdout), compat.Clip(res.Stderr))
	}
	if res.ExitCode < 0 {
		t.Fatalf("%s %s: killed by a signal\nstderr:\n%s",
			filepath.Base(bin), strings.Join(argv, " "), compat.Clip(res.Stderr))
	}
	return res
}

package main

// The native differential corpus: every script of jsrt's compat corpus
// (jsrt/testdata/compat, see its README) is built into an image, booted
// with `ebbnode run`, and must print the same stdout (and stderr when its
// header says so) and exit with the same code as stock node. Node is the
// oracle: nothing expected is stored here.
//
// Run one script: go test ./cmd/ebbnode -run 'TestNativeCorpus/buffer_slice'
//
// All images are built first (no Go compiler: fast), then booted two at a
// time, each with its own fresh COMPAT_TMP granted read-write and the
// corpus folder granted as the working directory, as jsrt's hosted
// corpus runs them. Headers, environment, comparison and the goja engine
// gaps come from package jsrt/compat, shared with the hosted corpus.

import (
	"context"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ebbnode/ebbnode/jsrt/compat"
)

const (
	nativeCorpusDir = "../../jsrt/testdata/compat"
	// nativeParallel: the machine has two cores, and TCG uses one per VM.
	nativeParallel = 2
	// nativeTimeout bounds one boot under TCG.
	nativeTimeout = 3 * time.Minute
)

// nativeKnownFailures are scripts that differ from node natively only, with
// the reason. Scripts that differ hosted too are in compat.KnownEngineGaps:
// what fails hosted is the engine's business and fails natively too, and one
// list is easier to keep true than two. Both kinds still run and their
// differences are logged (go test -v); one that starts matching fails the
// test until its entry is deleted, unless its reason starts with "timing:"
// (those are flaky). compat.Load checks the corpus against its MANIFEST.
var nativeKnownFailures = map[string]string{
	"module_syntax_error": "by design: ebbnode build rejects a syntax error in a bundled module (node throws it at run time)",
	"os_shape":            "kernel: sysinfo(2) is ENOSYS, so os.totalmem() is 0",
	// By design the image has no processes: spawn's 'error' event and
	// spawnSync's error say ENOSYS (jsrt/modules/child_process tests that).
	"child_process_sync":    "by design: no processes in the image (spawn fails with ENOSYS)",
	"child_process_async":   "by design: no processes in the image (spawn fails with ENOSYS)",
	"child_process_streams": "by design: no processes in the image (spawn fails with ENOSYS)",
	// Timing: these pass when the machine is quiet, but on a loaded host
	// TCG can stall the guest longer than the script's margins between
	// creating two timers (node counts each from its creation too).
	"timers_refresh":        "timing: a long stall breaks its 150/500 ms margins",
	"lang_generators_async": "timing: a stall over 200 ms lets Promise.race's 200 ms timer beat the 1 ms one",
}

func TestNativeCorpus(t *testing.T) {
	nodePath, err := exec.LookPath("node")
	if err != nil {
		t.Fatalf("stock node is not on PATH (the oracle of the corpus): %v", err)
	}
	bin, _ := nativeTools(t)
	dir, err := filepath.Abs(nativeCorpusDir)
	if err != nil {
		t.Fatal(err)
	}
	scripts, err := compat.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	for name := range nativeKnownFailures {
		if !containsScript(scripts, name) {
			t.Errorf("nativeKnownFailures names %q, which is not a corpus script", name)
		}
	}
	known := map[string]string{}
	for name, reason := range compat.KnownEngineGaps {
		known[name] = reason + " (fails hosted too)"
	}
	for name, reason := range nativeKnownFailures {
		known[name] = reason
	}

	// Build every image first: cheap, and a build failure is a finding.
	imgDir := t.TempDir()
	buildErr := map[string]string{}
	for _, s := range scripts {
		r := runBin(t, bin, dir, nil, "", "build", "-o", filepath.Join(imgDir, s.Name+".img"), s.File)
		if r.code != 0 {
			buildErr[s.Name] = r.stderr
		}
	}

	sem := make(chan struct{}, nativeParallel)
	for _, s := range scripts {
		t.Run(s.Name, func(t *testing.T) {
			t.Parallel()
			sem <- struct{}{}
			defer func() { <-sem }()
			want := runCorpus(t, s, dir, nodePath, []string{s.File})
			var diffs []string
			if e, failed := buildErr[s.Name]; failed {
				diffs = []string{"ebbnode build failed: " + e}
			} else {
				img := filepath.Join(imgDir, s.Name+".img")
				argv := []string{"run", "--timeout", nativeTimeout.String(),
					"--env-all", "--mount", dir, "--mount", "$COMPAT_TMP"}
				if s.CPUs > 0 {
					argv = append(argv, "--cpus", strconv.Itoa(s.CPUs))
				}
				got := runCorpus(t, s, dir, bin, append(argv, img, "--"))
				diffs = compat.Compare(s, want, got, "native")
			}
			reason, isKnown := known[s.Name]
			switch {
			case isKnown && len(diffs) == 0 && !strings.HasPrefix(reason, "timing:"):
				// A fixed difference must leave its list, or the list
				// stops saying what is true.
				t.Errorf("matches node now: delete %q from its known-failure list", s.Name)
			case isKnown && len(diffs) == 0:
			case isKnown:
				t.Logf("known difference (%s):\n%s", reason, strings.Join(diffs, "\n"))
			default:
				for _, d := range diffs {
					t.Error(d)
				}
			}
		})
	}
}

func containsScript(scripts []compat.Script, name string) bool {
	for _, s := range scripts {
		if s.Name == name {
			return true
		}
	}
	return false
}

// runCorpus runs one script under one runtime in dir, with the corpus
// environment and a fresh COMPAT_TMP (which "$COMPAT_TMP" in argv names).
func runCorpus(t *testing.T, s compat.Script, dir, bin string, argv []string) compat.Result {
	t.Helper()
	tmp := t.TempDir()
	for i, a := range argv {
		argv[i] = strings.ReplaceAll(a, "$COMPAT_TMP", tmp)
	}
	ctx, cancel := context.WithTimeout(context.Background(), nativeTimeout+30*time.Second)
	defer cancel()
	res, err := compat.Run(ctx, s, dir, tmp, bin, argv)
	if err != nil {
		t.Fatalf("%v\nstderr:\n%s", err, compat.Clip(res.Stderr))
	}
	return res
}

package octane

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestScriptUnderNode installs the pinned suite (when not cached), builds
// the script and runs it under stock node: every suite must score, in both
// the default mode and a mode chosen on the command line.
func TestScriptUnderNode(t *testing.T) {
	cache, err := DefaultCacheDir()
	if err != nil {
		t.Fatal(err)
	}
	dir, err := Locate(context.Background(), cache)
	if err != nil {
		t.Fatal(err)
	}
	modes := map[string]Rules{
		"quick": {Warmup: 0, MinIterations: 1},
		"two":   {Warmup: 1, MinIterations: 2, Suites: []string{"Splay", "Richards"}},
	}
	js, err := Script(dir, modes, "quick")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "bench.js")
	if err := os.WriteFile(path, js, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		args []string
		mode string
	}{{nil, "quick"}, {[]string{"two"}, "two"}} {
		out, err := exec.Command("node", append([]string{path}, c.args...)...).CombinedOutput()
		if err != nil {
			t.Fatalf("node %v: %v\n%s", c.args, err, out)
		}
		run, err := Parse(bytes.NewReader(out), modes[c.mode].Expected())
		if err != nil {
			t.Fatalf("node %v: %v\n%s", c.args, err, out)
		}
		if run.Mode != c.mode {
			t.Errorf("node %v ran mode %q, want %q", c.args, run.Mode, c.mode)
		}
	}
	out, err := exec.Command("node", path, "nosuchmode").CombinedOutput()
	if err == nil || !strings.Contains(string(out), "unknown mode nosuchmode") {
		t.Errorf("unknown mode: err %v, output:\n%s", err, out)
	}
}

func TestScriptRejectsBadModes(t *testing.T) {
	// Stub suite files: only the modes can make Script fail here.
	dir := t.TempDir()
	for _, f := range append([]string{"base.js"}, suiteFiles()...) {
		if err := os.WriteFile(filepath.Join(dir, f), []byte("// "+f), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	js, err := Script(dir, map[string]Rules{"quick": {MinIterations: 1}}, "quick")
	if err != nil {
		t.Fatalf("good modes: %v", err)
	}
	if !bytes.Contains(js, []byte("// navier-stokes.js")) || !bytes.Contains(js, []byte(`"default":"quick"`)) {
		t.Errorf("script lacks a suite file or the presets:\n%s", js)
	}
	for name, c := range map[string]struct {
		modes map[string]Rules
		def   string
	}{
		"no default":    {map[string]Rules{"quick": {MinIterations: 1}}, "full"},
		"zero runs":     {map[string]Rules{"quick": {}}, "quick"},
		"unknown suite": {map[string]Rules{"quick": {MinIterations: 1, Suites: []string{"Box2D"}}}, "quick"},
		"reserved name": {map[string]Rules{"quick": {MinIterations: 1}, "default": {MinIterations: 1}}, "quick"},
	} {
		if _, err := Script(dir, c.modes, c.def); err == nil {
			t.Errorf("%s: Script accepted it", name)
		}
	}
}

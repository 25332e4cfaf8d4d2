package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestRunCPUProfile runs a CPU-bound script with --cpuprofile and reads
// the file with go tool pprof: the guest's profile (SIGPROF from the
// kernel, written through the Messenger) must name goja's interpreter
// loop, where the script's time goes.
func TestRunCPUProfile(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"spin.js": `
function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
let t = Date.now(), s = 0;
while (Date.now() - t < 1000) s += fib(15);
console.log('spun', s > 0);
`})
	prof := filepath.Join(dir, "out", "cpu.pprof")
	if err := os.Mkdir(filepath.Dir(prof), 0o755); err != nil {
		t.Fatal(err)
	}
	r := ebbnode(t, dir, nil, "", "run", "--cpuprofile", prof, "spin.js")
	if r.code != 0 || r.stdout != "spun true\n" {
		t.Fatalf("run: exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	out, err := exec.Command("go", "tool", "pprof", "-top", prof).CombinedOutput()
	if err != nil {
		t.Fatalf("go tool pprof: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), "github.com/dop251/goja.(*vm).run") {
		t.Errorf("the profile does not name goja's interpreter:\n%s", out)
	}
	// The profile's directory was never granted to the script.
	if entries, _ := os.ReadDir(filepath.Dir(prof)); len(entries) != 1 {
		t.Errorf("%s holds %d entries, want the profile alone", filepath.Dir(prof), len(entries))
	}
}

// TestRunCPUProfileBadPath: a profile path in a missing directory is one
// line naming the flag, before anything boots.
func TestRunCPUProfileBadPath(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"a.js": "console.log(1)\n"})
	r := ebbnode(t, dir, nil, "", "run", "--cpuprofile", filepath.Join(dir, "no", "p.pprof"), "a.js")
	if r.code != 1 || !strings.HasPrefix(r.stderr, "ebbnode: --cpuprofile ") || strings.Count(r.stderr, "\n") != 1 {
		t.Errorf("exit %d, stderr %q: want 1 and one line naming --cpuprofile", r.code, r.stderr)
	}
}

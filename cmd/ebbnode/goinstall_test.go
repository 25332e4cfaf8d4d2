package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ebbnode/ebbnode/host/image"
)

// TestBuildLinksRuntimeIntoCache is `go install`'s layout: an ebbnode
// with no ebbnode-native.elf beside it. Its first build links the runtime
// into the user cache (XDG_CACHE_HOME, here a temporary folder) and says
// so; the image boots and prints; the second build reuses the cached
// runtime silently. With no Go toolchain on PATH and an empty cache, build
// fails in one line saying what to do.
func TestBuildLinksRuntimeIntoCache(t *testing.T) {
	dir := t.TempDir()
	bin := filepath.Join(dir, "ebbnode")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	if _, err := os.Stat(filepath.Join(dir, image.RuntimeName)); err == nil {
		t.Fatal("a runtime is beside the CLI: the test would prove nothing")
	}
	app := t.TempDir()
	writeFiles(t, app, map[string]string{"hello.js": "console.log('hello from the cached runtime', 6 * 7);\n"})
	cache := t.TempDir()
	// The Go caches stay the machine's (so linking reuses compiled
	// packages); only the user cache folder, where ebbnode keeps its
	// runtime, is new. GOPROXY=off: the source is the checkout.
	env := []string{"XDG_CACHE_HOME=" + cache, "GOPROXY=off", "GOTOOLCHAIN=local"}
	for _, v := range []string{"GOCACHE", "GOMODCACHE", "GOPATH"} {
		out, err := exec.Command("go", "env", v).Output()
		if err != nil {
			t.Fatal(err)
		}
		env = append(env, v+"="+strings.TrimSpace(string(out)))
	}

	r := runBin(t, bin, app, env, "", "build", "hello.js", "-o", "hello.img")
	if r.code != 0 {
		t.Fatalf("build exited %d:\n%s", r.code, r.stderr)
	}
	if !strings.Contains(r.stderr, "linking the native runtime into "+filepath.Join(cache, "ebbnode")) {
		t.Errorf("the first build did not say it links the runtime into the cache:\n%s", r.stderr)
	}
	linked, _ := filepath.Glob(filepath.Join(cache, "ebbnode", "*", image.RuntimeName))
	if len(linked) != 1 {
		t.Fatalf("want one cached runtime, found %v", linked)
	}
	if err := image.Check(linked[0]); err != nil {
		t.Errorf("cached runtime: %v", err)
	}
	stamp, err := os.Stat(linked[0])
	if err != nil {
		t.Fatal(err)
	}

	r = runBin(t, bin, app, env, "", "run", "--timeout", (3 * time.Minute).String(), "hello.img")
	if r.code != 0 || r.stdout != "hello from the cached runtime 42\n" {
		t.Errorf("run: exit %d, stdout %q\nstderr:\n%s", r.code, r.stdout, r.stderr)
	}

	r = runBin(t, bin, app, env, "", "build", "hello.js", "-o", "again.img")
	if r.code != 0 || strings.Contains(r.stderr, "linking") {
		t.Errorf("second build: exit %d, stderr:\n%s", r.code, r.stderr)
	}
	if again, err := os.Stat(linked[0]); err != nil || !again.ModTime().Equal(stamp.ModTime()) {
		t.Errorf("the second build relinked the cached runtime (%v)", err)
	}

	// No toolchain: PATH names only an empty folder, and a fresh cache.
	noGo := []string{"XDG_CACHE_HOME=" + t.TempDir(), "PATH=" + t.TempDir()}
	r = runBin(t, bin, app, noGo, "", "build", "hello.js", "-o", "none.img")
	lines := strings.Split(strings.TrimSpace(r.stderr), "\n")
	if r.code != 1 || len(lines) != 1 || !strings.Contains(r.stderr, "no Go toolchain on PATH") ||
		!strings.Contains(r.stderr, "$"+image.RuntimeEnv) {
		t.Errorf("without go: exit %d, want 1 and one line naming the toolchain and $%s:\n%s", r.code, image.RuntimeEnv, r.stderr)
	}
	if _, err := os.Stat(filepath.Join(app, "none.img")); err == nil {
		t.Error("without go, build still wrote an image")
	}
}

package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/ebbnode/ebbnode/host/image"
	"github.com/ebbnode/ebbnode/host/launch"
)

// TestBuildErrors: bad input gets one line naming the problem, exit
// status 1, and no image (nor a temporary file) in the output directory.
func TestBuildErrors(t *testing.T) {
	_, rt := nativeTools(t)
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"notjs.txt":   "console.log('hi')\n",
		"needs.js":    "const a = 1;\nconst x = require('./nowhere');\n",
		"needsdep.js": "require('left-pad');\n",
		"syntax.js":   "let a = ;\n",
		"ok.js":       "console.log('ok')\n",
	})
	out := t.TempDir()
	img := filepath.Join(out, "app.img")
	env := []string{"EBBNODE_RUNTIME=" + rt}
	for _, tt := range []struct {
		name string
		args []string
		env  []string
		want []string
	}{
		{"missing file", []string{"build", "-o", img, "gone.js"}, env, []string{"gone.js: no such file"}},
		{"not JS", []string{"build", "-o", img, "notjs.txt"}, env, []string{"notjs.txt: not a JavaScript file"}},
		{"directory", []string{"build", "-o", img, "."}, env, []string{"is a directory"}},
		{"unresolvable require", []string{"build", "-o", img, "needs.js"}, env, []string{"needs.js:2", "./nowhere"}},
		{"missing package", []string{"build", "-o", img, "needsdep.js"}, env, []string{"needsdep.js:1", "left-pad"}},
		{"syntax error", []string{"build", "-o", img, "syntax.js"}, env, []string{"syntax.js:1"}},
		// No runtime beside the CLI and no Go toolchain to link one.
		{"no runtime", []string{"build", "-o", img, "ok.js"}, []string{"PATH=" + t.TempDir(), "XDG_CACHE_HOME=" + t.TempDir()}, []string{"native runtime not found beside", "no Go toolchain on PATH"}},
		{"bad runtime", []string{"build", "-o", img, "ok.js"}, []string{"EBBNODE_RUNTIME=" + filepath.Join(dir, "ok.js")}, []string{"not an ELF"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			// "no runtime" must not find the one beside the test's
			// binary: run a copy that stands alone.
			r := ebbnodeAlone(t, dir, tt.env, tt.args...)
			if r.code != 1 {
				t.Errorf("exit %d, want 1 (stderr %q)", r.code, r.stderr)
			}
			if n := strings.Count(r.stderr, "\n"); n != 1 || !strings.HasPrefix(r.stderr, "ebbnode: ") {
				t.Errorf("stderr %q: want one line starting with \"ebbnode: \"", r.stderr)
			}
			for _, w := range tt.want {
				if !strings.Contains(r.stderr, w) {
					t.Errorf("stderr %q lacks %q", r.stderr, w)
				}
			}
			if ents, _ := os.ReadDir(out); len(ents) != 0 {
				t.Errorf("a failed build left %v in the output directory", ents)
			}
		})
	}
}

// ebbnodeAlone runs a copy of the CLI that has no runtime beside it.
func ebbnodeAlone(t *testing.T, dir string, env []string, args ...string) result {
	t.Helper()
	bin, _ := nativeTools(t)
	alone := filepath.Join(t.TempDir(), "ebbnode")
	data, err := os.ReadFile(bin)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(alone, data, 0o755); err != nil {
		t.Fatal(err)
	}
	return runBin(t, alone, dir, env, "", args...)
}

// TestBuild builds an app with a local module and a data file; the image
// passes Check and carries the bundle. The runtime is found beside the
// ebbnode executable, as make lays out bin/.
func TestBuild(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"app.js":          "const m = require('./lib/m');\nconsole.log(m);\n",
		"lib/m.js":        "module.exports = 42;\n",
		"assets/data.txt": "data\n",
	})
	r := ebbnode(t, dir, nil, "", "build", "--include", "assets", "app.js")
	if r.code != 0 || r.stderr != "" || r.stdout != "" {
		t.Fatalf("build: exit %d, stdout %q, stderr %q; want a silent success", r.code, r.stdout, r.stderr)
	}
	img := filepath.Join(dir, "app.img") // default: the script's name
	if err := image.Check(img); err != nil {
		t.Fatal(err)
	}
	p, err := image.ReadPayload(img)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"app.js", "lib/m.js", "assets/data.txt", "module.exports = 42;"} {
		if !strings.Contains(string(p), want) {
			t.Errorf("bundle lacks %q", want)
		}
	}
	// Builds are reproducible: the same inputs give the same image.
	if r := ebbnode(t, dir, nil, "", "build", "--include", "assets", "-o", "again.img", "app.js"); r.code != 0 {
		t.Fatalf("second build: %d %s", r.code, r.stderr)
	}
	a, errA := os.ReadFile(img)
	b, errB := os.ReadFile(filepath.Join(dir, "again.img"))
	if errA != nil || errB != nil || !bytes.Equal(a, b) {
		t.Errorf("two builds of the same app differ (%v, %v)", errA, errB)
	}
}

// TestBuildBundlePlacement: a small app's bundle loads below the runtime,
// so the app runs in the smallest VM run accepts; a bundle over 1 MiB
// loads above the runtime's BSS, and run refuses a VM whose RAM ends
// below it with one line naming --memory instead of booting a guest that
// finds no bundle.
func TestBuildBundlePlacement(t *testing.T) {
	dir := t.TempDir()
	big := "const s = '" + strings.Repeat("x", 1<<20+1) + "';\nconsole.log('big', s.length);\n"
	writeFiles(t, dir, map[string]string{"small.js": "console.log('small');\n", "big.js": big})
	for _, app := range []string{"small", "big"} {
		if r := ebbnode(t, dir, nil, "", "build", app+".js"); r.code != 0 {
			t.Fatalf("build %s: exit %d: %s", app, r.code, r.stderr)
		}
	}
	span := func(app string) (lo, hi uint64) {
		data, err := os.ReadFile(filepath.Join(dir, app+".img"))
		if err != nil {
			t.Fatal(err)
		}
		lo, hi, err = image.PayloadSpan(data)
		if err != nil {
			t.Fatal(err)
		}
		return lo, hi
	}
	if lo, _ := span("small"); lo != image.LowPayloadBase {
		t.Errorf("small bundle at %#x, want %#x (below the runtime)", lo, image.LowPayloadBase)
	}
	_, hi := span("big")
	if hi <= image.ImageBase {
		t.Fatalf("big bundle ends at %#x, below the runtime", hi)
	}
	minMiB := strconv.Itoa(launch.MinMemoryMiB)
	if r := ebbnode(t, dir, nil, "", "run", "--memory", minMiB, "--timeout", "2m", "small.img"); r.code != 0 || r.stdout != "small\n" {
		t.Errorf("small app with --memory %s: exit %d, stdout %q, stderr %q", minMiB, r.code, r.stdout, r.stderr)
	}
	short := strconv.Itoa(int(hi>>20) - 1)
	r := ebbnode(t, dir, nil, "", "run", "--memory", short, "--timeout", "2m", "big.img")
	want := "MiB (a bundle over 1 MiB loads above the runtime's BSS), past the VM's " + short + " MiB of RAM: raise --memory"
	if r.code != 1 || !strings.Contains(r.stderr, want) || strings.Count(strings.TrimSpace(r.stderr), "\n") > 0 {
		t.Errorf("big app with --memory %s: exit %d, stderr %q; want 1 and one line with %q", short, r.code, r.stderr, want)
	}
	// Not 16 MiB more: on q35, SeaBIOS leaves 132 KiB at the RAM's end
	// less 16 MiB, which would then lie over the bundle (microvm's qboot
	// does not).
	enough := strconv.Itoa(int(hi>>20) + 32)
	if r := ebbnode(t, dir, nil, "", "run", "--memory", enough, "--timeout", "2m", "big.img"); r.code != 0 || r.stdout != fmt.Sprintf("big %d\n", 1<<20+1) {
		t.Errorf("big app with --memory %s: exit %d, stdout %q, stderr %q", enough, r.code, r.stdout, r.stderr)
	}
}

// TestBuildTypeScript builds a TypeScript app in a "type": "module"
// package that imports a package with "exports": the bundle holds the transformed
// CommonJS (the image has no esbuild) and the file "exports" picks for
// import, not the one for require.
func TestBuildTypeScript(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"app.ts":                         "import { twice } from './util';\nimport pick from 'dual';\ninterface Shape { n: number }\nconst s: Shape = { n: 21 };\nconsole.log(twice(s.n), pick);\n",
		"util.ts":                        "export const twice = (n: number): number => n * 2;\n",
		"package.json":                   `{"type":"module"}`,
		"node_modules/dual/package.json": `{"name":"dual","exports":{"import":"./esm.mjs","require":"./cjs.js"}}`,
		"node_modules/dual/esm.mjs":      "export default 'esm side';\n",
		"node_modules/dual/cjs.js":       "module.exports = 'cjs side';\n",
	})
	r := ebbnode(t, dir, nil, "", "build", "app.ts")
	if r.code != 0 || r.stderr != "" {
		t.Fatalf("build app.ts: exit %d, stderr %q", r.code, r.stderr)
	}
	p, err := image.ReadPayload(filepath.Join(dir, "app.img"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"app.ts", "util.ts", "node_modules/dual/esm.mjs", "//ebbnode:esm\n", "sourceMappingURL=data:"} {
		if !strings.Contains(string(p), want) {
			t.Errorf("bundle lacks %q", want)
		}
	}
	for _, bad := range []string{"interface Shape", "cjs side"} {
		if strings.Contains(string(p), bad) {
			t.Errorf("bundle holds %q: want TypeScript stripped and only the import condition's file", bad)
		}
	}
}

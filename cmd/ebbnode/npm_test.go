package main

// Real npm packages as acceptance: testdata/npm/apps holds one small
// deterministic app per popular package (CLIs, ESM-only majors,
// templating, validation, parsing, dates, HTTP frameworks, utilities);
// testdata/npm/package.json pins every package at an exact version and
// package-lock.json pins what they pull in. The test installs them with
// `npm ci` into a temporary folder (node_modules is never committed; npm's
// cache is a stable folder under the user cache dir, so a second run
// downloads nothing), then runs every app under stock node 20 (the
// oracle), `ebbnode exec`, and natively (built into an image and booted,
// two at a time). Output and exit code must match node's, or the app is in
// npmKnownFailures with its cause and must still differ.
//
//	go test ./cmd/ebbnode -run 'TestNpmPackages/hosted/zod'
//	go test ./cmd/ebbnode -run 'TestNpmPackages/native' -v
//
// README.md's Compatibility section lists the packages and results.

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/ebbnode/ebbnode/jsrt/compat"
)

const npmDir = "testdata/npm"

// npmKnownFailures are apps that still differ from node, with the cause.
// An entry applies to both runs unless its key ends in "@native" (the
// image only). An entry that starts matching fails the test until it is
// deleted.
var npmKnownFailures = map[string]string{
	"ws": "net event order: a socket's 'close' follows its 'end' a loop turn sooner than in node (libuv closes handles a turn later), so the client's 'close' comes before the server's",
}

// npmApp is one acceptance app: its name (the package's) and file.
type npmApp struct{ name, file string }

// npmApps lists testdata/npm/apps.
func npmApps(t *testing.T) []npmApp {
	t.Helper()
	entries, err := os.ReadDir(filepath.Join(npmDir, "apps"))
	if err != nil {
		t.Fatal(err)
	}
	var apps []npmApp
	for _, e := range entries {
		name := strings.TrimSuffix(strings.TrimSuffix(e.Name(), ".js"), ".mjs")
		apps = append(apps, npmApp{name, "apps/" + e.Name()})
	}
	sort.Slice(apps, func(i, j int) bool { return apps[i].name < apps[j].name })
	return apps
}

// npmInstall copies the apps and manifests into a temporary folder and
// installs the pinned packages there with npm ci.
func npmInstall(t *testing.T) string {
	t.Helper()
	npm, err := exec.LookPath("npm")
	if err != nil {
		t.Fatalf("npm is not on PATH (it installs the packages under test): %v", err)
	}
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(npmDir)); err != nil {
		t.Fatal(err)
	}
	cacheRoot, err := os.UserCacheDir()
	if err != nil {
		cacheRoot = os.TempDir()
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	// --ignore-scripts: no package runs code at install; --prefer-offline:
	// what the cache has is not asked for again.
	cmd := exec.CommandContext(ctx, npm, "ci", "--ignore-scripts", "--no-audit", "--no-fund",
		"--prefer-offline", "--loglevel=error", "--cache", filepath.Join(cacheRoot, "ebbnode-test", "npm"))
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("npm ci in %s: %v\n%s", dir, err, out)
	}
	return dir
}

func TestNpmPackages(t *testing.T) {
	nodePath, err := exec.LookPath("node")
	if err != nil {
		t.Fatalf("stock node is not on PATH (the oracle): %v", err)
	}
	bin, _ := nativeTools(t)
	apps := npmApps(t)
	for key := range npmKnownFailures {
		name := strings.TrimSuffix(key, "@native")
		found := false
		for _, a := range apps {
			found = found || a.name == name
		}
		if !found {
			t.Errorf("npmKnownFailures names %q, which is not an app in %s/apps", key, npmDir)
		}
	}
	dir := npmInstall(t)

	// node's output once per app, shared by both runs.
	want := map[string]compat.Result{}
	for _, a := range apps {
		want[a.name] = npmRun(t, a, dir, nodePath, []string{a.file})
	}
	t.Run("hosted", func(t *testing.T) {
		for _, a := range apps {
			t.Run(a.name, func(t *testing.T) {
				got := npmRun(t, a, dir, bin, []string{"exec", a.file})
				npmCheck(t, a, want[a.name], got, "ebbnode", npmKnownFailures[a.name])
			})
		}
	})
	t.Run("native", func(t *testing.T) {
		imgDir := t.TempDir()
		sem := make(chan struct{}, nativeParallel)
		for _, a := range apps {
			t.Run(a.name, func(t *testing.T) {
				t.Parallel()
				sem <- struct{}{}
				defer func() { <-sem }()
				reason, known := npmKnownFailures[a.name+"@native"]
				if !known {
					reason = npmKnownFailures[a.name]
				}
				img := filepath.Join(imgDir, a.name+".img")
				if r := runBin(t, bin, dir, nil, "", "build", "-o", img, a.file); r.code != 0 {
					npmCheck(t, a, want[a.name], compat.Result{Stderr: []byte(r.stderr), ExitCode: -2}, "ebbnode build", reason)
					return
				}
				got := npmRun(t, a, dir, bin, []string{"run", "--timeout", nativeTimeout.String(),
					"--env-all", "--mount", dir, "--mount", "$TMP", img, "--"})
				npmCheck(t, a, want[a.name], got, "native", reason)
			})
		}
	})
}

// npmRun runs one app with the corpus environment (TZ=UTC, a fresh HOME)
// and TMPDIR in a fresh folder ("$TMP" in argv names it).
func npmRun(t *testing.T, a npmApp, dir, bin string, argv []string) compat.Result {
	t.Helper()
	tmp := t.TempDir()
	for i, s := range argv {
		argv[i] = strings.ReplaceAll(s, "$TMP", tmp)
	}
	s := compat.Script{Name: a.name, File: a.file, Env: []string{"TMPDIR=" + tmp}, WantExit: -1}
	ctx, cancel := context.WithTimeout(context.Background(), nativeTimeout+30*time.Second)
	defer cancel()
	res, err := compat.Run(ctx, s, dir, tmp, bin, argv)
	if err != nil {
		t.Fatalf("%v\nstderr:\n%s", err, compat.Clip(res.Stderr))
	}
	return res
}

// npmCheck compares got with node's run, honouring a known failure.
func npmCheck(t *testing.T, a npmApp, want, got compat.Result, gotName, reason string) {
	t.Helper()
	diffs := compat.Compare(compat.Script{Name: a.name, File: a.file}, want, got, gotName)
	switch {
	case reason != "" && len(diffs) == 0:
		t.Errorf("matches node now: delete %q from npmKnownFailures", a.name)
	case reason != "":
		t.Logf("known difference (%s):\n%s", reason, strings.Join(diffs, "\n"))
	default:
		for _, d := range diffs {
			t.Error(d)
		}
	}
	if want.ExitCode != 0 {
		t.Errorf("node exits %d: the app itself is broken\n%s", want.ExitCode, fmt.Sprint(compat.Clip(want.Stderr)))
	}
}

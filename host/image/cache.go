package image

import (
	"bytes"
	"context"
	"crypto/sha256"
	"debug/buildinfo"
	"debug/elf"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
)

// An ebbnode installed with `go install github.com/ebbnode/ebbnode/cmd/ebbnode`
// has no ebbnode-native.elf beside it. LinkCached links one, once per CLI
// build, into the user cache folder:
//
//	os.UserCacheDir()/ebbnode/<key>/ebbnode-native.elf
//
// from the module source the CLI was built from, with the Go toolchain on
// PATH (the same host/image Link that `make` runs). The key is the module
// version when the CLI was built from a published version (the source is
// then the module cache's copy, which `go mod download` fetches if it has
// gone), else the executable's Go build ID (a build from a checkout, whose
// source is the checkout the file names in the binary point at).

// ModulePath is the ebbnode module, whose cmd/ebbnode-native is the
// runtime.
const ModulePath = "github.com/ebbnode/ebbnode"

// runtimePkg is the runtime's main package, relative to the module root.
const runtimePkg = "./cmd/ebbnode-native"

// LinkCached returns the cached native runtime for the ebbnode executable
// exe, linking it first if the cache has none; progress (one line when it
// links) goes to log. Without a Go toolchain, or without the source, the
// error is one line saying what to do.
func LinkCached(ctx context.Context, exe string, log io.Writer) (string, error) {
	src, key, err := runtimeSource(ctx, exe)
	if err != nil {
		return "", err
	}
	root, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("native runtime not found beside %s, and no user cache folder to link one into (%v): set $%s to an %s", exe, err, RuntimeEnv, RuntimeName)
	}
	dir := filepath.Join(root, "ebbnode", key)
	out := filepath.Join(dir, RuntimeName)
	if _, err := os.Stat(out); err == nil {
		return out, nil
	}
	if _, err := exec.LookPath("go"); err != nil {
		return "", fmt.Errorf("native runtime not found beside %s and no Go toolchain on PATH to link it: install Go (https://go.dev/dl) and run again, or set $%s to an %s", exe, RuntimeEnv, RuntimeName)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("native runtime cache: %w", err)
	}
	fmt.Fprintf(log, "ebbnode: linking the native runtime into %s (once for this ebbnode)\n", dir)
	// Link beside the final name and rename: a concurrent build sees
	// either no runtime or a whole one.
	tmp, err := os.CreateTemp(dir, RuntimeName+".tmp*")
	if err != nil {
		return "", fmt.Errorf("native runtime cache: %w", err)
	}
	tmp.Close()
	defer os.Remove(tmp.Name())
	err = Link(ctx, LinkOptions{Pkg: runtimePkg, Out: tmp.Name(), Dir: src,
		Env: []string{"GOWORK=off", "GOFLAGS=-mod=readonly"}})
	if err == nil {
		err = Check(tmp.Name())
	}
	if err == nil {
		err = os.Rename(tmp.Name(), out)
	}
	if err != nil {
		return "", fmt.Errorf("linking the native runtime from %s: %w", src, err)
	}
	return out, nil
}

// runtimeSource finds the module source exe was built from and the cache
// key of its runtime.
func runtimeSource(ctx context.Context, exe string) (dir, key string, err error) {
	bi, err := buildinfo.ReadFile(exe)
	if err != nil {
		return "", "", fmt.Errorf("native runtime not found beside %s, and its build information is unreadable (%v): set $%s to an %s", exe, err, RuntimeEnv, RuntimeName)
	}
	if bi.Main.Path != ModulePath {
		return "", "", fmt.Errorf("native runtime not found beside %s (built as module %q, not %s): set $%s to an %s", exe, bi.Main.Path, ModulePath, RuntimeEnv, RuntimeName)
	}
	// A checkout: the file names compiled into this binary point at it.
	if dir := checkoutDir(); dir != "" {
		id, err := buildID(exe)
		if err != nil {
			return "", "", fmt.Errorf("native runtime not found beside %s: %w", exe, err)
		}
		return dir, "build-" + id, nil
	}
	v := bi.Main.Version
	if v == "" || v == "(devel)" || strings.Contains(v, "+dirty") {
		return "", "", fmt.Errorf("native runtime not found beside %s, and its source (version %q) cannot be found: set $%s to an %s, or install with go install %s/cmd/ebbnode@<version>", exe, v, RuntimeEnv, RuntimeName, ModulePath)
	}
	if _, err := exec.LookPath("go"); err != nil {
		return "", "", fmt.Errorf("native runtime not found beside %s and no Go toolchain on PATH to link it: install Go (https://go.dev/dl) and run again, or set $%s to an %s", exe, RuntimeEnv, RuntimeName)
	}
	dir, err = downloadModule(ctx, v)
	if err != nil {
		return "", "", err
	}
	return dir, v, nil
}

// checkoutDir is the module root this package was compiled from, when the
// binary carries full file names (no -trimpath) and the folder still holds
// the ebbnode module; else "".
func checkoutDir() string {
	_, file, _, ok := runtime.Caller(0)
	if !ok || !filepath.IsAbs(file) {
		return ""
	}
	root := filepath.Dir(filepath.Dir(filepath.Dir(file))) // host/image/cache.go
	mod, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil || !bytes.HasPrefix(mod, []byte("module "+ModulePath+"\n")) {
		return ""
	}
	if _, err := os.Stat(filepath.Join(root, runtimePkg, "main.go")); err != nil {
		return ""
	}
	return root
}

// downloadModule returns the module cache folder of ebbnode at version
// (go mod download fetches it if the cache lost it).
func downloadModule(ctx context.Context, version string) (string, error) {
	cmd := exec.CommandContext(ctx, "go", "mod", "download", "-json", ModulePath+"@"+version)
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod")
	cmd.Dir = os.TempDir() // outside any module
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	var info struct{ Dir, Error string }
	if jerr := json.Unmarshal(out, &info); jerr == nil && info.Error != "" {
		return "", fmt.Errorf("go mod download %s@%s: %s", ModulePath, version, info.Error)
	}
	if err != nil {
		return "", fmt.Errorf("go mod download %s@%s: %w: %s", ModulePath, version, err, strings.TrimSpace(stderr.String()))
	}
	if info.Dir == "" {
		return "", fmt.Errorf("go mod download %s@%s: no folder in its answer", ModulePath, version)
	}
	return info.Dir, nil
}

// buildID is a short hash of exe's Go build ID (the .note.go.buildid note),
// which changes whenever the binary's content does.
func buildID(exe string) (string, error) {
	f, err := elf.Open(exe)
	if err != nil {
		return "", fmt.Errorf("reading the build ID: %w", err)
	}
	defer f.Close()
	s := f.Section(".note.go.buildid")
	if s == nil {
		return "", errors.New("reading the build ID: no .note.go.buildid section")
	}
	data, err := s.Data()
	if err != nil {
		return "", fmt.Errorf("reading the build ID: %w", err)
	}
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:8]), nil
}

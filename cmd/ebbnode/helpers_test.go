package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"

	"github.com/ebbnode/ebbnode/host/image"
)

// shared holds what the native tests build once per test binary: the
// ebbnode CLI with the native runtime beside it, as make lays out bin/.
var shared struct {
	once sync.Once
	dir  string
	bin  string // ebbnode
	rt   string // ebbnode-native.elf next to it
	err  error
}

func TestMain(m *testing.M) {
	code := m.Run()
	if shared.dir != "" {
		os.RemoveAll(shared.dir)
	}
	os.Exit(code)
}

// nativeTools builds ebbnode and links the native runtime next to it.
func nativeTools(t testing.TB) (bin, runtime string) {
	t.Helper()
	shared.once.Do(func() {
		shared.dir, shared.err = os.MkdirTemp("", "ebbnode-test-")
		if shared.err != nil {
			return
		}
		shared.bin = filepath.Join(shared.dir, "ebbnode")
		if out, err := exec.Command("go", "build", "-o", shared.bin, ".").CombinedOutput(); err != nil {
			shared.err = fmt.Errorf("go build: %v\n%s", err, out)
			return
		}
		shared.rt = filepath.Join(shared.dir, image.RuntimeName)
		shared.err = image.Link(context.Background(), image.LinkOptions{
			Pkg: "github.com/ebbnode/ebbnode/cmd/ebbnode-native",
			Out: shared.rt,
		})
	})
	if shared.err != nil {
		t.Fatal(shared.err)
	}
	return shared.bin, shared.rt
}

// result is how one ebbnode command ended.
type result struct {
	code           int
	stdout, stderr string
}

// ebbnode runs the CLI in dir with env added to a minimal environment.
func ebbnode(t testing.TB, dir string, env []string, stdin string, args ...string) result {
	t.Helper()
	bin, _ := nativeTools(t)
	return runBin(t, bin, dir, env, stdin, args...)
}

// runBin runs bin in dir with env added to a minimal environment.
func runBin(t testing.TB, bin, dir string, env []string, stdin string, args ...string) result {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	cmd.Env = append([]string{"PATH=" + os.Getenv("PATH"), "HOME=" + dir}, env...)
	cmd.Stdin = bytes.NewBufferString(stdin)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	r := result{stdout: stdout.String(), stderr: stderr.String()}
	var ee *exec.ExitError
	switch {
	case errors.As(err, &ee):
		r.code = ee.ExitCode()
	case err != nil:
		t.Fatal(err)
	}
	return r
}

// writeFiles creates files (path -> contents) under dir.
func writeFiles(t testing.TB, dir string, files map[string]string) {
	t.Helper()
	for name, data := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

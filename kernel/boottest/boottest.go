// Package boottest builds Go programs that import the ebbnode kernel into
// bootable images and boots them under QEMU, for tests that check what a
// guest printed on its serial console and how it exited.
//
// Images are cached per process in a temporary directory: booting the same
// package twice builds it once. Test binaries using Boot should call Main
// from their TestMain, which removes the cached images at the end; other
// programs call Cleanup.
//
// QEMU is needed only to boot: when it is missing, each test that boots
// fails with one line saying so (never a silent skip), while the host-only
// tests of the same package still run.
package boottest

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ebbnode/ebbnode/host/image"
	"github.com/ebbnode/ebbnode/host/qemu"
)

// Defaults for Options' zero fields: small enough to keep a test suite
// under TCG quick, large enough for the Go runtime.
const (
	DefaultMemoryMiB = 64
	DefaultTimeout   = 60 * time.Second
)

// Options tune one boot. The zero value is a q35 VM with 64 MiB, one CPU,
// KVM if usable else TCG, and a 60 s limit.
type Options struct {
	Machine   string        // qemu.MachineQ35 (default) or qemu.MachineMicrovm
	MemoryMiB int           // default DefaultMemoryMiB
	CPUs      int           // default 1
	Accel     string        // default qemu.AccelAuto
	Timeout   time.Duration // default DefaultTimeout
	Append    string        // kernel command line
	Console   io.Writer     // live copy of the console; nil for none
}

// Result is how a boot ended (see qemu.Result), plus what a test needs to
// relate it to the host.
type Result struct {
	qemu.Result
	Image string    // the booted image
	Start time.Time // host wall clock just before QEMU started
}

// Output returns the console text.
func (r Result) Output() string { return string(r.Console) }

var cache struct {
	sync.Mutex
	dir    string
	images map[string]string // package key -> image path
	failed map[string]error  // package key -> why its build failed
	build  map[string]*sync.Mutex
}

// Build links pkg (a directory such as "./testdata/hello", relative to the
// current directory, or an import path) into an image and returns its
// path. Each package is built once per process.
func Build(ctx context.Context, pkg string) (string, error) {
	key := pkg
	if isDir(pkg) {
		abs, err := filepath.Abs(pkg)
		if err != nil {
			return "", fmt.Errorf("boottest: %w", err)
		}
		key = abs
	}
	mu, err := buildLock(key)
	if err != nil {
		return "", err
	}
	mu.Lock()
	defer mu.Unlock()
	cache.Lock()
	path, ok := cache.images[key]
	err = cache.failed[key]
	cache.Unlock()
	if ok || err != nil {
		// A failed build is not retried: the sources did not change.
		return path, err
	}
	dir, err := os.MkdirTemp(cache.dir, filepath.Base(key)+"-")
	if err != nil {
		return "", fmt.Errorf("boottest: image cache: %w", err)
	}
	path = filepath.Join(dir, filepath.Base(key)+".elf")
	if err := image.Link(ctx, image.LinkOptions{Pkg: key, Out: path}); err != nil {
		err = fmt.Errorf("boottest: build %s: %w", pkg, err)
		if ctx.Err() == nil {
			cache.Lock()
			cache.failed[key] = err
			cache.Unlock()
		}
		return "", err
	}
	cache.Lock()
	cache.images[key] = path
	cache.Unlock()
	return path, nil
}

// buildLock returns the lock that serialises builds of one package, so two
// tests booting it at once build it once.
func buildLock(key string) (*sync.Mutex, error) {
	cache.Lock()
	defer cache.Unlock()
	if cache.dir == "" {
		dir, err := os.MkdirTemp("", "boottest-")
		if err != nil {
			return nil, fmt.Errorf("boottest: image cache: %w", err)
		}
		cache.dir = dir
		cache.images = map[string]string{}
		cache.failed = map[string]error{}
		cache.build = map[string]*sync.Mutex{}
	}
	mu := cache.build[key]
	if mu == nil {
		mu = new(sync.Mutex)
		cache.build[key] = mu
	}
	return mu, nil
}

func isDir(pkg string) bool {
	return strings.HasPrefix(pkg, ".") || filepath.IsAbs(pkg)
}

// BootImage boots an already built image.
func BootImage(ctx context.Context, path string, o Options) (Result, error) {
	if o.MemoryMiB == 0 {
		o.MemoryMiB = DefaultMemoryMiB
	}
	if o.Timeout == 0 {
		o.Timeout = DefaultTimeout
	}
	r := Result{Image: path, Start: time.Now()}
	var err error
	r.Result, err = qemu.Run(ctx, qemu.Config{
		Kernel:    path,
		Machine:   o.Machine,
		MemoryMiB: o.MemoryMiB,
		CPUs:      o.CPUs,
		Accel:     o.Accel,
		Append:    o.Append,
		Timeout:   o.Timeout,
		Console:   o.Console,
	})
	if err != nil {
		return r, fmt.Errorf("boottest: boot %s: %w", filepath.Base(path), err)
	}
	return r, nil
}

// BuildAndBoot builds pkg (see Build) and boots it.
func BuildAndBoot(ctx context.Context, pkg string, o Options) (Result, error) {
	path, err := Build(ctx, pkg)
	if err != nil {
		return Result{}, err
	}
	return BootImage(ctx, path, o)
}

// Boot builds and boots pkg for a test, failing the test if either step
// cannot be done. A guest that crashes, panics or times out is not such a
// failure: the test inspects the Result. If the test fails, the console is
// added to its log.
func Boot(t testing.TB, pkg string, o Options) Result {
	t.Helper()
	RequireQEMU(t)
	path, err := Build(context.Background(), pkg)
	if err != nil {
		t.Fatal(err)
	}
	r, err := BootImage(context.Background(), path, o)
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("%s: exit %d (QEMU status %d, timed out %v, crashed %v) after %v; console:\n%s",
				pkg, r.ExitCode, r.Status, r.TimedOut, r.Crashed, r.Wall.Round(time.Millisecond), r.Console)
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// RequireQEMU fails the test at once, with one line, when QEMU is missing.
// Boot calls it; tests that start QEMU another way call it first.
func RequireQEMU(t testing.TB) {
	t.Helper()
	if _, err := qemu.Find(); err != nil {
		t.Fatalf("%s boots a guest: %v", t.Name(), err)
	}
}

// Main runs a test binary's tests (call it from TestMain) and removes the
// image cache after. It does not require QEMU: see RequireQEMU.
func Main(m *testing.M) {
	code := m.Run()
	Cleanup()
	os.Exit(code)
}

// Cleanup removes the cached images; the next Build starts afresh.
// Programs that use Build or BuildAndBoot outside tests call it when done.
func Cleanup() {
	cache.Lock()
	defer cache.Unlock()
	if cache.dir != "" {
		os.RemoveAll(cache.dir)
	}
	cache.dir = ""
}

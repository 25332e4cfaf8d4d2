package boottest_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/ebbnode/ebbnode/host/qemu/qemutest"
	"github.com/ebbnode/ebbnode/kernel/boottest"
)

// TestBootImage checks the harness itself on a hand-made image, so a
// harness bug is not mistaken for a kernel bug.
func TestBootImage(t *testing.T) {
	path, err := new(qemutest.Program).Print("harness\n").Exit(4).Write(t.TempDir(), "h.elf")
	if err != nil {
		t.Fatal(err)
	}
	before := time.Now()
	r, err := boottest.BootImage(context.Background(), path, boottest.Options{Machine: "microvm"})
	if err != nil {
		t.Fatal(err)
	}
	if r.ExitCode != 4 || r.Output() != "harness\n" || r.Image != path {
		t.Errorf("got exit %d output %q image %q", r.ExitCode, r.Output(), r.Image)
	}
	if r.Start.Before(before) || r.Wall <= 0 {
		t.Errorf("start %v (before %v), wall %v", r.Start, before, r.Wall)
	}
}

func TestBuildErrorIsReportedOnce(t *testing.T) {
	ctx := context.Background()
	_, err1 := boottest.Build(ctx, "./testdata/no-such-guest")
	if err1 == nil || !strings.Contains(err1.Error(), "no-such-guest") {
		t.Fatalf("Build(missing package) = %v, want an error naming it", err1)
	}
	start := time.Now()
	_, err2 := boottest.Build(ctx, "./testdata/no-such-guest")
	if err2 == nil || err2.Error() != err1.Error() || time.Since(start) > time.Second {
		t.Errorf("second Build = %v after %v, want the cached error at once", err2, time.Since(start))
	}
}

// fatalRecorder is a testing.TB whose Fatalf only records.
type fatalRecorder struct {
	testing.TB
	msg string
}

func (f *fatalRecorder) Fatalf(format string, args ...any) { f.msg = fmt.Sprintf(format, args...) }

// TestRequireQEMU checks that a boot test without QEMU fails, naming
// itself and what to install, instead of skipping.
func TestRequireQEMU(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	f := &fatalRecorder{TB: t}
	boottest.RequireQEMU(f)
	if !strings.Contains(f.msg, t.Name()+" boots a guest: qemu-system-x86_64 not found: install it") {
		t.Errorf("RequireQEMU without QEMU said %q", f.msg)
	}
}

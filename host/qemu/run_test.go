package qemu_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ebbnode/ebbnode/host/qemu"
	"github.com/ebbnode/ebbnode/host/qemu/qemutest"
)

func TestMain(m *testing.M) {
	// Boot tests must not pass vacuously where QEMU is missing.
	if _, err := qemu.Find(); err != nil {
		os.Stderr.WriteString(err.Error() + "\n")
		os.Exit(1)
	}
	os.Exit(m.Run())
}

// image writes p as a uniquely named image (so leftover QEMUs can be found
// by it) and returns its path.
func image(t *testing.T, p *qemutest.Program) string {
	t.Helper()
	path, err := p.Write(t.TempDir(), "test.elf")
	if err != nil {
		t.Fatal(err)
	}
	return path
}

// config is a small TCG boot of kernel.
func config(kernel string) qemu.Config {
	return qemu.Config{Kernel: kernel, MemoryMiB: 32, Accel: qemu.AccelTCG, Timeout: 30 * time.Second}
}

func TestRunExitCodes(t *testing.T) {
	tests := []struct {
		name    string
		machine string
		prog    *qemutest.Program
		code    int
		crashed bool
		console string
	}{
		{"exit 0", qemu.MachineQ35, new(qemutest.Program).Print("hello\n").Exit(0), 0, false, "hello\n"},
		{"exit 3", qemu.MachineQ35, new(qemutest.Program).Print("bye\n").Exit(3), 3, false, "bye\n"},
		{"panic code", qemu.MachineQ35, new(qemutest.Program).Exit(qemu.ExitPanic), qemu.ExitPanic, false, ""},
		{"triple fault", qemu.MachineQ35, new(qemutest.Program).Print("x").TripleFault(), qemu.ExitCrash, true, "x"},
		{"microvm exit 5", qemu.MachineMicrovm, new(qemutest.Program).Print("micro\n").Exit(5), 5, false, "micro\n"},
		{"microvm triple fault", qemu.MachineMicrovm, new(qemutest.Program).TripleFault(), qemu.ExitCrash, true, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := config(image(t, tt.prog))
			c.Machine = tt.machine
			var live bytes.Buffer
			c.Console = &live
			res, err := qemu.Run(context.Background(), c)
			if err != nil {
				t.Fatalf("Run: %v", err)
			}
			if res.ExitCode != tt.code || res.Crashed != tt.crashed || res.TimedOut {
				t.Errorf("got code %d crashed %v timedOut %v (status %d); want code %d crashed %v",
					res.ExitCode, res.Crashed, res.TimedOut, res.Status, tt.code, tt.crashed)
			}
			if string(res.Console) != tt.console || live.String() != tt.console {
				t.Errorf("console %q, streamed %q; want %q", res.Console, live.String(), tt.console)
			}
			if res.Accel != qemu.AccelTCG {
				t.Errorf("accel %q, want tcg", res.Accel)
			}
		})
	}
}

// TestRunTimeout boots a guest that halts forever (halted rather than
// spinning, to spare the CPU) and one held at its first instruction by -S:
// both must be killed close to the limit, leaving no QEMU behind.
func TestRunTimeout(t *testing.T) {
	for _, gdb := range []bool{false, true} {
		c := config(image(t, new(qemutest.Program).Print("waiting\n").Hang()))
		c.Timeout = 3 * time.Second
		c.GDB = gdb
		if gdb {
			// Port 1234 may be taken; a paused CPU without a stub is
			// the same hang.
			c.GDB = false
			c.ExtraArgs = []string{"-S"}
		}
		start := time.Now()
		res, err := qemu.Run(context.Background(), c)
		took := time.Since(start)
		if err != nil {
			t.Fatalf("Run: %v", err)
		}
		if !res.TimedOut || res.ExitCode != qemu.ExitTimeout {
			t.Errorf("paused=%v: TimedOut %v code %d, want true %d", gdb, res.TimedOut, res.ExitCode, qemu.ExitTimeout)
		}
		if took < c.Timeout || took > c.Timeout+3*time.Second {
			t.Errorf("paused=%v: Run took %v with timeout %v", gdb, took, c.Timeout)
		}
		if !gdb && !strings.Contains(string(res.Console), "waiting") {
			t.Errorf("console %q lacks the guest's output before the timeout", res.Console)
		}
		if pids := qemusFor(t, c.Kernel); len(pids) > 0 {
			t.Errorf("QEMU still running after timeout: pids %v", pids)
		}
	}
}

func TestRunCanceled(t *testing.T) {
	c := config(image(t, new(qemutest.Program).Hang()))
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(500*time.Millisecond, cancel)
	start := time.Now()
	_, err := qemu.Run(ctx, c)
	if !errors.Is(err, context.Canceled) {
		t.Errorf("Run after cancel: err %v, want context.Canceled", err)
	}
	if took := time.Since(start); took > 5*time.Second {
		t.Errorf("Run took %v to stop after cancel", took)
	}
	if pids := qemusFor(t, c.Kernel); len(pids) > 0 {
		t.Errorf("QEMU still running after cancel: pids %v", pids)
	}
}

func TestRunBadImage(t *testing.T) {
	dir := t.TempDir()
	notPVH := filepath.Join(dir, "notpvh.elf")
	// A valid ELF header without the PVH note: QEMU refuses it itself.
	elf := new(qemutest.Program).Exit(0).ELF()
	elf[4] = 1 // ELFCLASS32: QEMU no longer finds the note
	if err := os.WriteFile(notPVH, elf, 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := qemu.Run(context.Background(), config(notPVH))
	t.Logf("non-PVH image: %v", err)
	if err == nil || !strings.Contains(err.Error(), "kernel") {
		t.Errorf("Run(non-PVH image) error = %v, want QEMU's error", err)
	}
	_, err = qemu.Run(context.Background(), config(filepath.Join(dir, "missing.elf")))
	if !errors.Is(err, os.ErrNotExist) {
		t.Errorf("Run(missing image) error = %v, want not-exist", err)
	}
}

func TestRunNoticeAndKVMRefusal(t *testing.T) {
	dir := t.TempDir()
	cpuinfo := filepath.Join(dir, "cpuinfo")
	if err := os.WriteFile(cpuinfo, []byte("flags\t: fpu sse2 hypervisor\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	noKVM := qemu.Host{CPUInfo: cpuinfo, KVMDevice: filepath.Join(dir, "kvm"), SysModule: dir}

	c := config(image(t, new(qemutest.Program).Exit(0)))
	c.Accel, c.Host = qemu.AccelAuto, noKVM
	var log bytes.Buffer
	c.Log = &log
	res, err := qemu.Run(context.Background(), c)
	if err != nil || res.Accel != qemu.AccelTCG {
		t.Fatalf("auto without KVM: accel %q err %v, want tcg", res.Accel, err)
	}
	if want := "ebbnode: KVM unavailable (no vmx/svm), using TCG\n"; log.String() != want {
		t.Errorf("log %q, want %q", log.String(), want)
	}

	c.Accel = qemu.AccelKVM
	if _, err := qemu.Run(context.Background(), c); err == nil {
		t.Errorf("forced KVM on a host without it: no error")
	}
}

func TestFindMissing(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	_, err := qemu.Run(context.Background(), config(image(t, new(qemutest.Program).Exit(0))))
	want := "qemu-system-x86_64 not found: install it with 'apt-get install qemu-system-x86'"
	if err == nil || err.Error() != want {
		t.Errorf("Run without QEMU: %v, want %q", err, want)
	}
}

// qemusFor lists the pids of processes whose command line mentions kernel.
func qemusFor(t *testing.T, kernel string) []string {
	t.Helper()
	procs, err := filepath.Glob("/proc/[0-9]*/cmdline")
	if err != nil {
		t.Fatal(err)
	}
	var pids []string
	for _, p := range procs {
		b, err := os.ReadFile(p)
		if err == nil && bytes.Contains(b, []byte(kernel)) {
			pids = append(pids, filepath.Base(filepath.Dir(p)))
		}
	}
	return pids
}

// TestRunNetForward: QEMU accepts the network arguments on both machines
// and its hostfwd holds the forwarded host port while the guest runs (a
// bind of that port fails), and lets it go when QEMU is gone.
func TestRunNetForward(t *testing.T) {
	for _, machine := range []string{qemu.MachineQ35, qemu.MachineMicrovm} {
		t.Run(machine, func(t *testing.T) {
			port := freePort(t)
			c := config(image(t, new(qemutest.Program).Hang()))
			c.Machine = machine
			c.ExtraArgs = qemu.Net{Mode: qemu.NetUser, Forwards: []qemu.Forward{
				{Proto: "tcp", HostIP: "127.0.0.1", HostPort: port, GuestPort: 8080},
			}}.Args(machine)
			ctx, cancel := context.WithCancel(context.Background())
			done := make(chan error, 1)
			go func() { _, err := qemu.Run(ctx, c); done <- err }()
			held := false
			for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline) && !held; {
				select {
				case err := <-done:
					t.Fatalf("QEMU ended early: %v", err)
				case <-time.After(50 * time.Millisecond):
				}
				ln, err := net.Listen("tcp", fmt.Sprintf("127.0.0.1:%d", port))
				if err != nil {
					held = true
				} else {
					ln.Close()
				}
			}
			cancel()
			<-done
			if !held {
				t.Fatalf("host port %d was never taken by QEMU's forward", port)
			}
			ln, err := net.Listen("tcp", fmt.Sprintf("127.0.0.1:%d", port))
			if err != nil {
				t.Fatalf("port %d still held after QEMU ended: %v", port, err)
			}
			ln.Close()
		})
	}
}

// freePort returns a TCP port on 127.0.0.1 that was free a moment ago.
func freePort(t *testing.T) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

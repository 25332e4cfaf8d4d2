package launch

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/ebbnode/ebbnode/host/offload"
	"github.com/ebbnode/ebbnode/host/qemu"
)

func TestValidate(t *testing.T) {
	if err := Default.Validate(); err != nil {
		t.Fatalf("Default: %v", err)
	}
	for _, tt := range []struct {
		change  func(*VM)
		setting string
	}{
		{func(vm *VM) { vm.MemoryMiB = 0 }, "memory"},
		{func(vm *VM) { vm.MemoryMiB = MinMemoryMiB - 1 }, "memory"},
		{func(vm *VM) { vm.MemoryMiB = MaxMemoryMiB + 1 }, "memory"},
		{func(vm *VM) { vm.CPUs = 0 }, "cpus"},
		{func(vm *VM) { vm.CPUs = MaxCPUs + 1 }, "cpus"},
		{func(vm *VM) { vm.Machine = "pc" }, "machine"},
		{func(vm *VM) { vm.Machine = "" }, "machine"},
		{func(vm *VM) { vm.Accel = "hvf" }, "accel"},
		{func(vm *VM) { vm.Timeout = -time.Second }, "timeout"},
	} {
		vm := Default
		tt.change(&vm)
		var se *SettingError
		if err := vm.Validate(); !errors.As(err, &se) || se.Setting != tt.setting {
			t.Errorf("Validate(%+v) = %v, want a SettingError for %s", vm, err, tt.setting)
		}
	}
	for _, ok := range []VM{
		{Machine: qemu.MachineMicrovm, MemoryMiB: MinMemoryMiB, CPUs: 1, Accel: qemu.AccelTCG},
		{Machine: qemu.MachineQ35, MemoryMiB: MaxMemoryMiB, CPUs: MaxCPUs, Accel: qemu.AccelKVM},
	} {
		if err := ok.Validate(); err != nil {
			t.Errorf("Validate(%+v) = %v", ok, err)
		}
	}
}

// TestMessengerDevices: the channel is a virtserialport on PCI (q35) or
// virtio-mmio (microvm), and reaches QEMU's command line through VM.QEMU.
func TestMessengerDevices(t *testing.T) {
	for machine, dev := range map[string]string{qemu.MachineQ35: "virtio-serial-pci-transitional", qemu.MachineMicrovm: "virtio-serial-device"} {
		vm := Default
		vm.Machine = machine
		vm.Net = qemu.Net{} // the channel alone after -kernel
		vm.Devices = []Device{Messenger{Socket: "/d/m.sock"}}
		args := strings.Join(vm.CommandLine("k.img", qemu.AccelTCG), " ")
		want := "-kernel k.img -chardev socket,id=messenger,path=/d/m.sock -device " + dev + " -device virtserialport,chardev=messenger,nr=1,name=org.ebbnode.messenger"
		if !strings.HasSuffix(args, want) {
			t.Errorf("%s: %q lacks %q", machine, args, want)
		}
	}
}

func TestCheckMounts(t *testing.T) {
	a := offload.Mount{Host: "/h/a", Guest: "/x"}
	b := offload.Mount{Host: "/h/b", Guest: "/x", ReadOnly: true}
	c := offload.Mount{Host: "/h/c", Guest: "/x/y"}
	if err := CheckMounts([]offload.Mount{a, c}); err != nil {
		t.Errorf("nested grants: %v", err)
	}
	err := CheckMounts([]offload.Mount{a, c, b})
	if err == nil || !strings.Contains(err.Error(), "/h/a:/x") || !strings.Contains(err.Error(), "/h/b:/x:ro") {
		t.Errorf("two grants of /x: %v, want both named", err)
	}
}

// TestSweepStale: run directories of dead processes go, those of live
// ones (this one) and unrelated names stay.
func TestSweepStale(t *testing.T) {
	tmp := t.TempDir()
	dead := exec.Command("true")
	if err := dead.Run(); err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{ // name -> swept
		fmt.Sprintf("%s%d-1", runDirPrefix, dead.Process.Pid): true,
		fmt.Sprintf("%s%d-2", runDirPrefix, os.Getpid()):      false,
		runDirPrefix + "x-3": false,
		"ebbnode-bench-4":    false,
	}
	for n := range names {
		if err := os.MkdirAll(filepath.Join(tmp, n, "sub"), 0o700); err != nil {
			t.Fatal(err)
		}
	}
	removed := SweepStale(tmp)
	for n, swept := range names {
		_, err := os.Stat(filepath.Join(tmp, n))
		if gone := os.IsNotExist(err); gone != swept {
			t.Errorf("%s: removed %v, want %v", n, gone, swept)
		}
		if slices.Contains(removed, filepath.Join(tmp, n)) != swept {
			t.Errorf("%s: reported %v", n, removed)
		}
	}
}

// TestNewRunDir: private to the user, named for this process.
func TestNewRunDir(t *testing.T) {
	t.Setenv("TMPDIR", t.TempDir())
	d, err := NewRunDir()
	if err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(d)
	if err != nil || st.Mode().Perm() != 0o700 {
		t.Errorf("mode %v, %v; want 0700", st.Mode(), err)
	}
	if pid, ok := ownerPID(filepath.Base(d)); !ok || pid != os.Getpid() {
		t.Errorf("%s: owner %d %v, want %d", d, pid, ok, os.Getpid())
	}
}

// TestAppOutcome: the script's own status wins; a host failure that
// stopped QEMU is one line and status 1; a script that did not finish
// shows the console tail and how the machine ended.
func TestAppOutcome(t *testing.T) {
	bg := context.Background()
	stoppedBy := func(cause error) context.Context {
		ctx, cancel := context.WithCancelCause(bg)
		cancel(cause)
		return ctx
	}
	stopErr := fmt.Errorf("qemu: stopped: %w", context.Canceled)
	panicked := qemu.Result{ExitCode: qemu.ExitPanic, Console: []byte("panic: boom\n")}
	hostErr := &HostError{errors.New("offload: bad frame")}
	for _, tt := range []struct {
		name    string
		runCtx  context.Context
		res     qemu.Result
		runErr  error
		sv      served
		code    int
		message string
		console string
	}{
		{"script exit", bg, qemu.Result{ExitCode: 3}, nil, served{3, nil}, 3, "", ""},
		{"host failure", stoppedBy(hostErr), qemu.Result{}, stopErr, served{-1, hostErr.Err}, 1, "host side failed: offload: bad frame; QEMU stopped", ""},
		{"no stop after exit", stoppedBy(errNoStop), qemu.Result{}, stopErr, served{0, nil}, 0, "the guest did not stop after the script exited: stopped after 10s", ""},
		{"panic", bg, panicked, nil, served{-1, offload.ErrNoExit}, qemu.ExitPanic, "the script did not finish: kernel panic", "panic: boom\n"},
		{"crash", bg, qemu.Result{Crashed: true, Status: 0}, nil, served{-1, offload.ErrNoExit}, qemu.ExitCrash, "the script did not finish: guest stopped without an exit status (crash or triple fault; QEMU status 0)", ""},
		{"timeout", bg, qemu.Result{TimedOut: true, ExitCode: qemu.ExitTimeout}, nil, served{-1, offload.ErrNoExit}, qemu.ExitTimeout, "the script did not finish: guest killed after --timeout 1m0s", ""},
	} {
		o := appOutcome(bg, tt.runCtx, VM{Timeout: time.Minute}, tt.res, tt.runErr, tt.sv)
		if o.Code != tt.code || o.Message != tt.message || string(o.Console) != tt.console {
			t.Errorf("%s: code %d message %q console %q; want %d %q %q", tt.name, o.Code, o.Message, o.Console, tt.code, tt.message, tt.console)
		}
	}
	ctx, cancel := context.WithCancelCause(bg)
	cancel(errors.New("SIGHUP"))
	o := appOutcome(ctx, ctx, VM{}, qemu.Result{}, stopErr, served{-1, context.Canceled})
	var buf bytes.Buffer
	o.Report(&buf)
	if o.Code != ExitInterrupted || !o.Interrupted || buf.String() != "\nebbnode: interrupted (SIGHUP); QEMU stopped\n" {
		t.Errorf("interrupted: code %d report %q", o.Code, buf.String())
	}
}

// TestWatch: a protocol error stops QEMU at once; a stream that ended
// without an exit (QEMU on its way out) stops it only if QEMU does not end
// by itself within lostGrace, and names the lost stream.
func TestWatch(t *testing.T) {
	run := func(sv served, qemuEnds bool) error {
		ctx, stop := context.WithCancelCause(context.Background())
		defer stop(nil)
		done := make(chan struct{})
		if qemuEnds {
			close(done)
		}
		watch(ctx, stop, sv, done)
		return context.Cause(ctx)
	}
	bad := errors.New("offload: messenger: reserved frame flags set")
	var he *HostError
	if cause := run(served{-1, bad}, true); !errors.As(cause, &he) || he.Err != bad {
		t.Errorf("protocol error: cause %v, want a HostError even though QEMU is ending", cause)
	}
	lost := fmt.Errorf("offload: %w", offload.ErrNoExit)
	if cause := run(served{-1, lost}, true); cause != nil {
		t.Errorf("stream ended as QEMU ended: QEMU stopped (%v), want it left to report its own end", cause)
	}
	if cause := run(served{-1, lost}, false); !errors.As(cause, &he) || !errors.Is(cause, offload.ErrNoExit) {
		t.Errorf("stream lost while QEMU runs: cause %v, want a HostError naming it", cause)
	}
	if cause := run(served{0, nil}, true); cause != nil {
		t.Errorf("script exited and QEMU ended: cause %v", cause)
	}
}

// TestBootUsesChecked: Boot takes Run.Checked for the image it names
// instead of reading the file again (here there is no file, and the
// recorded bundle lies past the RAM), and ignores one for another path.
func TestBootUsesChecked(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "gone.img")
	vm := Default
	vm.MemoryMiB = MinMemoryMiB
	r := Run{VM: vm, Image: missing, App: &offload.Config{}, Checked: &Image{Path: missing, App: true, BundleEnd: 64 << 20}}
	if out := Boot(context.Background(), r); out.Code != 1 || !strings.Contains(out.Message, "loads up to 64.0 MiB") {
		t.Errorf("Boot with Checked = %d %q, want the bundle-past-RAM refusal", out.Code, out.Message)
	}
	r.Checked = &Image{Path: "other.img", App: true}
	if out := Boot(context.Background(), r); out.Code != 1 || !strings.Contains(out.Message, "no such file") {
		t.Errorf("Boot with another image's Checked = %d %q, want the missing file named", out.Code, out.Message)
	}
}

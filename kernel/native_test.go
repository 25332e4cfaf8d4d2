package kernel_test

import (
	"context"
	"fmt"
	"hash/crc32"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/ebbnode/ebbnode/host/qemu"
	"github.com/ebbnode/ebbnode/kernel/boottest"
)

// Native tests: they boot the guests in internal/guests under QEMU and check
// the kernel's own features (fatal traps, debug switches, large pages).
// The Go-runtime acceptance tests live in kernel/boottest.

func TestMain(m *testing.M) { boottest.Main(m) }

func TestFatalFault(t *testing.T) {
	r := boottest.Boot(t, "./internal/guests/fault", boottest.Options{})
	if r.TimedOut || r.Crashed || r.ExitCode != 0x7f {
		t.Fatalf("exit code %d (crashed %v, timed out %v), want the fatal code 0x7f", r.ExitCode, r.Crashed, r.TimedOut)
	}
	for _, want := range []string{"about to single-step\n", "unhandled exception in the Go world: vector 1 ", " rip 0x", " rsp 0x", "backtrace:"} {
		if !strings.Contains(r.Output(), want) {
			t.Errorf("console lacks %q", want)
		}
	}
	if strings.Contains(r.Output(), "single-step returned") {
		t.Error("execution continued after the fault")
	}
}

func TestUnknownSyscallCounted(t *testing.T) {
	r := boottest.Boot(t, "./internal/guests/enosys", boottest.Options{Append: "ebbnode.debug=syscalls"})
	if r.TimedOut || r.Crashed || r.ExitCode != 0 {
		t.Fatalf("exit code %d (crashed %v, timed out %v), want 0", r.ExitCode, r.Crashed, r.TimedOut)
	}
	if !strings.Contains(r.Output(), "syslog: 38 function not implemented\n") {
		t.Errorf("guest did not get ENOSYS for syslog")
	}
	if want := `getwd="/" <nil> uid=0 gid=0 ppid=0 uname=ebbnode/6.1.0-ebbnode/x86_64 <nil>` + "\n"; !strings.Contains(r.Output(), want) {
		t.Errorf("console lacks %q", want)
	}
	counts := regexp.MustCompile(`ebbnode: syscalls:.*`).FindString(r.Output())
	for _, want := range []string{" syslog=1(ENOSYS)", " uname=1", " getcwd=1", " write=", " exit_group=1", " clone=", " futex=", " mmap="} {
		if !strings.Contains(counts, want) {
			t.Errorf("syscall counts %q lack %q", counts, want)
		}
	}
	// The runtime reads the clock through the vDSO: no clock_gettime traps.
	if strings.Contains(counts, " clock_gettime=") {
		t.Errorf("clock_gettime trapped although the vDSO provides it: %q", counts)
	}
}

// TestNoVDSO checks the vDSO switch: without it every clock read traps.
func TestNoVDSO(t *testing.T) {
	r := boottest.Boot(t, "./internal/guests/hello", boottest.Options{Append: "ebbnode.debug=syscalls,novdso"})
	if r.TimedOut || r.Crashed || r.ExitCode != 0 {
		t.Fatalf("exit code %d (crashed %v, timed out %v), want 0", r.ExitCode, r.Crashed, r.TimedOut)
	}
	counts := regexp.MustCompile(`ebbnode: syscalls:.*`).FindString(r.Output())
	if !regexp.MustCompile(` clock_gettime=[1-9]`).MatchString(counts) {
		t.Errorf("with novdso the clock should trap: %q", counts)
	}
}

func TestBootDebugAndLargePages(t *testing.T) {
	r := boottest.Boot(t, "./internal/guests/hello", boottest.Options{Append: "ebbnode.debug=boot,mmap"})
	if r.TimedOut || r.Crashed || r.ExitCode != 0 {
		t.Fatalf("exit code %d (crashed %v, timed out %v), want 0", r.ExitCode, r.Crashed, r.TimedOut)
	}
	if !strings.Contains(r.Output(), "hello from ebbnode\n") {
		t.Error("console lacks the guest's line")
	}
	if !regexp.MustCompile(`ebbnode: boot: TSC \d+ MHz \(PIT\)`).MatchString(r.Output()) {
		t.Error("no TSC calibration line")
	}
	for _, stage := range []string{"pvh-entry", "clock calibrated", "_rt0", "kernel package init"} {
		if !regexp.MustCompile(`ebbnode: boot: ` + regexp.QuoteMeta(stage) + `.* at \d+ us \(\+ \d+ us\)`).MatchString(r.Output()) {
			t.Errorf("no boot time line for %q", stage)
		}
	}
	if !strings.Contains(r.Output(), "init github.com/ebbnode/ebbnode/kernel @") {
		t.Error("no package init trace (GODEBUG inittrace)")
	}
	if !regexp.MustCompile(`demand-paged mappings: 2M=[1-9]\d* `).MatchString(r.Output()) {
		t.Errorf("the Go heap got no 2 MiB pages: %s", regexp.MustCompile(`demand-paged mappings:.*`).FindString(r.Output()))
	}
}

func TestBootModules(t *testing.T) {
	img, err := boottest.Build(context.Background(), "./internal/guests/modules")
	if err != nil {
		t.Fatal(err)
	}
	// A module larger than a few frames, placed by QEMU in RAM the frame
	// allocator would otherwise hand out.
	data := make([]byte, 300000)
	for i := range data {
		data[i] = byte(i * 7)
	}
	copy(data, "EBBNODE-MODULE!!")
	mod := filepath.Join(t.TempDir(), "module.bin")
	if err := os.WriteFile(mod, data, 0o644); err != nil {
		t.Fatal(err)
	}
	r, err := qemu.Run(context.Background(), qemu.Config{Kernel: img, MemoryMiB: 64,
		Timeout: boottest.DefaultTimeout, ExtraArgs: []string{"-initrd", mod}})
	if err != nil {
		t.Fatal(err)
	}
	if r.TimedOut || r.Crashed || r.ExitCode != 0 {
		t.Fatalf("exit code %d (crashed %v, timed out %v), want 0; console:\n%s", r.ExitCode, r.Crashed, r.TimedOut, r.Console)
	}
	want := fmt.Sprintf("modules=1\nmodule 0: size=%d crc=%08x head=%q\n", len(data), crc32.ChecksumIEEE(data), data[:16])
	if !strings.Contains(string(r.Console), want) {
		t.Errorf("console lacks %q:\n%s", want, r.Console)
	}
}

// TestDriverAPI drives QEMU's edu device from a goroutine: PCI scan, MMIO,
// MSI interrupts counted by kernel.WaitIRQ (with a timeout case) and DMA
// to and from kernel.AllocDMA memory.
func TestDriverAPI(t *testing.T) {
	img, err := boottest.Build(context.Background(), "./internal/guests/edu")
	if err != nil {
		t.Fatal(err)
	}
	r, err := qemu.Run(context.Background(), qemu.Config{Kernel: img, MemoryMiB: 64,
		Timeout: boottest.DefaultTimeout, ExtraArgs: qemu.EduArgs()})
	if err != nil {
		t.Fatal(err)
	}
	if r.TimedOut || r.Crashed || r.ExitCode != 0 {
		t.Fatalf("exit code %d (crashed %v, timed out %v), want 0; console:\n%s", r.ExitCode, r.Crashed, r.TimedOut, r.Console)
	}
	want := "edu id=0xed live=true irqs=[1 2] timeout=true dma-irq=3 dma-status=0x100 dma=true zero-tail=true\n"
	if !strings.Contains(string(r.Console), want) {
		t.Errorf("console lacks %q:\n%s", want, r.Console)
	}
}

// TestVirtioConsole talks to a guest over a virtio console (legacy PCI
// transport, MSI-X interrupts, DMA rings) on port 0, a virtconsole, driven
// with MULTIPORT: line echo both ways and a 64 KiB write that spans many
// transmit buffers. QEMU treats a virtconsole as always open and drops
// what it gets with no host connected, so the host connects first here
// (TestVirtioConsoleAuto covers writing first, on a virtserialport).
func TestVirtioConsole(t *testing.T) {
	img, err := boottest.Build(context.Background(), "./internal/guests/vconsole")
	if err != nil {
		t.Fatal(err)
	}
	g := startConsoleGuest(t, img, qemu.MachineQ35, nil, true, "vconsole", true)
	if g.port != 0 {
		t.Errorf("guest drives port %d, want 0 (the virtconsole)", g.port)
	}
	out := echoOverConsole(t, g, "ready\n")
	if !strings.Contains(out, "vconsole: 2 lines echoed\n") {
		t.Errorf("serial console lacks the guest's summary:\n%s", out)
	}
}

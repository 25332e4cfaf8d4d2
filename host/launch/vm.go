package launch

import (
	"fmt"
	"io"
	"time"

	"github.com/ebbnode/ebbnode/host/qemu"
)

// Limits on VM settings, checked by Validate before anything starts.
const (
	// MinMemoryMiB: the native runtime's text and data (about 13 MiB;
	// the kernel backs the BSS tail on first touch, and an app bundle
	// under 1 MiB loads below the runtime) plus the Go heap of a small
	// script. "hello" runs in 19 MiB and runs out of frames in 18; 32
	// leaves it room. A larger bundle loads above the BSS (about 46
	// MiB): Boot refuses a VM whose RAM ends below it.
	MinMemoryMiB = 32
	// MaxMemoryMiB: the kernel uses RAM above 4 GiB too (q35 moves RAM
	// past 2 GiB there once -m reaches 2816 MiB), through demand-paged
	// mappings; 16 GiB bounds what one run may ask of the host (QEMU
	// commits it lazily).
	MaxMemoryMiB = 16384
	// MaxCPUs is what the kernel starts (its per-CPU table holds 32);
	// under TCG more vCPUs than host cores only share the host's cores.
	MaxCPUs = 32
)

// VM is the machine one run boots. Every field is explicit: a zero
// MemoryMiB or CPUs is an error, not a default (see Default).
type VM struct {
	Machine   string // qemu.MachineQ35 or qemu.MachineMicrovm
	MemoryMiB int
	CPUs      int
	Accel     string        // qemu.AccelAuto, AccelKVM or AccelTCG
	Timeout   time.Duration // 0: no limit but the context's
	GDB       bool          // QEMU's gdb stub on localhost, CPU held at the first instruction
	Append    string        // kernel command line
	// Console receives the kernel's serial console as it arrives
	// (`ebbnode run --verbose`); nil shows nothing, and the end of it is
	// reported only when an app's script did not finish.
	Console io.Writer
	Log     io.Writer // QEMU's own messages; nil discards them
	// Net is the network device and its backend; the zero value is
	// none. Boot checks its host side (free forward ports, the tap
	// device) before QEMU starts (CheckNet).
	Net qemu.Net
	// Netns runs QEMU inside this named network namespace (`ip netns
	// exec`), where Net's tap device is: Boot then leaves the tap's
	// checks to QEMU, which makes them from inside.
	Netns string
	// Devices are attached besides the board's fixed ones. Boot adds the
	// Messenger channel of an app itself.
	Devices []Device
}

// DefaultMemoryMiB is `ebbnode run`'s guest RAM: room for real apps (the
// typescript compiler type-checking a program against the DOM's types
// keeps about 500 MB live), while costing a small app nothing, because
// QEMU commits guest RAM only as the guest touches it and the kernel
// touches a frame only when it hands it out: hello's QEMU peaks at the
// same RSS (about 136 MB under TCG, mostly QEMU's own) with 128, 1024 or
// 4096 MiB. The Go heap's soft limit follows it (GOMEMLIMIT from the e820
// map), so a larger VM does not make the collector lazier below the limit.
const DefaultMemoryMiB = 1024

// Default is `ebbnode run`'s machine.
var Default = VM{Machine: qemu.MachineQ35, MemoryMiB: DefaultMemoryMiB, CPUs: 1, Accel: qemu.AccelAuto, Timeout: 10 * time.Minute,
	Net: qemu.Net{Mode: qemu.NetUser}}

// SettingError is a VM setting out of range. Setting is the name of
// `ebbnode run`'s flag for it.
type SettingError struct {
	Setting string // "machine", "memory", "cpus", "accel", "timeout" or "net"
	Value   any
	Reason  string
}

func (e *SettingError) Error() string { return fmt.Sprintf("%s %v: %s", e.Setting, e.Value, e.Reason) }

// Validate checks the settings against what QEMU and the kernel accept.
func (vm VM) Validate() error {
	bad := func(s string, v any, format string, a ...any) error {
		return &SettingError{Setting: s, Value: v, Reason: fmt.Sprintf(format, a...)}
	}
	switch {
	case vm.Machine != qemu.MachineQ35 && vm.Machine != qemu.MachineMicrovm:
		return bad("machine", fmt.Sprintf("%q", vm.Machine), "unknown machine (want %s or %s)", qemu.MachineQ35, qemu.MachineMicrovm)
	case vm.MemoryMiB < MinMemoryMiB || vm.MemoryMiB > MaxMemoryMiB:
		return bad("memory", vm.MemoryMiB, "out of range: want %d to %d (MiB)", MinMemoryMiB, MaxMemoryMiB)
	case vm.CPUs < 1 || vm.CPUs > MaxCPUs:
		return bad("cpus", vm.CPUs, "out of range: want 1 to %d", MaxCPUs)
	case vm.Timeout < 0:
		return bad("timeout", vm.Timeout, "negative (0 means no limit)")
	}
	if err := vm.Net.Check(); err != nil {
		return bad("net", NetString(vm.Net), "%v", err)
	}
	switch vm.Accel {
	case qemu.AccelAuto, qemu.AccelKVM, qemu.AccelTCG:
		return nil
	}
	return bad("accel", fmt.Sprintf("%q", vm.Accel), "unknown accelerator (want auto, kvm or tcg)")
}

// QEMU returns the host/qemu configuration that boots kernel on vm, its
// devices' arguments included.
func (vm VM) QEMU(kernel string) qemu.Config {
	c := qemu.Config{
		Kernel:    kernel,
		Machine:   vm.Machine,
		MemoryMiB: vm.MemoryMiB,
		CPUs:      vm.CPUs,
		Accel:     vm.Accel,
		Append:    vm.Append,
		Timeout:   vm.Timeout,
		GDB:       vm.GDB,
		Console:   vm.Console,
		Log:       vm.Log,
		Netns:     vm.Netns,
	}
	c.ExtraArgs = vm.Net.Args(vm.Machine)
	for _, d := range vm.Devices {
		c.ExtraArgs = append(c.ExtraArgs, d.QEMUArgs(vm.Machine)...)
	}
	return c
}

// CommandLine is QEMU's command line (without the program) for kernel on
// vm with accel resolved ("kvm" or "tcg").
func (vm VM) CommandLine(kernel, accel string) []string {
	return qemu.Args(vm.QEMU(kernel), accel)
}

// NetString renders n's mode as `ebbnode run --net` takes it.
func NetString(n qemu.Net) string {
	switch n.Mode {
	case "":
		return qemu.NetNone
	case qemu.NetTap:
		return qemu.NetTap + ":" + n.Tap
	case qemu.NetUser:
		if n.Restrict {
			return qemu.NetUser + ":restrict"
		}
	}
	return n.Mode
}

// Package qemu boots a PVH image under qemu-system-x86_64 and reports how the
// guest ended.
//
// The guest talks to the host through two QEMU devices that both q35 and
// microvm provide: the COM1 serial port (the console, copied to
// Config.Console and Result.Console) and isa-debug-exit at I/O port 0xf4
// (the exit status: a guest write of code makes QEMU exit with
// (code<<1)|1). Anything else — an even status such as the 0 that
// -no-reboot turns a triple fault into, or QEMU dying on a signal — means the
// guest crashed without saying how it ended.
//
// Run never leaves a QEMU behind: QEMU runs in its own process group, which
// is killed when the context ends or Config.Timeout passes, and it is asked
// to die with its parent (PR_SET_PDEATHSIG).
package qemu

import (
	"fmt"
	"io"
	"time"
)

// QBoot is the firmware q35 boots with: QEMU's qboot, which it ships and
// finds in its data directory by this name.
const QBoot = "qboot.rom"

// Machine types Run supports.
const (
	MachineQ35     = "q35"     // PCIe PC: the default, closest to a cloud VM
	MachineMicrovm = "microvm" // minimal board: no PCI, fastest boot
)

// Accelerator choices in Config.Accel.
const (
	AccelAuto = "auto" // KVM when usable (see Host.KVMUsable), else TCG
	AccelKVM  = "kvm"
	AccelTCG  = "tcg"
)

// Exit codes Run reports when the guest did not choose one.
const (
	// ExitPanic is the code the kernel writes to isa-debug-exit on a
	// kernel panic (QEMU status 255).
	ExitPanic = 0x7f
	// ExitTimeout is reported when Run killed QEMU because the time ran
	// out; it matches timeout(1).
	ExitTimeout = 124
	// ExitCrash is reported when QEMU ended without the guest writing an
	// exit status: a triple fault (with -no-reboot), or QEMU killed.
	ExitCrash = 125
)

// GDBPort is the TCP port of QEMU's gdb stub when Config.GDB is set.
const GDBPort = 1234

// DebugExitPort is the I/O port of the isa-debug-exit device. The kernel
// writes its exit status there.
const DebugExitPort = 0xf4

// Config describes one boot. Zero fields take the defaults noted.
type Config struct {
	Kernel    string // PVH ELF image to boot (required)
	Machine   string // MachineQ35 (default) or MachineMicrovm
	MemoryMiB int    // guest RAM, default 128
	CPUs      int    // virtual CPUs, default 1
	Accel     string // AccelAuto (default), AccelKVM or AccelTCG
	Append    string // kernel command line, passed with -append
	// Timeout kills the guest after this long; 0 means no limit other
	// than the context's.
	Timeout time.Duration
	// GDB starts QEMU's gdb stub on 127.0.0.1:GDBPort and holds the CPU
	// at the first instruction until a debugger continues it.
	GDB bool
	// Console receives the guest's serial output as it arrives; nil
	// discards it (Result.Console still holds it).
	Console io.Writer
	// Log receives QEMU's own messages (its standard error) and, when
	// Accel is auto and KVM is unusable, one line saying TCG is used.
	// nil discards them; errors from Run still quote QEMU's last lines.
	Log io.Writer
	// ExtraArgs are appended to the QEMU command line as they are.
	ExtraArgs []string
	// Netns runs QEMU inside this named network namespace (ip netns
	// exec; root only), where a tap device the host side of a benchmark
	// created lives.
	Netns string
	// Host is where KVM detection looks; the zero value means this
	// machine (DefaultHost).
	Host Host
}

// Result says how a boot ended.
type Result struct {
	// ExitCode is the guest's exit status when it wrote one to
	// isa-debug-exit (ExitPanic after a kernel panic), ExitTimeout when
	// Run killed QEMU for running out of time, and ExitCrash when the
	// guest stopped without writing a status.
	ExitCode int
	TimedOut bool
	// Crashed is true when QEMU ended without the guest writing an exit
	// status (see ExitCrash).
	Crashed bool
	// Status is QEMU's own exit status, -1 if it was killed by a signal.
	Status int
	Accel  string        // the accelerator used: "kvm" or "tcg"
	Wall   time.Duration // from starting QEMU until it was gone
	// Console is the guest's serial output (at most MaxConsole bytes: the
	// newest are kept).
	Console []byte
}

// MaxConsole bounds Result.Console so a guest that prints forever cannot
// exhaust the host's memory before its timeout.
const MaxConsole = 16 << 20

func (c Config) withDefaults() Config {
	if c.Machine == "" {
		c.Machine = MachineQ35
	}
	if c.MemoryMiB == 0 {
		c.MemoryMiB = 128
	}
	if c.CPUs == 0 {
		c.CPUs = 1
	}
	if c.Accel == "" {
		c.Accel = AccelAuto
	}
	if c.Host == (Host{}) {
		c.Host = DefaultHost
	}
	return c
}

func (c Config) validate() error {
	switch {
	case c.Kernel == "":
		return fmt.Errorf("qemu: no kernel image given")
	case c.Machine != MachineQ35 && c.Machine != MachineMicrovm:
		return fmt.Errorf("qemu: unknown machine %q (want %s or %s)", c.Machine, MachineQ35, MachineMicrovm)
	case c.MemoryMiB < 16:
		return fmt.Errorf("qemu: memory %d MiB is too small (at least 16)", c.MemoryMiB)
	case c.CPUs < 1 || c.CPUs > 255:
		return fmt.Errorf("qemu: %d CPUs is out of range 1..255", c.CPUs)
	case c.Timeout < 0:
		return fmt.Errorf("qemu: negative timeout %v", c.Timeout)
	}
	return nil
}

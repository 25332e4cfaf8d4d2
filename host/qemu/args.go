package qemu

import "strconv"

// Args returns QEMU's command line (without the program name) for c booted
// with accel ("kvm" or "tcg"). c's zero fields take their defaults. It
// does not check c; Run does.
func Args(c Config, accel string) []string {
	c = c.withDefaults()
	args := []string{
		// Only the devices listed here: no VGA, NIC, floppy or default
		// serial, and no user config files, so every boot sees the same
		// board.
		"-nodefaults", "-no-user-config",
		"-display", "none",
		// A triple fault stops QEMU (status 0) instead of rebooting
		// into the same crash forever.
		"-no-reboot",
	}
	switch c.Machine {
	case MachineMicrovm:
		// microvm's RTC defaults to off under KVM; keep it on so the
		// guest reads the wall clock the same way on every
		// accelerator. The ISA serial port (COM1) is on by default,
		// and isa-debug-exit works on its ISA bus as on q35.
		args = append(args, "-M", "microvm,isa-serial=on,rtc=on")
	default:
		// qboot (QEMU's own minimal firmware, as microvm uses) instead
		// of SeaBIOS: it sets up PCI, ACPI and the PVH entry and
		// nothing else, so the kernel starts in a few milliseconds
		// instead of 70-200 under TCG (no option ROM scan, no boot
		// menu, no BIOS disk or keyboard probes).
		args = append(args, "-M", MachineQ35, "-bios", QBoot)
	}
	if accel == AccelKVM {
		args = append(args, "-accel", "kvm", "-cpu", "host")
	} else {
		// TCG's "max" model adds RDRAND, XSAVE, AVX and AVX2 to the
		// default qemu64 (QEMU 7.2 offers no RDSEED, TSC-deadline or
		// x2APIC under TCG).
		tcg := "tcg"
		if c.CPUs > 1 {
			// Multi-threaded TCG: one host thread per vCPU, so the
			// vCPUs run in parallel (the default round-robin runs them
			// one at a time on one thread).
			tcg = "tcg,thread=multi"
		}
		args = append(args, "-accel", tcg, "-cpu", "max")
	}
	args = append(args,
		"-m", strconv.Itoa(c.MemoryMiB),
		"-smp", strconv.Itoa(c.CPUs),
		// COM1 goes to QEMU's stdout, which Run reads through a pipe
		// (stdin is /dev/null, so QEMU never touches a terminal).
		"-serial", "stdio",
		"-device", "isa-debug-exit,iobase=0x"+strconv.FormatInt(DebugExitPort, 16)+",iosize=0x04",
		"-kernel", c.Kernel,
	)
	if c.Append != "" {
		args = append(args, "-append", c.Append)
	}
	if c.GDB {
		// Like -s, but only on the loopback interface: the stub gives
		// whoever connects full control of the guest.
		args = append(args, "-gdb", "tcp:127.0.0.1:"+strconv.Itoa(GDBPort), "-S")
	}
	return append(args, c.ExtraArgs...)
}

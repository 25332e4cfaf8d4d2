package linuxvm

import (
	"context"
	"fmt"
	"os/exec"
	"strconv"
	"strings"

	"github.com/ebbnode/ebbnode/host/qemu"
)

// Append is the kernel command line: the console on COM1 (where host/qemu
// reads it); quiet, so kernel messages do not interleave with the payload's
// lines; panic=-1, so a panicking kernel resets at once and -no-reboot turns
// that into a QEMU exit instead of a hang; no_timer_check, because under
// TCG on a loaded host Linux's IO-APIC timer check can miss its window
// and panic ("IO-APIC + timer doesn't work").
const Append = "console=ttyS0 quiet panic=-1 no_timer_check"

// Boot boots kernel with initrd on the machine that vm describes (vm.Kernel
// and vm.Append are set here; everything else — machine, memory, CPUs,
// accelerator, timeout, console — is the caller's, so the Linux VM and the
// native image share one machine description). It returns the result and
// fails unless vminit reported that its command exited with status 0.
func Boot(ctx context.Context, vm qemu.Config, kernel, initrd string) (qemu.Result, error) {
	vm.Kernel = kernel
	vm.Append = Append
	vm.ExtraArgs = append(append([]string(nil), vm.ExtraArgs...), "-initrd", initrd)
	res, err := qemu.Run(ctx, vm)
	if err != nil {
		return res, fmt.Errorf("linuxvm: %w", err)
	}
	if res.TimedOut {
		return res, fmt.Errorf("linuxvm: VM still running after %v; console tail:\n%s", vm.Timeout, tail(res.Console))
	}
	// vminit both prints its command's status and hands it to
	// isa-debug-exit; the printed line also covers a kernel without
	// /dev/port, where it falls back to powering off (a "crash" to QEMU).
	code, ok := exitStatus(res.Console)
	if !ok {
		return res, fmt.Errorf("linuxvm: init reported no exit status (QEMU: exit %d); console tail:\n%s", res.ExitCode, tail(res.Console))
	}
	if !res.Crashed && res.ExitCode != code {
		return res, fmt.Errorf("linuxvm: init printed exit status %d but QEMU reported %d", code, res.ExitCode)
	}
	if code != 0 {
		return res, fmt.Errorf("linuxvm: command in the VM exited with status %d; console tail:\n%s", code, tail(res.Console))
	}
	return res, nil
}

// exitStatus finds vminit's "EBBINIT exit N" line.
func exitStatus(console []byte) (int, bool) {
	for _, l := range strings.Split(string(console), "\n") {
		_, rest, ok := strings.Cut(strings.TrimRight(l, "\r"), "EBBINIT exit ")
		if !ok {
			continue
		}
		if n, err := strconv.Atoi(strings.TrimSpace(rest)); err == nil {
			return n, true
		}
	}
	return 0, false
}

// tail returns the end of the console output for error messages.
func tail(b []byte) string {
	const max = 3000
	if len(b) > max {
		b = b[len(b)-max:]
	}
	return string(b)
}

// Version returns the first line of QEMU's --version, for the record.
func Version(ctx context.Context) (string, error) {
	bin, err := qemu.Find()
	if err != nil {
		return "", fmt.Errorf("linuxvm: %w", err)
	}
	out, err := exec.CommandContext(ctx, bin, "--version").Output()
	if err != nil {
		return "", fmt.Errorf("linuxvm: %s --version: %w", bin, err)
	}
	first, _, _ := strings.Cut(string(out), "\n")
	return strings.TrimSpace(first), nil
}

package qemu

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Host names the files KVM detection reads, so tests can point it at fakes.
type Host struct {
	CPUInfo   string // /proc/cpuinfo
	KVMDevice string // /dev/kvm
	SysModule string // /sys/module, to spot the kvm_pvm module
}

// DefaultHost is this machine.
var DefaultHost = Host{
	CPUInfo:   "/proc/cpuinfo",
	KVMDevice: "/dev/kvm",
	SysModule: "/sys/module",
}

// KVMUsable reports whether QEMU can run an unmodified guest with KVM here,
// and if not, why not in a few words.
//
// All three checks matter. Without vmx or svm in the CPU flags (a VM
// without nested virtualisation) there is no hardware virtualisation.
// /dev/kvm must open read-write. And /dev/kvm may be served by kvm-pvm, a
// KVM that runs only paravirtualised Linux guests: QEMU aborts on it
// ("failed to set MSR 0x10a") before the guest's first instruction.
func (h Host) KVMUsable() (bool, string) {
	flags, err := cpuFlags(h.CPUInfo)
	if err != nil {
		return false, fmt.Sprintf("cannot read CPU flags: %v", err)
	}
	if !flags["vmx"] && !flags["svm"] {
		return false, "no vmx/svm"
	}
	f, err := os.OpenFile(h.KVMDevice, os.O_RDWR, 0)
	if err != nil {
		return false, fmt.Sprintf("cannot open %s: %v", h.KVMDevice, errors.Unwrap(err))
	}
	f.Close()
	if _, err := os.Stat(filepath.Join(h.SysModule, "kvm_pvm")); err == nil {
		return false, h.KVMDevice + " is kvm-pvm, which cannot run unmodified guests"
	} else if !errors.Is(err, fs.ErrNotExist) {
		return false, fmt.Sprintf("cannot tell whether KVM is kvm-pvm: %v", err)
	}
	return true, ""
}

// cpuFlags returns the union of the "flags" lines of a /proc/cpuinfo file.
func cpuFlags(path string) (map[string]bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	flags := map[string]bool{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), 1<<20) // flags lines run past 1 KiB
	for sc.Scan() {
		key, val, ok := strings.Cut(sc.Text(), ":")
		if !ok || strings.TrimSpace(key) != "flags" {
			continue
		}
		for _, fl := range strings.Fields(val) {
			flags[fl] = true
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return flags, nil
}

// ResolveAccel turns a Config.Accel choice into the accelerator to use.
// For AccelAuto without a usable KVM it also returns the notice line to
// show the user. Asking for KVM where it is unusable is an error rather
// than a QEMU that aborts or hangs.
func ResolveAccel(choice string, h Host) (accel, notice string, err error) {
	if h == (Host{}) {
		h = DefaultHost
	}
	switch choice {
	case AccelTCG:
		return AccelTCG, "", nil
	case AccelKVM:
		if ok, why := h.KVMUsable(); !ok {
			return "", "", fmt.Errorf("KVM unavailable (%s)", why)
		}
		return AccelKVM, "", nil
	case AccelAuto, "":
		if ok, why := h.KVMUsable(); !ok {
			return AccelTCG, fmt.Sprintf("ebbnode: KVM unavailable (%s), using TCG", why), nil
		}
		return AccelKVM, "", nil
	}
	return "", "", fmt.Errorf("unknown accelerator %q (want auto, kvm or tcg)", choice)
}

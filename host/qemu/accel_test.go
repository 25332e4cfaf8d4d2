package qemu

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fakeHost lays out a cpuinfo file, a KVM device node stand-in and a
// /sys/module directory as the test case asks.
func fakeHost(t *testing.T, flags string, kvmDev, pvm bool) Host {
	t.Helper()
	dir := t.TempDir()
	h := Host{
		CPUInfo:   filepath.Join(dir, "cpuinfo"),
		KVMDevice: filepath.Join(dir, "kvm"),
		SysModule: filepath.Join(dir, "module"),
	}
	cpuinfo := "processor\t: 0\nflags\t\t: fpu " + flags + " sse2\n\nprocessor\t: 1\nflags\t\t: fpu sse2\n"
	write := func(path, text string) {
		t.Helper()
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(h.CPUInfo, cpuinfo)
	if kvmDev {
		write(h.KVMDevice, "")
	}
	mods := []string{"kvm"}
	if pvm {
		mods = append(mods, "kvm_pvm")
	}
	for _, m := range mods {
		if err := os.MkdirAll(filepath.Join(h.SysModule, m), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	return h
}

func TestKVMUsable(t *testing.T) {
	tests := []struct {
		name       string
		flags      string
		dev, pvm   bool
		ok         bool
		reasonPart string
	}{
		{"intel", "vmx", true, false, true, ""},
		{"amd", "svm", true, false, true, ""},
		{"no flags", "hypervisor", true, false, false, "no vmx/svm"},
		{"no device", "vmx", false, false, false, "cannot open"},
		{"kvm-pvm", "vmx", true, true, false, "kvm-pvm"},
		{"kvm-pvm without flags", "", true, true, false, "no vmx/svm"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := fakeHost(t, tt.flags, tt.dev, tt.pvm)
			ok, why := h.KVMUsable()
			if ok != tt.ok || !strings.Contains(why, tt.reasonPart) {
				t.Errorf("KVMUsable() = %v, %q; want %v, reason containing %q", ok, why, tt.ok, tt.reasonPart)
			}
		})
	}
}

func TestResolveAccel(t *testing.T) {
	good := fakeHost(t, "vmx", true, false)
	pvm := fakeHost(t, "", true, true)
	tests := []struct {
		choice      string
		h           Host
		accel       string
		wantNotice  bool
		wantErrPart string
	}{
		{AccelAuto, good, AccelKVM, false, ""},
		{AccelAuto, pvm, AccelTCG, true, ""},
		{"", pvm, AccelTCG, true, ""},
		{AccelTCG, good, AccelTCG, false, ""},
		{AccelKVM, good, AccelKVM, false, ""},
		{AccelKVM, pvm, "", false, "KVM unavailable"},
		{"hvf", good, "", false, "unknown accelerator"},
	}
	for _, tt := range tests {
		accel, notice, err := ResolveAccel(tt.choice, tt.h)
		if tt.wantErrPart != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErrPart) {
				t.Errorf("ResolveAccel(%q) error = %v, want one containing %q", tt.choice, err, tt.wantErrPart)
			}
			continue
		}
		if err != nil || accel != tt.accel || (notice != "") != tt.wantNotice {
			t.Errorf("ResolveAccel(%q) = %q, %q, %v; want %q, notice %v", tt.choice, accel, notice, err, tt.accel, tt.wantNotice)
		}
		if tt.wantNotice && notice != "ebbnode: KVM unavailable (no vmx/svm), using TCG" {
			t.Errorf("notice = %q", notice)
		}
	}
}

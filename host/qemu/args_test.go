package qemu

import (
	"slices"
	"strings"
	"testing"
)

func TestArgs(t *testing.T) {
	tests := []struct {
		name  string
		c     Config
		accel string
		want  []string // each a run of adjacent arguments that must appear
		not   []string // arguments that must not appear as elements
	}{
		{
			name:  "defaults",
			c:     Config{Kernel: "k.elf"},
			accel: AccelTCG,
			want: []string{
				"-M q35 -bios qboot.rom", "-m 128", "-smp 1", "-kernel k.elf", "-no-reboot",
				"-accel tcg -cpu max", "-serial stdio", "-display none",
				"-device isa-debug-exit,iobase=0xf4,iosize=0x04",
			},
			not: []string{"-append", "-gdb", "-S", "-enable-kvm"},
		},
		{
			name:  "microvm kvm",
			c:     Config{Kernel: "/x/k", Machine: MachineMicrovm, MemoryMiB: 64, CPUs: 2},
			accel: AccelKVM,
			want: []string{
				"-M microvm,isa-serial=on,rtc=on", "-m 64", "-smp 2",
				"-accel kvm -cpu host", "-kernel /x/k",
				"-device isa-debug-exit,iobase=0xf4,iosize=0x04",
			},
			not: []string{"tcg", "-bios"},
		},
		{
			name:  "tcg smp",
			c:     Config{Kernel: "k", CPUs: 2},
			accel: AccelTCG,
			want:  []string{"-smp 2", "-accel tcg,thread=multi -cpu max"},
			not:   []string{"tcg"},
		},
		{
			name:  "append gdb extra",
			c:     Config{Kernel: "k", Append: "a=1 b", GDB: true, ExtraArgs: []string{"-d", "int"}},
			accel: AccelTCG,
			want:  []string{"-append a=1 b", "-gdb tcp:127.0.0.1:1234 -S", "-d int"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := Args(tt.c, tt.accel)
			for _, w := range tt.want {
				if !containsRun(args, w) {
					t.Errorf("args %q lack %q", args, w)
				}
			}
			for _, n := range tt.not {
				if slices.Contains(args, n) {
					t.Errorf("args %q contain %q", args, n)
				}
			}
		})
	}
}

// containsRun reports whether args holds the space-separated words of run
// as adjacent elements. The last word may hold spaces (an -append value).
func containsRun(args []string, run string) bool {
	first, rest, _ := strings.Cut(run, " ")
	for i, a := range args {
		if a != first {
			continue
		}
		if rest == "" {
			return true
		}
		if strings.Join(args[i+1:], " ") == rest || strings.HasPrefix(strings.Join(args[i+1:], " "), rest+" ") {
			return true
		}
	}
	return false
}

func TestValidate(t *testing.T) {
	bad := []Config{
		{},
		{Kernel: "k", Machine: "pc-i440fx"},
		{Kernel: "k", MemoryMiB: 8},
		{Kernel: "k", CPUs: -1},
		{Kernel: "k", Timeout: -1},
	}
	for _, c := range bad {
		if err := c.withDefaults().validate(); err == nil {
			t.Errorf("validate(%+v) = nil, want an error", c)
		}
	}
	if err := (Config{Kernel: "k"}).withDefaults().validate(); err != nil {
		t.Errorf("validate(defaults) = %v", err)
	}
}

package benchmarks

import (
	"strings"
	"testing"
	"time"

	"github.com/ebbnode/ebbnode/host/qemu"
)

func TestNativeRunArgs(t *testing.T) {
	vm := VMSettings
	vm.Accel = qemu.AccelTCG
	got := strings.Join(nativeRunArgs(vm, 90*time.Minute, "/w/bench.img", "vmfull"), " ")
	want := "run --verbose --machine q35 --memory 1024 --cpus 1 --accel tcg --timeout 1h30m0s /w/bench.img -- vmfull"
	if got != want {
		t.Errorf("nativeRunArgs = %q, want %q", got, want)
	}
}

// TestCheckMachine feeds checkMachine the line `ebbnode run --verbose`
// prints, built the way run builds it, and variants of it.
func TestCheckMachine(t *testing.T) {
	vm := VMSettings
	vm.Accel = qemu.AccelTCG
	line := func(c qemu.Config) string {
		c.Kernel = "/tmp/x/bench.img"
		c.ExtraArgs = []string{"-chardev", "socket,id=messenger,path=/tmp/m.sock"}
		return "noise\nebbnode: " + qemu.Binary + " " + strings.Join(qemu.Args(c, c.Accel), " ") + "\nmore\n"
	}
	if err := checkMachine(line(vm), vm); err != nil {
		t.Errorf("same machine refused: %v", err)
	}
	other := []qemu.Config{vm, vm, vm, vm}
	other[0].MemoryMiB = 512
	other[1].CPUs = 2
	other[2].Accel = qemu.AccelKVM
	other[3].Machine = qemu.MachineMicrovm
	for _, o := range other {
		if err := checkMachine(line(o), vm); err == nil {
			t.Errorf("machine %+v accepted as %+v", o, vm)
		}
	}
	if err := checkMachine("hello\n", vm); err == nil || !strings.Contains(err.Error(), "no QEMU command line") {
		t.Errorf("missing line: %v", err)
	}
}

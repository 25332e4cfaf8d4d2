package benchmarks

import (
	"bytes"
	"reflect"
	"testing"
	"time"

	"github.com/ebbnode/ebbnode/host/offload"
	"github.com/ebbnode/ebbnode/host/qemu"
)

// TestNativeRun: configuration c boots the machine d boots (VMSettings as
// resolved), only with the mode's time limit, and passes the mode as the
// script's one argument with the work directory granted and current.
func TestNativeRun(t *testing.T) {
	e := &env{opts: Options{RunTimeout: 90 * time.Minute}, work: "/w", image: "/w/bench.img", vm: VMSettings}
	e.vm.Accel = qemu.AccelTCG
	var stdout, stderr bytes.Buffer
	r := nativeRun(e, "vmfull", &stdout, &stderr)
	want := e.vm
	want.Timeout, want.Log = 90*time.Minute, &stderr
	if !reflect.DeepEqual(r.VM, want) {
		t.Errorf("VM %+v, want %+v", r.VM, want)
	}
	if err := r.VM.Validate(); err != nil {
		t.Errorf("VMSettings invalid for the launcher: %v", err)
	}
	a := r.App
	if r.Image != "/w/bench.img" || a == nil || !reflect.DeepEqual(a.Args, []string{"vmfull"}) || a.Cwd != "/w" ||
		!reflect.DeepEqual(a.Mounts, []offload.Mount{{Host: "/w", Guest: "/w"}}) || a.Stdout != &stdout || len(a.Env) != 0 {
		t.Errorf("run %+v, app %+v", r, a)
	}
}

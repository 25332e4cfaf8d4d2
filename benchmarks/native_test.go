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
// resolved), only with the mode's time limit and the kernel asked for its
// counters on the console, and passes the mode as the script's one
// argument with the work directory granted and current.
func TestNativeRun(t *testing.T) {
	e := &env{opts: Options{RunTimeout: 90 * time.Minute}, work: "/w", image: "/w/bench.img", vm: VMSettings}
	e.vm.Accel = qemu.AccelTCG
	var stdout, stderr, console bytes.Buffer
	r := nativeRun(e, "vmfull", &stdout, &stderr, &console)
	want := e.vm
	want.Timeout, want.Log = 90*time.Minute, &stderr
	want.Append, want.Console = "ebbnode.debug=counters", &console
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

// TestParseKernelCounters: the last counters line of a console is read
// into its key=value pairs; a console without one gives nil.
func TestParseKernelCounters(t *testing.T) {
	console := "ebbnode: boot\nebbnode: counters: traps=1 timer=2\n" +
		"noise ebbnode: counters: traps=12 syscalls=7 timer=3 pagefaults=40 bad=x\n"
	got := ParseKernelCounters([]byte(console))
	want := KernelCounters{"traps": 12, "syscalls": 7, "timer": 3, "pagefaults": 40}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
	if k := ParseKernelCounters([]byte("Score: 12\n")); k != nil {
		t.Errorf("no counters line: got %v, want nil", k)
	}
}

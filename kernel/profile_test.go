package kernel

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/ebbnode/ebbnode/kernel/boottest"
)

// profileField returns the integer after name= in the trap profile line.
func profileField(t *testing.T, line, name string) uint64 {
	t.Helper()
	m := regexp.MustCompile(` ` + name + `=([0-9]+)`).FindStringSubmatch(line)
	if m == nil {
		t.Fatalf("trap profile %q lacks %s=", line, name)
	}
	v, err := strconv.ParseUint(m[1], 10, 64)
	if err != nil {
		t.Fatalf("trap profile %s: %v", name, err)
	}
	return v
}

// TestNoTickForALoneThread checks the trap profile and that a lone
// runnable thread is not preempted every quantum: a two-second spin with
// a 4 ms tick would take at least uptime/4ms timer interrupts; without
// the tick only the runtime's sysmon sleeps (at most every 10 ms once
// settled) need the timer.
func TestNoTickForALoneThread(t *testing.T) {
	r := boottest.Boot(t, "./internal/guests/spin", boottest.Options{Append: "ebbnode.debug=syscalls"})
	if r.TimedOut || r.Crashed || r.ExitCode != 0 {
		t.Fatalf("exit code %d (crashed %v, timed out %v), want 0", r.ExitCode, r.Crashed, r.TimedOut)
	}
	if !strings.Contains(r.Output(), "spin done true\n") {
		t.Fatalf("guest did not finish its spin")
	}
	line := regexp.MustCompile(`ebbnode: traps:.*`).FindString(r.Output())
	if line == "" {
		t.Fatalf("no trap profile on the console")
	}
	total := profileField(t, line, "total")
	timer := profileField(t, line, "timer")
	faults := profileField(t, line, "pagefault")
	uptime := profileField(t, line, "uptime")
	if uptime < 2000 || total == 0 || faults == 0 || timer > total {
		t.Fatalf("implausible trap profile %q", line)
	}
	if limit := uptime / 5; timer > limit {
		t.Errorf("%d timer interrupts in %d ms (limit %d): the lone thread is still ticked", timer, uptime, limit)
	}
}

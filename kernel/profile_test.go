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

// TestNoTickForALoneThread checks the trap profile and the quantum tick.
// A lone runnable thread must not be preempted every quantum: a two-second
// spin with a 4 ms tick would take ms/4 timer interrupts; without the tick
// only the runtime's sysmon sleeps (at most every 10 ms once settled) need
// the timer. Two runnable threads must be: their second of spinning takes
// about ms/4 interrupts, so a dead or slow timer fails here.
func TestNoTickForALoneThread(t *testing.T) {
	r := boottest.Boot(t, "./internal/guests/spin", boottest.Options{Append: "ebbnode.debug=syscalls"})
	if r.TimedOut || r.Crashed || r.ExitCode != 0 {
		t.Fatalf("exit code %d (crashed %v, timed out %v), want 0", r.ExitCode, r.Crashed, r.TimedOut)
	}
	line := regexp.MustCompile(`ebbnode: traps:.*`).FindString(r.Output())
	if line == "" {
		t.Fatalf("no trap profile on the console")
	}
	total := profileField(t, line, "total")
	timer := profileField(t, line, "timer")
	faults := profileField(t, line, "pagefault")
	uptime := profileField(t, line, "uptime")
	if uptime < 3000 || total == 0 || faults == 0 || timer > total {
		t.Fatalf("implausible trap profile %q", line)
	}

	alone := regexp.MustCompile(`alone:.*`).FindString(r.Output())
	if !strings.HasSuffix(alone, " ok=true") {
		t.Fatalf("guest did not finish its lone spin: %q", alone)
	}
	t.Logf("%s; %s", alone, regexp.MustCompile(`pair:.*`).FindString(r.Output()))
	ms, ticks := profileField(t, alone, "ms"), profileField(t, alone, "timer")
	if limit := ms / 5; ticks > limit {
		t.Errorf("%d timer interrupts in %d ms alone (limit %d): the lone thread is still ticked", ticks, ms, limit)
	}

	pair := regexp.MustCompile(`pair:.*`).FindString(r.Output())
	if !strings.HasSuffix(pair, " ok=true") {
		t.Fatalf("guest did not finish its paired spin: %q", pair)
	}
	ms, ticks = profileField(t, pair, "ms"), profileField(t, pair, "timer")
	if want := ms / 8; ticks < want {
		t.Errorf("%d timer interrupts in %d ms with two runnable threads, want at least %d (a 4 ms quantum gives ms/4)", ticks, ms, want)
	}
}

// TestTimerInterrupts boots a timer-heavy guest (sleeps, a ticker,
// channel wake-ups, a computing goroutine, on one P then two) and checks
// the kernel's timer counters for stale interrupts: ones that find no
// deadline due and no quantum ended, because the timer was left armed for
// a deadline a wake-up had already served. The kernel re-arms the timer
// at trap exit whenever the deadline changed, so they are rare (measured
// 1-2 of about 870; 31-112 of about 980 when wake-ups left it armed).
func TestTimerInterrupts(t *testing.T) {
	r := boottest.Boot(t, "./internal/guests/timers", boottest.Options{Append: "ebbnode.debug=syscalls"})
	if r.TimedOut || r.Crashed || r.ExitCode != 0 {
		t.Fatalf("exit code %d (crashed %v, timed out %v), want 0", r.ExitCode, r.Crashed, r.TimedOut)
	}
	line := regexp.MustCompile(`timers:.*`).FindString(r.Output())
	if line == "" {
		t.Fatalf("console lacks the guest's timers line")
	}
	t.Logf("%s", line)
	t.Logf("%s", regexp.MustCompile(`ebbnode: traps:.*`).FindString(r.Output()))
	timer, early := profileField(t, line, "timer"), profileField(t, line, "early")
	if timer == 0 || early*50 > timer {
		t.Errorf("%d of %d timer interrupts found nothing due (limit 2%%): the timer is left armed for served deadlines", early, timer)
	}
}

package boottest_test

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ebbnode/ebbnode/host/qemu"
	"github.com/ebbnode/ebbnode/kernel/boottest"
)

// These tests boot the guests in testdata/ and check what they print and
// how they exit. They are the kernel's acceptance tests: each fails if the
// feature it names breaks.

func TestMain(m *testing.M) { boottest.Main(m) }

// wantExit fails the test unless the guest exited by itself with code.
func wantExit(t *testing.T, r boottest.Result, code int) {
	t.Helper()
	switch {
	case r.TimedOut:
		t.Errorf("guest timed out after %v, want exit %d", r.Wall, code)
	case r.Crashed:
		t.Errorf("guest crashed (QEMU status %d), want exit %d", r.Status, code)
	case r.ExitCode != code:
		t.Errorf("guest exit code %d, want %d", r.ExitCode, code)
	}
}

// field returns the integer after "name=" on the console, failing the test
// if there is none.
func field(t *testing.T, r boottest.Result, name string) int64 {
	t.Helper()
	m := regexp.MustCompile(`\b` + regexp.QuoteMeta(name) + `=(-?\d+)`).FindStringSubmatch(r.Output())
	if m == nil {
		t.Fatalf("console has no %s=<number>", name)
	}
	v, err := strconv.ParseInt(m[1], 10, 64)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return v
}

func TestHello(t *testing.T) {
	for _, machine := range []string{qemu.MachineQ35, qemu.MachineMicrovm} {
		t.Run(machine, func(t *testing.T) {
			r := boottest.Boot(t, "./testdata/hello", boottest.Options{Machine: machine})
			wantExit(t, r, 0)
			if !strings.Contains(r.Output(), "hello from ebbnode\n") {
				t.Errorf("console lacks the hello line")
			}
			t.Logf("%s hello boot: %v wall (%s)", machine, r.Wall.Round(time.Millisecond), r.Accel)
		})
	}
}

// TestGoroutines runs 10,000 goroutines on 1, 2 and 4 vCPUs (GOMAXPROCS
// = vCPUs, threads on every CPU): the token's trip and the reports must
// add up to what the host computes.
func TestGoroutines(t *testing.T) {
	for _, cpus := range []int{1, 2, 4} {
		t.Run(fmt.Sprintf("cpus%d", cpus), func(t *testing.T) {
			r := boottest.Boot(t, "./testdata/goroutines", boottest.Options{CPUs: cpus})
			wantExit(t, r, 0)
			if got := field(t, r, "gomaxprocs"); got != int64(cpus) {
				t.Errorf("gomaxprocs=%d, want %d", got, cpus)
			}
			checkGoroutines(t, r)
		})
	}
}

// checkGoroutines checks the goroutines guest's results against the host's.
func checkGoroutines(t *testing.T, r boottest.Result) {
	// Recompute what the guest's ring and reports must add up to.
	const n, rounds, mod = 10000, 3, 1_000_000_007
	v, sum := uint64(1), uint64(0)
	for range rounds {
		for i := range n {
			sum += v % 1000
			v = (v*31 + uint64(i) + 1) % mod
		}
	}
	if got := field(t, r, "token"); uint64(got) != v {
		t.Errorf("token %d, want %d", got, v)
	}
	if got := field(t, r, "reports"); uint64(got) != sum {
		t.Errorf("reports %d, want %d", got, sum)
	}
	if got := field(t, r, "goroutines"); got < n+1 {
		t.Errorf("%d goroutines alive at once, want at least %d", got, n+1)
	}
}

// TestTwoProcs runs GOMAXPROCS=2 on one vCPU: two runnable threads that
// only the kernel's preemption can interleave, and two threads that hand
// work to each other through futexes (see testdata/procs2).
func TestTwoProcs(t *testing.T) {
	r := boottest.Boot(t, "./testdata/procs2", boottest.Options{Append: "ebbnode.debug=syscalls"})
	wantExit(t, r, 0)
	t.Logf("%s", regexp.MustCompile(`(?s)gomaxprocs=.*mutex=\d+`).FindString(r.Output())+regexp.MustCompile(` futex=\d+`).FindString(r.Output()))
	if !strings.Contains(r.Output(), "gomaxprocs=1->2 ") {
		t.Errorf("guest did not run with GOMAXPROCS 1 raised to 2")
	}
	// Each spinner must have found the other moved 20 times: both ran,
	// interleaved, with no Go-level preemption point in their loops.
	for _, name := range []string{"a_saw", "b_saw"} {
		if got := field(t, r, name); got != 20 {
			t.Errorf("%s=%d, want 20: the two spinning threads were not both preempted", name, got)
		}
	}
	const pings, mod = 2000, 1_000_000_007
	v := uint64(1)
	for i := range pings {
		v = (((v+uint64(i))%mod)*31 + 7) % mod
	}
	if got := field(t, r, "pingpong"); uint64(got) != v {
		t.Errorf("pingpong=%d, want %d", got, v)
	}
	if got := field(t, r, "mutex"); got != 20000*(1+2) {
		t.Errorf("mutex=%d, want %d: updates under the mutex were lost", got, 20000*(1+2))
	}
	// Every ping-pong hand-off between the two locked threads parks one
	// and wakes the other through a futex.
	counts := regexp.MustCompile(`ebbnode: syscalls:.*`).FindString(r.Output())
	m := regexp.MustCompile(` futex=(\d+)`).FindStringSubmatch(counts)
	if m == nil {
		t.Fatalf("syscall counts %q lack futex", counts)
	}
	if n, _ := strconv.Atoi(m[1]); n < pings {
		t.Errorf("%d futex calls, want at least %d (one per hand-off)", n, pings)
	}
}

func TestGCStress(t *testing.T) {
	const mem = 64
	r := boottest.Boot(t, "./testdata/gcstress", boottest.Options{MemoryMiB: mem})
	wantExit(t, r, 0)
	if got := field(t, r, "allocated"); got < 10*mem<<20 {
		t.Errorf("allocated %d bytes, want at least 10 x %d MiB", got, mem)
	}
	if got := field(t, r, "totalalloc"); got < 10*mem<<20 {
		t.Errorf("runtime counted %d bytes allocated, want at least 10 x %d MiB", got, mem)
	}
	if got := field(t, r, "numgc"); got <= 0 {
		t.Errorf("NumGC %d, want > 0", got)
	}
	// The return rounds: the heap's pages come back to the kernel when the
	// runtime frees them, so a mapping as large as the heap fits although
	// the kernel had less than that free while the heap was live.
	rounds := regexp.MustCompile(`round=(\d+) size=(\d+) free: before=(\d+) peak=(\d+) released=(\d+) mapped=(\d+)\n`).
		FindAllStringSubmatch(r.Output(), -1)
	if len(rounds) != 3 {
		t.Fatalf("%d return rounds completed, want 3", len(rounds))
	}
	for _, m := range rounds {
		var v [6]int64
		for i := range v {
			v[i], _ = strconv.ParseInt(m[i+1], 10, 64)
		}
		size, before, peak, released, mapped := v[1], v[2], v[3], v[4], v[5]
		t.Logf("round %d: size %d MiB, free MiB: before %d peak %d released %d mapped %d", v[0], size>>20, before>>20, peak>>20, released>>20, mapped>>20)
		if peak >= size || peak >= before {
			t.Errorf("round %d: %d bytes free with the %d-byte heap live (%d before): the mapping would fit without any return", v[0], peak, size, before)
		}
		if released-peak < size/4 {
			t.Errorf("round %d: freeing a %d-byte heap gave %d bytes back to the kernel, want at least a quarter", v[0], size, released-peak)
		}
	}
}

// TestTime checks sleeps against the guest's clock and the guest's clock
// against the host's (see testdata/sleep).
func TestTime(t *testing.T) {
	r := boottest.Boot(t, "./testdata/sleep", boottest.Options{})
	wantExit(t, r, 0)
	m := regexp.MustCompile(`sleep kind=(\w+) requested_ns=(\d+) slept_ns=(\d+) err=(.*)\n`).FindAllStringSubmatch(r.Output(), -1)
	if len(m) != 16 {
		t.Fatalf("console has %d sleep lines, want 16", len(m))
	}
	var ratios []float64
	for _, s := range m {
		req, _ := strconv.ParseInt(s[2], 10, 64)
		ns, _ := strconv.ParseInt(s[3], 10, 64)
		requested, slept := time.Duration(req), time.Duration(ns)
		if s[4] != "<nil>" {
			t.Errorf("%s sleep: %s", s[1], s[4])
		}
		// No sleep may end early by the guest's own clock: the kernel
		// wakes a thread only once its deadline has passed.
		if slept < requested {
			t.Errorf("%s sleep of %v ended after %v by the guest's monotonic clock", s[1], requested, slept)
		}
		ratios = append(ratios, float64(slept)/float64(requested))
	}
	// A busy host may run the VM late now and then, but a timer that is
	// dead, slow or armed wrong makes most sleeps take several times what
	// was asked.
	slices.Sort(ratios)
	t.Logf("sleep/request ratios %.2f..%.2f, median %.2f", ratios[0], ratios[len(ratios)-1], ratios[len(ratios)/2])
	if med := ratios[len(ratios)/2]; med > 4 {
		t.Errorf("median sleep took %.1f times what was asked, want at most 4", med)
	}
	// The guest's clock must not run fast: all its sleeping happened while
	// QEMU ran, so it cannot exceed QEMU's lifetime on the host's clock.
	total := time.Duration(field(t, r, "total_ns"))
	t.Logf("guest slept %v in all; QEMU ran %v", total.Round(time.Millisecond), r.Wall.Round(time.Millisecond))
	if total > r.Wall {
		t.Errorf("guest measured %v of sleeping, but QEMU ran only %v by the host's clock", total, r.Wall)
	}
	// The guest read its wall clock somewhere between QEMU's start and its
	// end; allow 2 s either side (the RTC counts whole seconds).
	unix := time.Unix(field(t, r, "unix"), 0)
	lo, hi := r.Start.Add(-2*time.Second), r.Start.Add(r.Wall+2*time.Second)
	if unix.Before(lo) || unix.After(hi) {
		t.Errorf("guest wall clock %v, want within [%v, %v]", unix.UTC(), lo.UTC(), hi.UTC())
	}
}

func TestNilDereference(t *testing.T) {
	r := boottest.Boot(t, "./testdata/nilderef", boottest.Options{})
	wantExit(t, r, 0)
	want := "recovered runtime.Error: runtime error: invalid memory address or nil pointer dereference\n"
	if !strings.Contains(r.Output(), want) {
		t.Errorf("console lacks %q", want)
	}
}

func TestOSExit(t *testing.T) {
	r := boottest.Boot(t, "./testdata/exit3", boottest.Options{})
	wantExit(t, r, 3)
	if !strings.Contains(r.Output(), "exiting with 3\n") {
		t.Errorf("console lacks the guest's line before exiting")
	}
}

func TestPanic(t *testing.T) {
	r := boottest.Boot(t, "./testdata/panic", boottest.Options{})
	// The Go runtime exits with status 2 after printing an unrecovered
	// panic.
	wantExit(t, r, 2)
	for _, want := range []string{"panic: guest panic on purpose", "goroutine 1 [running]:", "main.main()"} {
		if !strings.Contains(r.Output(), want) {
			t.Errorf("console lacks %q", want)
		}
	}
}

func TestCryptoRand(t *testing.T) {
	re := regexp.MustCompile(`random=([0-9a-f]{64})\n`)
	var seen []string
	for boot := range 2 {
		r := boottest.Boot(t, "./testdata/rand", boottest.Options{})
		wantExit(t, r, 0)
		m := re.FindStringSubmatch(r.Output())
		if m == nil {
			t.Fatalf("boot %d: console has no random=<64 hex digits>", boot)
		}
		seen = append(seen, m[1])
	}
	if seen[0] == seen[1] {
		t.Errorf("two boots read the same random bytes %s", seen[0])
	}
	if seen[0] == strings.Repeat("0", 64) {
		t.Errorf("random bytes are all zero")
	}
}

// TestOutOfMemory checks that running out of physical memory ends the
// machine through the kernel's own out-of-memory exit (code 0x7e, QEMU
// status 253; see kernel/doc.go), not through a hang, a crash or the Go
// runtime's "fatal error: out of memory" (exit 2).
func TestOutOfMemory(t *testing.T) {
	const timeout = 60 * time.Second
	r := boottest.Boot(t, "./testdata/oom", boottest.Options{MemoryMiB: 64, Timeout: timeout})
	if r.TimedOut {
		t.Fatalf("guest hung instead of running out of memory (killed after %v)", timeout)
	}
	const exitOOM = 0x7e
	wantExit(t, r, exitOOM)
	if r.Status != exitOOM<<1|1 {
		t.Errorf("QEMU status %d, want %d", r.Status, exitOOM<<1|1)
	}
	line := regexp.MustCompile(`(?m)^ebbnode: out of memory: no physical frame for a demand-paged fault; free frames: \d+\nebbnode: out of memory: limit hit: the VM.s RAM \(\d+ MiB, raise it with --memory\); process memory mapped \d+ MiB, Go heap soft limit \(GOMEMLIMIT\) \d+ MiB, reclaimed from MADV_FREE \d+ MiB$`)
	if !line.MatchString(r.Output()) {
		t.Errorf("console lacks the kernel's out-of-memory line")
	}
	if strings.Contains(r.Output(), "held ") {
		t.Errorf("guest reached its limit without running out")
	}
}

func TestGoja(t *testing.T) {
	r := boottest.Boot(t, "./testdata/goja", boottest.Options{})
	wantExit(t, r, 0)
	var fib func(int) int
	fib = func(n int) int {
		if n < 2 {
			return n
		}
		return fib(n-1) + fib(n-2)
	}
	if want := fmt.Sprintf("fib(20)=%d\n", fib(20)); !strings.Contains(r.Output(), want) {
		t.Errorf("console lacks %q", want)
	}
}

// TestMemoryLimit checks that the kernel gives the Go runtime a soft heap
// limit from the VM's RAM (GOMEMLIMIT in the process's environment): the
// guest turns the collector's percentage trigger off and churns through
// four times its free memory, which it survives only because the limit
// makes the collector run.
func TestMemoryLimit(t *testing.T) {
	const mib = 128
	r := boottest.Boot(t, "./testdata/memlimit", boottest.Options{MemoryMiB: mib})
	wantExit(t, r, 0)
	limit := field(t, r, "limit")
	if env := field(t, r, "env"); env != limit {
		t.Errorf("runtime's limit %d differs from GOMEMLIMIT=%d in the environment", limit, env)
	}
	if limit <= 0 || limit >= mib<<20 {
		t.Errorf("memory limit %d, want within the VM's %d MiB", limit, mib)
	}
	if gcs := field(t, r, "gcs"); gcs == 0 {
		t.Errorf("no collection ran with GOGC=off")
	}
	t.Logf("limit %d MiB, churned %d MiB, %d collections", limit>>20, field(t, r, "churned"), field(t, r, "gcs"))
}

// TestLazyFreeReclaimed checks that pages the runtime gave back with
// MADV_FREE while memory was plentiful (kept mapped by the kernel) are
// reclaimed when a later fault finds no free frame.
func TestLazyFreeReclaimed(t *testing.T) {
	r := boottest.Boot(t, "./testdata/reclaim", boottest.Options{MemoryMiB: 256})
	wantExit(t, r, 0)
	start, grown, released := field(t, r, "start"), field(t, r, "grown"), field(t, r, "released")
	if released-grown > start/8 {
		t.Errorf("free memory went from %d to %d MiB at MADV_FREE: the kernel freed the pages at once, so reclaim was not exercised", grown, released)
	}
	touched := field(t, r, "touched")
	if touched <= released {
		t.Errorf("touched %d MiB, not more than the %d MiB free", touched, released)
	}
	t.Logf("free MiB: start %d, heap grown %d, after MADV_FREE %d; then touched %d MiB", start, grown, released, touched)
}

// TestExceptionSignals checks that CPU exceptions in Go code become the
// signals Linux sends, not a machine exit: #DE a SIGFPE the runtime turns
// into a recoverable divide panic, #GP from a non-canonical address a
// SIGSEGV (recoverable under debug.SetPanicOnFault), #UD a SIGILL the
// runtime reports before exiting 2.
func TestExceptionSignals(t *testing.T) {
	r := boottest.Boot(t, "./testdata/signals", boottest.Options{})
	wantExit(t, r, 2)
	for _, want := range []string{
		"#DE: recovered runtime error: integer divide by zero\n",
		"#GP: recovered runtime error: invalid memory address or nil pointer dereference\n",
		"#UD: next\nSIGILL: illegal instruction\nPC=",
		"main.ud2()",
	} {
		if !strings.Contains(r.Output(), want) {
			t.Errorf("console lacks %q", want)
		}
	}
	for _, bad := range []string{"no fault", "ebbnode: unhandled exception"} {
		if strings.Contains(r.Output(), bad) {
			t.Errorf("console has %q", bad)
		}
	}
}

// TestKernelMemoryIsSupervisorOnly checks that the Go world cannot read
// kernel memory (the LAPIC page, the page tables at the top of RAM) and
// that system calls refuse kernel addresses (EFAULT).
func TestKernelMemoryIsSupervisorOnly(t *testing.T) {
	r := boottest.Boot(t, "./testdata/harden", boottest.Options{MemoryMiB: 128})
	wantExit(t, r, 0)
	for _, want := range []string{"lapic: fault\n", "ramtop: fault\n", "own: read\n", "write from kernel memory: efault=true\n"} {
		if !strings.Contains(r.Output(), want) {
			t.Errorf("console lacks %q", want)
		}
	}
}

// TestLazyBSS checks that the image's BSS is backed on first touch: a
// guest whose 48 MiB zero variable takes most of its 64 MiB VM still grows
// its heap by 24 MiB, and the BSS pages it touches (from Go code, and
// through a system call) read zero and keep what is written.
func TestLazyBSS(t *testing.T) {
	r := boottest.Boot(t, "./testdata/bigbss", boottest.Options{MemoryMiB: 64})
	wantExit(t, r, 0)
	for _, want := range []string{"\x00\x00\x00\x00\nwrite=4 err=<nil> nonzero=0 kept=4 used=", "heap=24 MiB\n"} {
		if !strings.Contains(r.Output(), want) {
			t.Errorf("console lacks %q", want)
		}
	}
	if used := field(t, r, "used"); used > 1024 {
		t.Errorf("touching five BSS pages used %d KiB", used)
	}
}

// TestRAMAbove4GiB checks that RAM above 4 GiB is used: with 3 GiB, q35
// puts 2 GiB below 4 GiB and 1 GiB above, and the guest touches 2.25 GiB.
func TestRAMAbove4GiB(t *testing.T) {
	r := boottest.Boot(t, "./testdata/highram", boottest.Options{MemoryMiB: 3072, Timeout: 5 * time.Minute})
	wantExit(t, r, 0)
	if free := field(t, r, "free"); free < 2560 {
		t.Errorf("free memory at start %d MiB, want most of the VM's 3072", free)
	}
	if !strings.Contains(r.Output(), "touched=2304 MiB bad=0\n") {
		t.Errorf("console lacks the guest's touched line")
	}
}

// TestFPState: a system call saves only a thread's FPU/SSE control words
// and an interrupt everything (trap_amd64.s). On 1 and 2 vCPUs the main
// thread, with FZ/DAZ set in MXCSR and a non-default x87 FCW, sleeps 150
// times while spinner threads with the default MXCSR run: neither sees the
// other's control words after a system call or a switch, and X0-X15 held
// in registers across preemption keep their values.
func TestFPState(t *testing.T) {
	for _, cpus := range []int{1, 2} {
		t.Run(fmt.Sprintf("%dcpu", cpus), func(t *testing.T) {
			r := boottest.Boot(t, "./testdata/fpstate", boottest.Options{CPUs: cpus})
			wantExit(t, r, 0)
			for _, bad := range []string{"mxcsr-bad", "fcw-bad", "daz-bad", "raw-bad", "spinner-bad", "xmm-bad"} {
				if n := field(t, r, bad); n != 0 {
					t.Errorf("%s=%d, want 0", bad, n)
				}
			}
			if field(t, r, "spins") == 0 || field(t, r, "switches") == 0 {
				t.Errorf("the spinners never ran or no thread switch happened: %s", r.Output())
			}
		})
	}
}

// TestCPUProfile checks SIGPROF delivery: a guest that profiles itself
// with runtime/pprof while it spins for a second gets samples (100 Hz),
// most of them in its spin function. Without setitimer's SIGPROF the
// profile is empty.
func TestCPUProfile(t *testing.T) {
	r := boottest.Boot(t, "./testdata/cpuprofile", boottest.Options{})
	wantExit(t, r, 0)
	m := regexp.MustCompile(`samples=(\d+) spin=(\d+)`).FindStringSubmatch(r.Output())
	if m == nil {
		t.Fatalf("no sample count on the console")
	}
	total, _ := strconv.Atoi(m[1])
	spin, _ := strconv.Atoi(m[2])
	t.Logf("%d samples, %d in main.spin", total, spin)
	// A second at 100 Hz: 100 samples if the guest had the CPU all along;
	// a busy host takes vCPU time away, but not four fifths of it.
	if total < 20 || spin*2 < total {
		t.Errorf("%d samples, %d in main.spin: want at least 20, mostly in spin", total, spin)
	}
}

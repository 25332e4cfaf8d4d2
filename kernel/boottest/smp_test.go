package boottest_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/ebbnode/ebbnode/host/qemu"
	"github.com/ebbnode/ebbnode/kernel/boottest"
)

// TestSMPBoot boots with 2 and 4 vCPUs on q35 and microvm: the kernel
// finds the APs in the MADT, starts each one (INIT-SIPI-SIPI, trampoline,
// long mode, its own TSS and stacks, one tick of its own LAPIC timer) and
// reports them all online, and the program still runs to its end.
func TestSMPBoot(t *testing.T) {
	for _, machine := range []string{qemu.MachineQ35, qemu.MachineMicrovm} {
		for _, n := range []int{2, 4} {
			t.Run(fmt.Sprintf("%s/%d", machine, n), func(t *testing.T) {
				r := boottest.Boot(t, "./testdata/hello", boottest.Options{Machine: machine, CPUs: n, Append: "ebbnode.debug=boot"})
				wantExit(t, r, 0)
				if want := fmt.Sprintf("ebbnode: boot: %d of %d CPUs online\n", n, n); !strings.Contains(r.Output(), want) {
					t.Errorf("console lacks %q", want)
				}
				if !strings.Contains(r.Output(), "hello from ebbnode\n") {
					t.Errorf("console lacks the hello line")
				}
			})
		}
	}
}

// TestSMPAPFails withholds the start-up IPI from the last AP
// (ebbnode.debug=apfail): the boot waits for it, gives up, says so on the
// console without being asked, and goes on with the CPUs that started.
func TestSMPAPFails(t *testing.T) {
	r := boottest.Boot(t, "./testdata/hello", boottest.Options{CPUs: 3, Append: "ebbnode.debug=apfail"})
	wantExit(t, r, 0)
	for _, want := range []string{
		"ebbnode: CPU 2 (LAPIC ID 2) did not start; booting without it\n",
		"ebbnode: boot: 2 of 3 CPUs online\n",
		"hello from ebbnode\n",
	} {
		if !strings.Contains(r.Output(), want) {
			t.Errorf("console lacks %q", want)
		}
	}
}

// TestSMPStress runs testdata/smpstress on 2 vCPUs: GOMAXPROCS follows
// the CPUs the kernel started, threads run on both, two CPU-bound threads
// run apart, a thread pinned by
// sched_setaffinity runs only where pinned, futex and channel
// hand-offs between threads on different CPUs compute what the host
// recomputes, and an unmapped page faults on the other CPU at once
// (TLB shootdown) instead of being read from a stale translation.
func TestSMPStress(t *testing.T) {
	const cpus = 2
	r := boottest.Boot(t, "./testdata/smpstress", boottest.Options{CPUs: cpus, Append: "ebbnode.debug=syscalls"})
	wantExit(t, r, 0)
	if got := field(t, r, "gomaxprocs"); got != cpus {
		t.Errorf("gomaxprocs=%d, want %d", got, cpus)
	}
	if got := field(t, r, "online"); got != cpus {
		t.Errorf("online=%d, want %d", got, cpus)
	}
	if got := field(t, r, "cpus_seen"); got != cpus {
		t.Errorf("threads ran on %d CPUs, want %d", got, cpus)
	}
	// Two CPU-bound goroutines on two CPUs: sharing one (time-sliced
	// while the other CPU idles) in a quarter of the samples or more
	// means the scheduler left a CPU idle with a thread waiting.
	if together, samples := field(t, r, "together"), field(t, r, "samples"); together*4 >= samples {
		t.Errorf("two CPU-bound threads shared a CPU in %d of %d samples", together, samples)
	}
	for _, cpu := range []int{1, 0} {
		if got := field(t, r, fmt.Sprintf("pinned%d_elsewhere", cpu)); got != 0 {
			t.Errorf("a thread pinned to CPU %d ran elsewhere %d times of 200", cpu, got)
		}
		if got := field(t, r, fmt.Sprintf("pinned%d_mask", cpu)); got != 1<<cpu {
			t.Errorf("sched_getaffinity of a thread pinned to CPU %d: %#x", cpu, got)
		}
	}
	const workers, hops, adds, mod = 4, 4000, 5000, 1_000_000_007
	x := uint64(1)
	for h := 0; h < hops; h++ {
		x = (x*31 + uint64(h%workers) + 1) % mod
	}
	if got := field(t, r, "ring"); uint64(got) != x {
		t.Errorf("ring=%d, want %d", got, x)
	}
	n := uint64(workers * adds)
	if got := field(t, r, "mutex"); uint64(got) != n*(n-1)/2 {
		t.Errorf("mutex=%d, want %d", got, n*(n-1)/2)
	}
	if got := field(t, r, "stale"); got != 0 {
		t.Errorf("stale=%d: the reader read the page after munmap returned (1<<41: read a value never written)", got)
	}
	if !strings.Contains(r.Output(), "faulted=true") {
		t.Errorf("the reader did not fault on the unmapped page")
	}
	if got := field(t, r, "same_cpu"); got >= 8 {
		t.Errorf("reader and unmapper shared a CPU in all %d rounds: the shootdown was not tested", got)
	}
}

// TestFirstTouch races first-touch faults on one 2 MiB block from two
// CPUs (testdata/firsttouch): one thread's fault maps and clears the
// block while the other writes into it; no write may be lost to the
// clearing, which must finish before another CPU can reach the frame.
func TestFirstTouch(t *testing.T) {
	const cpus = 2
	r := boottest.Boot(t, "./testdata/firsttouch", boottest.Options{CPUs: cpus})
	wantExit(t, r, 0)
	if got := field(t, r, "gomaxprocs"); got != cpus {
		t.Errorf("gomaxprocs=%d, want %d", got, cpus)
	}
	if got := field(t, r, "rounds"); got == 0 {
		t.Errorf("no rounds ran")
	}
	if got := field(t, r, "lost"); got != 0 {
		t.Errorf("%d writes to a page another CPU was first-touching were lost (read back zero)", got)
	}
	if got := field(t, r, "toucher_lost"); got != 0 {
		t.Errorf("the first-touching thread's own write was lost in %d rounds", got)
	}
}

// TestEbbCoresPinned runs the Ebb runtime natively with one core per vCPU
// (testdata/ebbcores, Config.Pin): core i reports vCPU i, and every one of
// its events, with its thread parked and woken between them, ran there.
// The guest also times cross-core SpawnRemote round trips and a warm Ref
// dereference; the figures are logged (benchmark figures, not checked).
func TestEbbCoresPinned(t *testing.T) {
	const cpus = 2
	r := boottest.Boot(t, "./testdata/ebbcores", boottest.Options{CPUs: cpus})
	wantExit(t, r, 0)
	if got := field(t, r, "online"); got != cpus {
		t.Fatalf("online=%d, want %d", got, cpus)
	}
	for i := 0; i < cpus; i++ {
		if got := field(t, r, fmt.Sprintf("core%d_cpu", i)); got != int64(i) {
			t.Errorf("core %d pinned to vCPU %d, want %d", i, got, i)
		}
	}
	if got := field(t, r, "elsewhere"); got != 0 {
		t.Errorf("%d events ran off their core's vCPU", got)
	}
	t.Logf("round trip median: futex %d ns, channel %d ns; Ref.On %s ns",
		field(t, r, "futex_rt_median_ns"), field(t, r, "chan_rt_median_ns"),
		regexp.MustCompile(`deref_ns=([\d.]+)`).FindStringSubmatch(r.Output())[1])
}

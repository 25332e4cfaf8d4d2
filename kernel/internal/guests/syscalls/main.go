// Command syscalls makes every call in the kernel's system-call table at
// least once, through the standard library where the runtime does not
// already, and prints what each answered (see kernel/syscall_test.go).
// With ebbnode.debug=syscalls the kernel's counts then show that no row
// is left without a boot test.
package main

import (
	"crypto/rand"
	"errors"
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"syscall"
	"time"
	"unsafe"

	"github.com/ebbnode/ebbnode/kernel"
)

func main() {
	files()
	memory()
	process()
	threads()
	clocks()
	drivers()
}

// files: read, write, close, fcntl, openat.
func files() {
	buf := make([]byte, 8)
	n, err := syscall.Read(0, buf)
	_, badRead := syscall.Read(9, buf)
	_, badWrite := syscall.Write(9, buf)
	fmt.Printf("read: stdin=%d,%v fd9=%v write: fd9=%v\n", n, err, badRead, badWrite)
	_, _, getfl := syscall.Syscall(syscall.SYS_FCNTL, 1, syscall.F_GETFL, 0)
	_, _, badFcntl := syscall.Syscall(syscall.SYS_FCNTL, 9, syscall.F_GETFL, 0)
	fmt.Printf("close: fd9=%v fcntl: fd1=%d fd9=%v\n", syscall.Close(9), getfl, badFcntl)
	_, err = os.Open("/etc/hostname")
	fmt.Printf("openat: %v\n", errors.Is(err, os.ErrNotExist))
}

// memory: mmap, munmap, madvise, mprotect (and rt_sigreturn after the
// fault it provokes).
func memory() {
	const size = 1 << 20
	m, err := syscall.Mmap(-1, 0, size, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE)
	if err != nil {
		fmt.Printf("mmap: %v\n", err)
		return
	}
	m[4096] = 7
	err = syscall.Madvise(m, 4 /* MADV_DONTNEED */)
	fmt.Printf("madvise: %v zero=%v\n", err, m[4096] == 0)
	_, fileErr := syscall.Mmap(0, 0, 4096, syscall.PROT_READ, syscall.MAP_PRIVATE)
	err = syscall.Mprotect(m[:4096], syscall.PROT_READ)
	fmt.Printf("mprotect: %v faulted=%v mmap file: %v\n", err, writeFaults(m), fileErr)
	fmt.Printf("munmap: %v\n", syscall.Munmap(m))
}

// writeFaults writes to m's first page and reports whether that faulted.
func writeFaults(m []byte) (faulted bool) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() { faulted = recover() != nil }()
	m[0] = 1
	return false
}

// process: getpid, the ids, uname, getcwd, prctl, getrandom, prlimit64,
// sched_getaffinity, arch_prctl, getcpu, sched_setaffinity, sysinfo.
func process() {
	var u syscall.Utsname
	wd, _ := os.Getwd()
	fmt.Printf("getpid=%d ids=%d,%d,%d,%d ppid=%d uname=%v getcwd=%q\n", os.Getpid(), os.Getuid(), os.Getgid(),
		os.Geteuid(), os.Getegid(), os.Getppid(), syscall.Uname(&u), wd)
	_, _, prctl := syscall.Syscall(syscall.SYS_PRCTL, 16 /* PR_GET_NAME */, 0, 0)
	b := make([]byte, 32)
	_, err := rand.Read(b)
	var lim syscall.Rlimit
	fmt.Printf("prctl: %v getrandom: %v prlimit: %v nofile=%d/%d cpus=%d\n", prctl, err,
		syscall.Getrlimit(syscall.RLIMIT_NOFILE, &lim), lim.Cur, lim.Max, runtime.NumCPU())
	fsBase, e := archGetFS()
	fmt.Printf("arch_prctl: fs=%v %v\n", fsBase != 0, e)
	var cpu uint32
	_, _, gc := syscall.RawSyscall(309 /* getcpu */, uintptr(unsafe.Pointer(&cpu)), 0, 0)
	mask := uint64(1)
	_, _, sa := syscall.RawSyscall(syscall.SYS_SCHED_SETAFFINITY, 0, 8, uintptr(unsafe.Pointer(&mask)))
	none := uint64(0)
	_, _, sn := syscall.RawSyscall(syscall.SYS_SCHED_SETAFFINITY, 0, 8, uintptr(unsafe.Pointer(&none)))
	fmt.Printf("getcpu: cpu=%d %v sched_setaffinity: %v none=%v\n", cpu, gc, sa, sn)
	var si syscall.Sysinfo_t
	serr := syscall.Sysinfo(&si)
	fmt.Printf("sysinfo: %v ram=%v free=%v unit=%d procs=%d\n", serr, si.Totalram > 0,
		si.Freeram > 0 && si.Freeram < si.Totalram, si.Unit, si.Procs)
	// setitimer: ITIMER_PROF set (1 s, so it never fires here), read
	// back, turned off; ITIMER_REAL refused. timer_create: refused.
	it := [4]int64{1, 0, 1, 0}
	var old [4]int64
	_, _, e1 := syscall.RawSyscall(syscall.SYS_SETITIMER, 2, uintptr(unsafe.Pointer(&it)), 0)
	off := [4]int64{}
	_, _, e2 := syscall.RawSyscall(syscall.SYS_SETITIMER, 2, uintptr(unsafe.Pointer(&off)), uintptr(unsafe.Pointer(&old)))
	_, _, e3 := syscall.RawSyscall(syscall.SYS_SETITIMER, 0, uintptr(unsafe.Pointer(&it)), 0)
	var tid int32
	_, _, e4 := syscall.RawSyscall(syscall.SYS_TIMER_CREATE, 3, 0, uintptr(unsafe.Pointer(&tid)))
	fmt.Printf("setitimer: %v,%v old-interval=%ds real=%v timer_create: %v\n", e1, e2, old[0], e3, e4)
}

// threads: clone, gettid, futex, sched_yield, nanosleep, exit (a thread
// locked by a goroutine that ends is ended too).
func threads() {
	// Locked, main keeps its thread, so the goroutine gets another one,
	// which ends when the goroutine returns still locked.
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	tids := make(chan int)
	go func() {
		runtime.LockOSThread()
		tids <- syscall.Gettid()
	}()
	other := <-tids
	// Let that thread run to its exit: the live threads drop below
	// what they are now (bounded, not timed: a loaded host is slow).
	live := kernel.ReadCounters().Threads
	for i := 0; i < 5000 && kernel.ReadCounters().Threads >= live; i++ {
		time.Sleep(time.Millisecond)
	}
	_, _, yield := syscall.Syscall(syscall.SYS_SCHED_YIELD, 0, 0, 0)
	ts := syscall.NsecToTimespec(int64(time.Millisecond))
	main := syscall.Gettid()
	fmt.Printf("gettid: two=%v sched_yield: %v nanosleep: %v\n", main > 0 && other > 0 && other != main,
		yield, syscall.Nanosleep(&ts, nil))
}

// clocks: clock_gettime through the trap (the vDSO answers the runtime),
// and the epoll calls the runtime's timers use.
func clocks() {
	var ts syscall.Timespec
	err := clockGettime(0 /* CLOCK_REALTIME */, &ts)
	diff := time.Since(time.Unix(ts.Unix())).Abs()
	time.Sleep(time.Millisecond)
	fmt.Printf("clock_gettime: %v near=%v\n", err, diff < 2*time.Second)
}

// drivers: ebbnode's private calls.
func drivers() {
	_, err := kernel.WaitIRQ(kernel.FirstDeviceVector, 0, time.Millisecond)
	buf, pa, dmaErr := kernel.AllocDMA(4096)
	fmt.Printf("ebb_irq_wait: %v ebb_dma_alloc: %v below4G=%v zero=%v\n", err, dmaErr, pa != 0 && pa < 1<<32, buf[0] == 0)
	q, err := kernel.OpenIRQ(kernel.FirstDeviceVector)
	_, again := kernel.OpenIRQ(kernel.FirstDeviceVector)
	var closeErr error
	if q != nil {
		closeErr = q.Close()
	}
	fmt.Printf("ebb_irq_fd: %v again: %v close: %v\n", err, again, closeErr)
}

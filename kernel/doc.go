// Package kernel is ebbnode's native x86_64 machine layer. A guest is an
// ordinary Go main package that blank-imports this package; the image
// builder (host/image) links it with the linker's -E naming pvhEntry, so
// the image boots through PVH, sets up the machine and then jumps to the
// stock runtime's _rt0_amd64_linux with a synthetic Linux process stack.
// From then on the Go runtime meets the kernel only at the Linux
// system-call ABI: package libc holds the numbers and layouts, sysTable in
// syscall_trap.go what the kernel does with each call.
//
// # Two worlds
//
// Files named *_trap.go and *.s hold the trap world: code that runs on a
// system call, interrupt or fault, with interrupts off, on the per-CPU
// kernel stack, with no goroutine of its own. Every Go function there is
// //go:nosplit, does not allocate, writes no heap pointers (kernel state is
// kept in fixed arrays of plain integers) and takes no Go locks. While in
// the trap world FS points at a scratch TLS whose g has a zero stack
// guard, so even a compiler-generated wrapper can never call morestack.
//
// Locking rule (lock_trap.go): per-CPU state (cpuState, reached through
// GS, which the Go world never touches) needs no lock; everything the
// trap world shares between CPUs (thread table and run queue, page
// tables, frame pools, mmap areas, fd and signal tables, counters) is
// touched only while holding trapLock, one spinlock taken with interrupts
// off on every entry from ring 3 (IPIs excepted) and for a device
// interrupt taken while idle, and released only to halt and just before
// resuming a thread. A CPU spinning for it serves TLB shootdowns, so its
// holder may wait for the other CPUs.
//
// # CPUs
//
// The boot CPU finds the others in the ACPI MADT (hvm_start_info's RSDP,
// else the BIOS area) and starts each with INIT-SIPI-SIPI through a
// real-mode trampoline at 0x9000 (smp_trap.go); each reaches long mode on
// the same page tables with its own TSS, IST and kernel stacks, GS block
// and LAPIC timer. An AP not online within a second is held in INIT and
// the machine boots without it, saying so on the console. sched_getaffinity
// reports the CPUs online, so GOMAXPROCS is their number, and getcpu the
// caller's CPU. Device interrupts are spread: the device vectors are
// dealt over the online CPUs from the last one down (IRQCPU), and MSI,
// MSI-X and I/O APIC routes aim each vector at its CPU's LAPIC, so with
// two CPUs the image's network interrupts reach CPU 1 while its first
// Ebb core runs on CPU 0. DeviceInterrupts counts them per CPU.
//
// # Threads
//
// clone makes real threads. A thread is its saved user context (registers,
// FS base, FXSAVE area); there is one kernel stack per CPU and the kernel
// never sleeps on it: a blocking call (futex, nanosleep, epoll_pwait,
// ebb_irq_wait) parks the context and resumes another, and the call's
// result is written into the parked context when it wakes. Every CPU
// schedules from the one thread table (a thread runs on at most one CPU
// at a time); a thread made runnable while a CPU idles sends it a wake-up
// IPI. A thread that may run on one CPU only (sched_setaffinity; an Ebb
// core's thread, pinned to its vCPU) goes there before any thread that
// may run elsewhere: a wake-up IPI to that CPU while it is busy switches
// to the pinned thread at once, and the displaced one is offered to an
// idle CPU. With nothing runnable a CPU halts until the next deadline, a
// device interrupt or a wake-up.
//
// The Go world runs in ring 3 with IOPL 3 (drivers may use port I/O); the
// address space is shared (a library OS), but what only the trap world
// uses is supervisor-only: the page tables, the thread table, the LAPIC
// page and the identity map of the RAM the frame allocator manages (DMA
// memory and boot modules excepted), so a stray write from Go code faults
// instead of corrupting the kernel, and system calls refuse such addresses
// (EFAULT). The image stays user-accessible: kernel and program are one
// binary, sharing text, and the linker interleaves their globals
// (harden_trap.go).
//
// # Console and exit status
//
// COM1 (0x3f8) is the console: the process's fds 1 and 2 and all kernel
// messages. The machine ends through isa-debug-exit at port 0xf4 (QEMU
// then exits with status (code<<1)|1):
//
//	exit_group(n) / last thread's exit(n)  code n&0xff  -> QEMU status 2n+1
//	kernel panic, fatal fault, deadlock    code 0x7f    -> QEMU status 255
//	  (a fault no signal covers, or whose signal cannot be delivered)
//	out of physical memory on a fault      code 0x7e    -> QEMU status 253
//
// An unrecovered Go panic prints the runtime's own trace and calls
// exit_group(2) (QEMU status 5); os.Exit(3) gives QEMU status 7.
//
// # Clock
//
// The monotonic clock is the TSC (calibrated against PIT channel 2 at boot),
// the wall clock the CMOS RTC at boot plus the monotonic time. The process
// gets a minimal vDSO (AT_SYSINFO_EHDR) whose __vdso_clock_gettime reads the
// TSC in ring 3, so the runtime's nanotime and walltime do not trap. The
// LAPIC timer of each CPU (one-shot) wakes sleepers and preempts threads
// every 4 ms, but only while a runnable thread waits for a CPU: a thread
// that has its CPU to itself gets no preemption tick, since under TCG
// every interrupt is an expensive exit. The timer is programmed at
// most once per trap, at its exit, for the earliest deadline left then,
// so no interrupt fires for a deadline a wake-up already served.
//
// # Memory
//
// The first 4 GiB are identity-mapped (2 MiB pages; page 0 unmapped so nil
// dereferences fault). mmap areas live above 4 GiB and are demand-paged,
// with 2 MiB pages where a whole aligned block is one writable area. Their
// frames come first from RAM the kernel never reaches through the identity
// map (userram_trap.go): RAM above 4 GiB, and the whole 2 MiB blocks at the
// tail of the image's BSS, which are backed on first touch as Linux backs
// BSS (the linker puts the largest zero variables there, such as the 32
// MiB FIPS entropy scratch buffer every program linking crypto/rand
// carries); then from the RAM below 4 GiB outside the image, which also
// holds the page tables, the thread table and DMA memory. A fault in an area that does not allow the
// access becomes SIGSEGV with a Linux rt_sigframe. Other CPU exceptions in
// the Go world become the signals Linux sends: #DE SIGFPE (the runtime's
// divide panic), #GP SIGSEGV with si_code SI_KERNEL (a panic under
// debug.SetPanicOnFault, else the runtime's fatal "fault"), #UD SIGILL
// (the runtime's fatal report, exit 2); the rest end the machine.
//
// The Go heap's soft limit follows the VM's RAM: the synthetic envp
// carries GOMEMLIMIT, the RAM free after boot less the kernel's share (a
// sixteenth plus 4 MiB: page tables, DMA, large-page rounding), so the
// collector works before the kernel runs out. MADV_DONTNEED frees pages at
// once; MADV_FREE does so only while less than 32 MiB is free, else it
// marks the pages and clears their dirty bit, and a fault that finds no
// free frame takes back every marked page not written since (as Linux
// does) before the kernel declares itself out of memory. That exit prints
// the limit hit (the VM's RAM), the memory the process has mapped, the
// soft limit and what reclaim took back; an mmap refused because the
// kernel's area table is full prints that limit before the runtime's own
// "out of memory".
//
// # Drivers (Go world)
//
// Port I/O (Outb, Inl, ...), MMIO registers (Read32, Write32), device
// interrupts (vectors FirstDeviceVector-LastDeviceVector, delivered by MSI,
// MSI-X or an I/O APIC pin (RouteGSI, edge-triggered) and awaited with
// WaitIRQ, or with OpenIRQ: a descriptor the kernel's epoll reports, so
// the driver goroutine parks in the Go netpoller holding no thread), DMA
// memory (AllocDMA) and the PVH boot modules (Modules, QEMU -initrd) are
// exported for drivers; packages pci and virtio build on them
// (virtio.Console: a byte stream to the host; virtio.Net: Ethernet frames).
// ReadCounters gives any guest the kernel's running totals (timer
// interrupts, context switches, free memory), so a test can tell what the
// kernel did during a stretch of its own work.
//
// # Debug switches
//
// The kernel command line (QEMU -append) may carry
// ebbnode.debug=a,b,... with:
//
//	syscalls  print the per-number system-call counts at exit, and the trap
//	          profile: traps by kind, context switches, idle halts, wake-up
//	          IPIs, shootdowns, contended trapLock acquisitions and their
//	          spin time, and the time (TSC) spent in the trap world per
//	          kind and halted
//	boot      print the clock calibration, the E820 map, the boot modules,
//	          the CPUs online, and each boot stage's end by the TSC (PVH
//	          entry, calibration, _rt0, this package's init, then the
//	          marks the image's main sets with BootMark); GODEBUG gets
//	          inittrace=1,gctrace=1 (each package's init time, the
//	          collections)
//	mmap      print every mmap and, at exit, the demand-paged page counts
//	novdso    leave the vDSO out (every clock read traps)
//	apfail    withhold the start-up IPI from the last AP (tests that the
//	          boot goes on without it)
package kernel

// Package libc is ebbnode's Linux system-call ABI: the call numbers, errno
// values and structure layouts that the stock Go runtime and standard
// library use, the table of calls the native kernel answers, and the
// per-call counters behind the `ebbnode.debug=syscalls` switch.
//
// The package has no machine dependencies and never allocates in the
// functions the trap world uses (Name, Counts.Add), so the kernel's
// system-call dispatcher (kernel/syscall_trap.go) builds on it and its logic
// is tested on the host.
//
// # System-call table (native kernel, one process, Go runtime as the client)
//
//	read(0)            fd 0 reads end-of-file; the eventfd reads and resets its counter
//	                   (EAGAIN at 0); other fds EBADF.
//	write(1)           fds 1 and 2 go to the serial console (COM1), byte-exact; the eventfd
//	                   adds to its counter and wakes epoll waiters; others EBADF.
//	close(3)           fds 0-2: 0; others EBADF.
//	mmap(9)            anonymous only (file mappings: ENODEV). Hints >= 4 GiB are honoured
//	                   when free (the runtime's arena hints from 0xc000000000), MAP_FIXED
//	                   replaces and zeroes, MAP_FIXED_NOREPLACE fails with EEXIST, no hint
//	                   takes the lowest gap from 0x200000000000. Pages are demand-allocated
//	                   and zeroed on first touch, as 2 MiB pages where a whole aligned
//	                   block is one writable area and more than 16 MiB is free. ENOMEM
//	                   when the area table (512 areas) is full; running out of frames
//	                   on a fault ends the machine with an "out of memory" line.
//	munmap(11)         frees the frames and forgets the range.
//	mprotect(10)       records the new protection for later faults; already present pages
//	                   keep their access (limit).
//	madvise(28)        MADV_DONTNEED frees the frames (the range reads back zero); MADV_FREE
//	                   keeps them (old contents or zero, as Linux allows) while more than
//	                   32 MiB is free, else frees them; other advice returns 0.
//	rt_sigaction(13)   stores handler, flags, restorer and mask for signals 1-64.
//	rt_sigprocmask(14) per-thread mask, stored and returned.
//	rt_sigreturn(15)   restores the registers and FP state from the rt_sigframe.
//	sigaltstack(131)   per-thread alternate signal stack.
//	sched_yield(24)    round-robin to the next runnable thread.
//	nanosleep(35)      blocks the thread until the deadline (TSC clock).
//	getpid(39)         1.
//	clone(56)          threads only (CLONE_VM|CLONE_THREAD required, else ENOSYS): the
//	                   child gets the parent's registers with RAX=0 and RSP=stack, and
//	                   FS base = tls when CLONE_SETTLS.
//	exit(60)           ends the thread; the last thread's exit ends the machine.
//	exit_group(231)    ends the machine: the status byte is written to isa-debug-exit.
//	arch_prctl(158)    ARCH_SET_FS/ARCH_GET_FS; others EINVAL.
//	uname(63)          sysname and nodename "ebbnode", release "6.1.0-ebbnode", machine x86_64.
//	getcwd(79)         "/".
//	getuid(102) getgid(104) geteuid(107) getegid(108) getppid(110): 0 (one process, root).
//	gettid(186)        the thread id (1 for the first thread).
//	futex(202)         FUTEX_WAIT (with relative timeout) and FUTEX_WAKE, keyed by address;
//	                   other operations ENOSYS.
//	sched_getaffinity(204) one CPU (mask 1): GOMAXPROCS=1.
//	clock_gettime(228) MONOTONIC/BOOTTIME/RAW/COARSE from the TSC; REALTIME = CMOS RTC at
//	                   boot + monotonic; CPU-time clocks use the monotonic clock (limit).
//	                   The process also gets a vDSO whose __vdso_clock_gettime answers
//	                   REALTIME and MONOTONIC in ring 3 without trapping.
//	openat(257)        ENOENT (no file system yet).
//	fcntl(72)          fds 0-2: F_GETFD/F_GETFL return 0 (blocking); others EBADF.
//	prlimit64(302)     reports RLIMIT_NOFILE as 1024/4096 and others as infinity; sets are accepted.
//	prctl(157)         EINVAL.
//	getrandom(318)     RDRAND when CPUID has it (QEMU -cpu max); otherwise a splitmix64
//	                   stream seeded from the TSC, which differs between boots but is not
//	                   cryptographic (limit).
//	epoll_create1(291) one epoll instance (fd 3); a second gives EMFILE.
//	eventfd2(290)      one eventfd (fd 4), the runtime's netpollBreak channel.
//	epoll_ctl(233)     only the eventfd can be watched; other fds EPERM (not pollable), so
//	                   the runtime falls back to blocking I/O for them.
//	epoll_pwait(281)   reports the eventfd when its counter is non-zero, else blocks until
//	                   the timeout (ms, -1 = forever) or an eventfd write (then 0 events).
//
// ebbnode's private calls (numbers 1024 and up; Linux answers them ENOSYS,
// so hosted callers get a clear error):
//
//	ebb_irq_wait(1024)  (vector, seen, timeout_ns): device vectors 33-46. Returns the
//	                    vector's interrupt count as soon as it differs from seen, else
//	                    blocks until the next interrupt or the timeout (ETIMEDOUT;
//	                    0 = no timeout). EINVAL for other vectors. Counting instead of
//	                    flagging means an interrupt between two waits is never lost.
//	ebb_dma_alloc(1025) (bytes): physically contiguous, zeroed frames below 4 GiB,
//	                    identity-mapped (virtual = physical address, returned). Never
//	                    freed. ENOMEM when no run is long enough.
//
// Every other number returns ENOSYS and is counted.
package libc

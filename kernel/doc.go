// Package kernel is ebbnode's native x86_64 machine layer. A guest is an
// ordinary Go main package that blank-imports this package; the image
// builder (host/image) links it with the linker's -E naming pvhEntry, so
// the image boots through PVH, sets up the machine and then jumps to the
// stock runtime's _rt0_amd64_linux with a synthetic Linux process stack.
// From then on the Go runtime meets the kernel only at the Linux
// system-call ABI (see package libc for the table).
//
// # Two worlds
//
// Files named *_trap.go and *.s hold the trap world: code that runs on a
// system call, interrupt or fault, with interrupts off, on the per-CPU
// kernel stack, with no goroutine of its own. Every Go function there is
// //go:nosplit, does not allocate, writes no heap pointers (kernel state is
// kept in fixed arrays of plain integers) and takes no locks. While in the
// trap world FS points at a scratch TLS whose g has a zero stack guard, so
// even a compiler-generated wrapper can never call morestack.
//
// The Go world runs in ring 3 with IOPL 3 (drivers may use port I/O); the
// whole address space is shared and user-accessible (a library OS).
//
// # Console and exit status
//
// COM1 (0x3f8) is the console: the process's fds 1 and 2 and all kernel
// messages. The machine ends through isa-debug-exit at port 0xf4 (QEMU
// then exits with status (code<<1)|1):
//
//	exit_group(n) / last thread's exit(n)  code n&0xff  -> QEMU status 2n+1
//	kernel panic, fatal fault, deadlock    code 0x7f    -> QEMU status 255
//	out of physical memory on a fault      code 0x7e    -> QEMU status 253
//
// An unrecovered Go panic prints the runtime's own trace and calls
// exit_group(2) (QEMU status 5); os.Exit(3) gives QEMU status 7.
//
// # Debug switches
//
// The kernel command line (QEMU -append) may carry
// ebbnode.debug=syscalls,boot: "syscalls" prints the per-number system-call
// counts at exit, "boot" prints the clock calibration and, from the
// package's init, the time from entry to the Go world's package init.
package kernel

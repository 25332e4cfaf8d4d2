// Package libc is ebbnode's Linux system-call ABI: the call numbers, errno
// values, flags and structure layouts that the stock Go runtime and
// standard library use on linux/amd64, the names of the calls, and the
// per-call counters behind the `ebbnode.debug=syscalls` switch.
//
// It describes the interface only. What the native kernel does with each
// call is in the kernel's system-call table (sysTable in
// kernel/syscall_trap.go): one row per call with its name, its handler
// and a one-line note, and the handler's documentation beside its code.
//
// Numbers 1024 and up are ebbnode's private calls, through which the
// trap world hands work to Go-world drivers (Linux answers them ENOSYS,
// so a hosted caller gets a clear error):
//
//	ebb_irq_wait(1024)  (vector, seen, timeout_ns) -> interrupt count
//	ebb_dma_alloc(1025) (bytes) -> physical (= virtual) address
//
// The package has no machine dependencies and never allocates in the
// functions the trap world uses (Name, Counts.Add), so the kernel builds
// on it and its logic is tested on the host.
package libc

package runtime

import "syscall"

// osYield gives up the CPU to other runnable threads with sched_yield(2).
// RawSyscall: the call returns at once, so telling the Go scheduler about
// it (and perhaps losing the P) would cost more than the call.
func osYield() { syscall.RawSyscall(syscall.SYS_SCHED_YIELD, 0, 0, 0) }

package main

import (
	"fmt"
	"syscall"
	"time"
	"unsafe"
)

// futexWait waits on a word nobody wakes: it must time out (ETIMEDOUT is
// success here).
func futexWait(d time.Duration) error {
	var word uint32
	ts := syscall.NsecToTimespec(d.Nanoseconds())
	const futexWaitPrivate = 0 | 128
	_, _, e := syscall.Syscall6(syscall.SYS_FUTEX, uintptr(unsafe.Pointer(&word)), futexWaitPrivate, 0,
		uintptr(unsafe.Pointer(&ts)), 0, 0)
	if e != syscall.ETIMEDOUT {
		return fmt.Errorf("futex wait: %v, want ETIMEDOUT", e)
	}
	return nil
}

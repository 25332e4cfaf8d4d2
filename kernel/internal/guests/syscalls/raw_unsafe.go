package main

import (
	"syscall"
	"unsafe"
)

// archGetFS asks arch_prctl(ARCH_GET_FS) for the thread's TLS base.
func archGetFS() (uint64, error) {
	var fs uint64
	_, _, e := syscall.Syscall(syscall.SYS_ARCH_PRCTL, 0x1003, uintptr(unsafe.Pointer(&fs)), 0)
	if e != 0 {
		return 0, e
	}
	return fs, nil
}

// clockGettime calls clock_gettime through the SYSCALL instruction.
func clockGettime(clock int, ts *syscall.Timespec) error {
	_, _, e := syscall.Syscall(syscall.SYS_CLOCK_GETTIME, uintptr(clock), uintptr(unsafe.Pointer(ts)), 0)
	if e != 0 {
		return e
	}
	return nil
}

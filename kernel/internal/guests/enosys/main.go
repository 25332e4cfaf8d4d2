// Command enosys makes a system call the kernel does not implement and
// prints the error: the kernel must answer ENOSYS and count it.
package main

import (
	"fmt"
	"syscall"

	_ "github.com/ebbnode/ebbnode/kernel"
)

func main() {
	_, _, errno := syscall.RawSyscall(syscall.SYS_UNAME, 0, 0, 0)
	fmt.Printf("uname: %d %v\n", uintptr(errno), errno)
}

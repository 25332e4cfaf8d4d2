// Command enosys makes a system call the kernel does not implement
// (syslog) and prints the error: the kernel must answer ENOSYS and count
// it. It also prints what the small identity calls answer.
package main

import (
	"fmt"
	"os"
	"syscall"

	_ "github.com/ebbnode/ebbnode/kernel"
)

func main() {
	_, _, errno := syscall.RawSyscall(syscall.SYS_SYSLOG, 10, 0, 0) // SYSLOG_ACTION_SIZE_BUFFER
	fmt.Printf("syslog: %d %v\n", uintptr(errno), errno)

	wd, err := os.Getwd()
	var u syscall.Utsname
	uerr := syscall.Uname(&u)
	str := func(f [65]int8) string {
		b := make([]byte, 0, len(f))
		for _, c := range f {
			if c == 0 {
				break
			}
			b = append(b, byte(c))
		}
		return string(b)
	}
	fmt.Printf("getwd=%q %v uid=%d gid=%d ppid=%d uname=%s/%s/%s %v\n", wd, err, os.Getuid(), os.Getgid(), os.Getppid(),
		str(u.Sysname), str(u.Release), str(u.Machine), uerr)
}

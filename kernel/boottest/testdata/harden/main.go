// Command harden checks that the Go world cannot reach kernel memory: a
// load from the LAPIC page or from the top of RAM (where the page tables
// are: single frames come from the top down) faults, which
// debug.SetPanicOnFault turns into a recoverable panic, and a system call
// given a kernel address fails with EFAULT. A load from the program's own
// data still works.
package main

import (
	"errors"
	"fmt"
	"runtime/debug"
	"syscall"

	_ "github.com/ebbnode/ebbnode/kernel"
)

// load32 reads the 32-bit word at addr (load_amd64.s).
func load32(addr uintptr) uint32

// addrOfWord returns the address of word (load_amd64.s).
func addrOfWord() uintptr

const (
	lapicID = 0xfee00020
	ramTop  = 0x7fe0000 // end of RAM in q35's E820 map with 128 MiB (the last 128 KiB are reserved)
)

var word uint32 = 0x1234

func try(name string, addr uintptr) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Printf("%s: fault\n", name)
		}
	}()
	load32(addr)
	fmt.Printf("%s: read\n", name)
}

func main() {
	debug.SetPanicOnFault(true)
	try("lapic", lapicID)
	try("ramtop", ramTop-4096)
	try("own", uintptr(addrOfWord()))
	_, _, e := syscall.Syscall(syscall.SYS_WRITE, 1, ramTop-4096, 8)
	fmt.Printf("write from kernel memory: efault=%v\n", errors.Is(e, syscall.EFAULT))
}

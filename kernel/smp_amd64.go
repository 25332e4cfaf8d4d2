package kernel

// AP entry and per-CPU access, implemented in smp_amd64.s.

// apEntry64 is the 64-bit continuation of the AP trampoline (smp_trap.go).
// Never called from Go.
func apEntry64()

// apEntryAddr returns the address of apEntry64.
func apEntryAddr() uintptr

// thisCPU returns the running CPU's cpuState (through GS).
func thisCPU() *cpuState

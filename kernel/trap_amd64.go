package kernel

//go:generate go run gen_vectors.go

// Trap entry points, implemented in trap_amd64.s and vectors_amd64.s.

// trapCommon is the common target of the per-vector stubs.
func trapCommon()

// userTrapEntry saves a ring-3 context and calls userTrap.
func userTrapEntry()

// kernelTrapEntry saves a ring-0 context and calls kernelTrap.
func kernelTrapEntry()

// resumeUser restores this CPU's current thread and returns to ring 3.
// Never returns.
func resumeUser()

// syscallEntry is the SYSCALL target (MSR_LSTAR).
func syscallEntry()

// syscallEntryAddr returns the address of syscallEntry.
func syscallEntryAddr() uintptr

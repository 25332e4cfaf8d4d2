package kernel

// Boot entry, implemented in entry_amd64.s.

// pvhEntry is the image's ELF and PVH entry point; the image builder
// (host/image) names it with the linker's -E. It runs in 32-bit protected
// mode, builds the boot page tables, enters long mode and continues in
// pvhEntry64. Never called from Go.
func pvhEntry()

// pvhEntry64 is the 64-bit continuation of pvhEntry: segments, boot stack,
// scratch TLS, bootMain, then resumeUser into the Go runtime. Never called
// from Go.
func pvhEntry64()

// rt0Addr returns the address of the stock runtime's _rt0_amd64_linux.
func rt0Addr() uintptr

// The vDSO's clock_gettime. See vdso_trap.go.

#include "textflag.h"
#include "go_asm.h"

// vdsoClockGettime is __vdso_clock_gettime, called by the Go runtime with
// the C ABI from ring 3: DI = clock id, SI = struct timespec *. It computes
// the same clock as nanotime/sysClockGettime from the TSC and the
// boot-time constants in clock, without a trap. Clocks other than
// REALTIME (0) and MONOTONIC (1) take the system call. Uses only
// caller-saved registers (AX, CX, DX, R8).
TEXT ·vdsoClockGettime(SB),NOSPLIT|NOFRAME,$0
	CMPL DI, $1
	JHI slow
	RDTSC
	SHLQ $32, DX
	ORQ DX, AX
	SUBQ ·clock+clockState_tsc0(SB), AX
	MULQ ·clock+clockState_nsPerTick(SB) // DX:AX = ticks * ns/tick (32.32)
	SHRQ $32, AX
	SHLQ $32, DX
	ORQ DX, AX                             // AX = ns since entry
	XORL DX, DX
	MOVQ $1000000000, R8
	DIVQ R8                                // AX = seconds, DX = nanoseconds
	CMPL DI, $0
	JNE store
	ADDQ ·clock+clockState_wall0(SB), AX
store:
	MOVQ AX, 0(SI)
	MOVQ DX, 8(SI)
	XORL AX, AX
	RET
slow:
	MOVL $const_nrClockGettime, AX
	SYSCALL
	RET

// vdsoClockGettimeAddr returns the address of vdsoClockGettime.
TEXT ·vdsoClockGettimeAddr(SB),NOSPLIT,$0-8
	LEAQ ·vdsoClockGettime(SB), AX
	MOVQ AX, ret+0(FP)
	RET

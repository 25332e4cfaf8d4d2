// AP entry in 64-bit mode and per-CPU access. See smp_trap.go.

#include "textflag.h"
#include "go_asm.h"

// apEntry64 is where the trampoline jumps, in 64-bit mode on the
// trampoline's GDT with RSP = the AP's kernel stack: load the kernel's
// GDT (same code selector), data segments and the scratch TLS, then Go.
TEXT ·apEntry64(SB),NOSPLIT|NOFRAME,$0
	LEAQ ·gdtr(SB), AX
	LGDT (AX)
	MOVL $const_kernelDS, AX
	MOVW AX, DS
	MOVW AX, ES
	MOVW AX, SS
	MOVL $0, AX
	MOVW AX, FS
	MOVW AX, GS
	ANDQ $~15, SP
	LEAQ ·scratchTLS+8(SB), AX
	MOVQ AX, DX
	SHRQ $32, DX
	MOVL $const_msrFSBase, CX
	WRMSR
	CALL ·apMain(SB)
	CLI
halt:
	HLT
	JMP halt

// apEntryAddr returns the address of apEntry64 for the trampoline.
TEXT ·apEntryAddr(SB),NOSPLIT,$0-8
	LEAQ ·apEntry64(SB), AX
	MOVQ AX, ret+0(FP)
	RET

// thisCPU returns the running CPU's cpuState: GS:0 is its self field.
TEXT ·thisCPU(SB),NOSPLIT,$0-8
	MOVQ 0(GS), AX
	MOVQ AX, ret+0(FP)
	RET

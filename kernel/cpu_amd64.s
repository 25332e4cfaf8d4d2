// CPU instruction helpers for the trap world. See cpu_amd64.go.

#include "textflag.h"

TEXT ·outb(SB),NOSPLIT,$0-3
	MOVW port+0(FP), DX
	MOVB val+2(FP), AX
	OUTB
	RET

TEXT ·inb(SB),NOSPLIT,$0-9
	MOVW port+0(FP), DX
	INB
	MOVB AX, ret+8(FP)
	RET

TEXT ·rdmsr(SB),NOSPLIT,$0-16
	MOVL msr+0(FP), CX
	RDMSR
	SHLQ $32, DX
	ORQ DX, AX
	MOVQ AX, ret+8(FP)
	RET

TEXT ·wrmsr(SB),NOSPLIT,$0-16
	MOVL msr+0(FP), CX
	MOVQ val+8(FP), AX
	MOVQ AX, DX
	SHRQ $32, DX
	WRMSR
	RET

TEXT ·cpuid(SB),NOSPLIT,$0-24
	MOVL leaf+0(FP), AX
	MOVL sub+4(FP), CX
	CPUID
	MOVL AX, a+8(FP)
	MOVL BX, b+12(FP)
	MOVL CX, c+16(FP)
	MOVL DX, d+20(FP)
	RET

TEXT ·rdtsc(SB),NOSPLIT,$0-8
	RDTSC
	SHLQ $32, DX
	ORQ DX, AX
	MOVQ AX, ret+0(FP)
	RET

// rdrand returns a hardware random number and whether the CPU gave one.
TEXT ·rdrand(SB),NOSPLIT,$0-9
	MOVL $10, CX
retry:
	RDRANDQ AX
	JCS ok
	DECL CX
	JNE retry
	MOVB $0, ret1+8(FP)
	RET
ok:
	MOVQ AX, ret+0(FP)
	MOVB $1, ret1+8(FP)
	RET

TEXT ·readCR2(SB),NOSPLIT,$0-8
	MOVQ CR2, AX
	MOVQ AX, ret+0(FP)
	RET

TEXT ·readCR3(SB),NOSPLIT,$0-8
	MOVQ CR3, AX
	MOVQ AX, ret+0(FP)
	RET

TEXT ·invlpg(SB),NOSPLIT,$0-8
	MOVQ addr+0(FP), AX
	INVLPG (AX)
	RET

// lgdt loads the GDT and reloads CS and the data segments.
TEXT ·lgdt(SB),NOSPLIT,$0-8
	MOVQ desc+0(FP), AX
	LGDT (AX)
	RET

TEXT ·lidt(SB),NOSPLIT,$0-8
	MOVQ desc+0(FP), AX
	LIDT (AX)
	RET

TEXT ·ltr(SB),NOSPLIT,$0-2
	MOVW sel+0(FP), AX
	LTR AX
	RET

// idleWait enables interrupts, halts until one arrives, and disables them
// again. STI's one-instruction shadow makes STI;HLT race-free.
TEXT ·idleWait(SB),NOSPLIT,$0
	STI
	HLT
	CLI
	RET

TEXT ·load64(SB),NOSPLIT,$0-16
	MOVQ addr+0(FP), AX
	MOVQ (AX), AX
	MOVQ AX, ret+8(FP)
	RET

TEXT ·store64(SB),NOSPLIT,$0-16
	MOVQ addr+0(FP), AX
	MOVQ val+8(FP), BX
	MOVQ BX, (AX)
	RET

// cas64 stores new at addr if it holds old (LOCK CMPXCHG), reporting
// whether it did: for a page-table entry the hardware may update meanwhile.
TEXT ·cas64(SB),NOSPLIT,$0-25
	MOVQ addr+0(FP), BX
	MOVQ old+8(FP), AX
	MOVQ new+16(FP), CX
	LOCK
	CMPXCHGQ CX, 0(BX)
	SETEQ ret+24(FP)
	RET

TEXT ·load32(SB),NOSPLIT,$0-12
	MOVQ addr+0(FP), AX
	MOVL (AX), AX
	MOVL AX, ret+8(FP)
	RET

TEXT ·store32(SB),NOSPLIT,$0-12
	MOVQ addr+0(FP), AX
	MOVL val+8(FP), BX
	MOVL BX, (AX)
	RET

TEXT ·load8(SB),NOSPLIT,$0-9
	MOVQ addr+0(FP), AX
	MOVB (AX), AX
	MOVB AX, ret+8(FP)
	RET

TEXT ·store8(SB),NOSPLIT,$0-9
	MOVQ addr+0(FP), AX
	MOVB val+8(FP), BX
	MOVB BX, (AX)
	RET

// memclr zeroes n bytes at addr. A 16-aligned addr gets an unrolled SSE
// loop for its 128-byte blocks: TCG runs a string instruction one element
// at a time, each element a trip through its loop, so 8 MOVOs per turn
// clear a 2 MiB page in a fraction of REP STOSQ's time (the trap entry
// saved the thread's SSE state: trap-world code may use X registers).
// REP STOSQ then clears the remaining words and REP STOSB the tail.
TEXT ·memclr(SB),NOSPLIT,$0-16
	MOVQ addr+0(FP), DI
	MOVQ n+8(FP), DX
	TESTQ $15, DI
	JNZ words
	MOVQ DX, CX
	SHRQ $7, CX // 128-byte blocks
	JZ words
	PXOR X0, X0
blocks:
	MOVO X0, 0(DI)
	MOVO X0, 16(DI)
	MOVO X0, 32(DI)
	MOVO X0, 48(DI)
	MOVO X0, 64(DI)
	MOVO X0, 80(DI)
	MOVO X0, 96(DI)
	MOVO X0, 112(DI)
	ADDQ $128, DI
	DECQ CX
	JNZ blocks
	ANDQ $127, DX
words:
	MOVQ DX, CX
	SHRQ $3, CX
	XORL AX, AX
	CLD
	REP; STOSQ
	MOVQ DX, CX
	ANDQ $7, CX
	REP; STOSB
	RET

// memcopy copies n bytes from src to dst; the ranges must not overlap.
// Words first (REP MOVSQ), then the tail (REP MOVSB).
TEXT ·memcopy(SB),NOSPLIT,$0-24
	MOVQ dst+0(FP), DI
	MOVQ src+8(FP), SI
	MOVQ n+16(FP), CX
	MOVQ CX, DX
	SHRQ $3, CX
	CLD
	REP; MOVSQ
	MOVQ DX, CX
	ANDQ $7, CX
	REP; MOVSB
	RET

// fxsave/fxrstor save and load the x87/SSE state at a 16-aligned addr.
TEXT ·fxsave(SB),NOSPLIT,$0-8
	MOVQ addr+0(FP), AX
	FXSAVE64 (AX)
	RET

TEXT ·fxrstor(SB),NOSPLIT,$0-8
	MOVQ addr+0(FP), AX
	FXRSTOR64 (AX)
	RET

// haltForever stops the CPU with interrupts off.
TEXT ·haltForever(SB),NOSPLIT,$0
	CLI
	HLT
	RET

// physPointer returns addr as a pointer (see cpu_amd64.go).
TEXT ·physPointer(SB),NOSPLIT,$0-16
	MOVQ addr+0(FP), AX
	MOVQ AX, ret+8(FP)
	RET

TEXT ·outw(SB),NOSPLIT,$0-4
	MOVW port+0(FP), DX
	MOVW val+2(FP), AX
	OUTW
	RET

TEXT ·inw(SB),NOSPLIT,$0-10
	MOVW port+0(FP), DX
	INW
	MOVW AX, ret+8(FP)
	RET

TEXT ·outl(SB),NOSPLIT,$0-8
	MOVW port+0(FP), DX
	MOVL val+4(FP), AX
	OUTL
	RET

TEXT ·inl(SB),NOSPLIT,$0-12
	MOVW port+0(FP), DX
	INL
	MOVL AX, ret+8(FP)
	RET

// func writeCR3(pml4 uint64): load a page-table root (flushes the TLB).
TEXT ·writeCR3(SB),NOSPLIT,$0-8
	MOVQ pml4+0(FP), AX
	MOVQ AX, CR3
	RET

// cpuRelax is PAUSE: a spin-wait hint.
TEXT ·cpuRelax(SB),NOSPLIT,$0
	PAUSE
	RET

// Trap entry and exit: interrupts, exceptions and SYSCALL. See trap_amd64.go.
//
// A trap from ring 3 saves the interrupted context into the current
// thread's trapFrame (the first field of thread): this CPU's TSS.RSP0 and
// curTop both point just past it, so the CPU (or syscallEntry, for
// SYSCALL) pushes the iret frame into its top and the stubs store the rest
// below. The handler then runs in Go (trap world) on the per-CPU kernel
// stack, may pick another thread, and resumeUser restores whichever thread
// is current. Per-CPU state (cpuState) is reached through GS, whose base
// each CPU points at its own block at boot; the Go world never changes
// GS. Traps from ring 0 (the idle loop, or a kernel bug) run on the
// interrupted stack and return to it.

#include "textflag.h"
#include "go_asm.h"

// trapCommon: SP points at trapFrame.Vector (vector and error code pushed).
TEXT ·trapCommon(SB),NOSPLIT|NOFRAME,$0
	TESTQ $3, (trapFrame_CS-trapFrame_Vector)(SP)
	JNE user
	JMP ·kernelTrapEntry(SB)
user:
	JMP ·userTrapEntry(SB)

// userTrapEntry saves the user registers into the thread's trapFrame.
TEXT ·userTrapEntry(SB),NOSPLIT|NOFRAME,$0
	SUBQ $trapFrame_Vector, SP
	MOVQ AX, trapFrame_RAX(SP)
	MOVQ BX, trapFrame_RBX(SP)
	MOVQ CX, trapFrame_RCX(SP)
	MOVQ DX, trapFrame_RDX(SP)
	MOVQ SI, trapFrame_RSI(SP)
	MOVQ DI, trapFrame_RDI(SP)
	MOVQ BP, trapFrame_RBP(SP)
	MOVQ R8, trapFrame_R8(SP)
	MOVQ R9, trapFrame_R9(SP)
	MOVQ R10, trapFrame_R10(SP)
	MOVQ R11, trapFrame_R11(SP)
	MOVQ R12, trapFrame_R12(SP)
	MOVQ R13, trapFrame_R13(SP)
	MOVQ R14, trapFrame_R14(SP)
	MOVQ R15, trapFrame_R15(SP)
	MOVQ SP, BX                // BX = current thread (trapFrame is its first field)

	// Save the FP/SSE state: trap-world Go code may use XMM registers.
	// A system call saves only the control words: the x87 and XMM
	// registers are caller-saved across a call in both Go's ABIs and
	// SysV, so the caller holds nothing in them, and FXSAVE64+FXRSTOR64
	// were 35-60% of a null system call under TCG. resumeUser restores
	// the control words, or everything for a thread saved whole.
	LEAQ (thread_fx+15)(BX), DI
	ANDQ $~15, DI
	CMPQ trapFrame_Vector(BX), $const_vecSyscall
	JEQ  sysfx
	FXSAVE64 (DI)
	MOVL $1, thread_fxFull(BX)
	JMP  fxdone
sysfx:
	FSTCW 0(DI)                // FCW at byte 0 of the FXSAVE layout
	STMXCSR 24(DI)             // MXCSR at byte 24
	MOVL $0, thread_fxFull(BX)
fxdone:

	// FS base = scratch TLS (fake g with stack guard 0).
	MOVQ cpuState_scratchFS(GS), AX
	MOVQ AX, DX
	SHRQ $32, DX
	MOVL $const_msrFSBase, CX
	WRMSR

	MOVQ cpuState_kstackTop(GS), SP
	CALL ·userTrap(SB)
	JMP ·resumeUser(SB)

// resumeUser returns to this CPU's current thread (cpuState.cur) from its
// trapFrame.
TEXT ·resumeUser(SB),NOSPLIT|NOFRAME,$0
	MOVQ cpuState_cur(GS), BX

	// Next trap from this thread saves into its trapFrame.
	LEAQ trapFrame__size(BX), AX
	MOVQ AX, cpuState_curTop(GS)
	MOVQ cpuState_tss(GS), CX
	MOVQ AX, const_tssRSP0(CX)

	// User FS base (the Go runtime's TLS).
	MOVQ thread_fsBase(BX), AX
	MOVQ AX, DX
	SHRQ $32, DX
	MOVL $const_msrFSBase, CX
	WRMSR

	// FP/SSE state: all of it for a thread saved whole; after a system
	// call only its control words (and an empty x87 stack, as at any
	// call, when another thread's state was loaded since: fxOwner). The
	// XMM registers then hold what the trap world left: X15 is zero
	// there (Go's ABIInternal keeps it so), as Go code returning from a
	// SYSCALL in an ABIInternal assembly function
	// (internal/runtime/syscall.Syscall6) needs.
	LEAQ (thread_fx+15)(BX), DI
	ANDQ $~15, DI
	CMPL thread_fxFull(BX), $0
	JEQ  fxctl
	FXRSTOR64 (DI)
	JMP  fxok
fxctl:
	CMPQ cpuState_fxOwner(GS), BX
	JEQ  fxcw
	FINIT                      // FNINIT: empty the x87 stack
fxcw:
	FLDCW 0(DI)
	LDMXCSR 24(DI)
fxok:
	MOVQ BX, cpuState_fxOwner(GS)

	MOVQ BX, SP
	// Restoring the user's BP is the point here; XCHGQ keeps vet's
	// frame-pointer heuristic (which expects a Go frame) quiet.
	XCHGQ BP, trapFrame_RBP(SP)
	MOVQ trapFrame_RAX(SP), AX
	MOVQ trapFrame_RCX(SP), CX
	MOVQ trapFrame_RDX(SP), DX
	MOVQ trapFrame_RSI(SP), SI
	MOVQ trapFrame_RDI(SP), DI
	MOVQ trapFrame_R8(SP), R8
	MOVQ trapFrame_R9(SP), R9
	MOVQ trapFrame_R10(SP), R10
	MOVQ trapFrame_R11(SP), R11
	MOVQ trapFrame_R12(SP), R12
	MOVQ trapFrame_R13(SP), R13
	MOVQ trapFrame_R14(SP), R14
	MOVQ trapFrame_R15(SP), R15
	MOVQ trapFrame_RBX(SP), BX
	ADDQ $trapFrame_RIP, SP
	IRETQ

// kernelTrapEntry handles a trap taken in ring 0: save the registers in a
// trapFrame on the current stack, let kernelTrap (Go) look at it, return.
TEXT ·kernelTrapEntry(SB),NOSPLIT|NOFRAME,$0
	SUBQ $trapFrame_Vector, SP
	MOVQ AX, trapFrame_RAX(SP)
	MOVQ BX, trapFrame_RBX(SP)
	MOVQ CX, trapFrame_RCX(SP)
	MOVQ DX, trapFrame_RDX(SP)
	MOVQ SI, trapFrame_RSI(SP)
	MOVQ DI, trapFrame_RDI(SP)
	MOVQ BP, trapFrame_RBP(SP)
	MOVQ R8, trapFrame_R8(SP)
	MOVQ R9, trapFrame_R9(SP)
	MOVQ R10, trapFrame_R10(SP)
	MOVQ R11, trapFrame_R11(SP)
	MOVQ R12, trapFrame_R12(SP)
	MOVQ R13, trapFrame_R13(SP)
	MOVQ R14, trapFrame_R14(SP)
	MOVQ R15, trapFrame_R15(SP)
	MOVQ SP, AX
	SUBQ $16, SP
	MOVQ AX, 0(SP)
	CALL ·kernelTrap(SB)
	ADDQ $16, SP
	MOVQ trapFrame_RAX(SP), AX
	MOVQ trapFrame_RBX(SP), BX
	MOVQ trapFrame_RCX(SP), CX
	MOVQ trapFrame_RDX(SP), DX
	MOVQ trapFrame_RSI(SP), SI
	MOVQ trapFrame_RDI(SP), DI
	MOVQ trapFrame_RBP(SP), BP
	MOVQ trapFrame_R8(SP), R8
	MOVQ trapFrame_R9(SP), R9
	MOVQ trapFrame_R10(SP), R10
	MOVQ trapFrame_R11(SP), R11
	MOVQ trapFrame_R12(SP), R12
	MOVQ trapFrame_R13(SP), R13
	MOVQ trapFrame_R14(SP), R14
	MOVQ trapFrame_R15(SP), R15
	ADDQ $trapFrame_RIP, SP
	IRETQ

// syscallEntry is LSTAR. SYSCALL left RCX = user RIP, R11 = user RFLAGS,
// RSP = user stack, IF/DF/TF cleared by FMASK. Build the same frame an
// interrupt from ring 3 would, in the current thread's trapFrame.
TEXT ·syscallEntry(SB),NOSPLIT|NOFRAME,$0
	MOVQ SP, cpuState_userSP(GS)
	MOVQ cpuState_curTop(GS), SP
	PUSHQ $const_userDS
	PUSHQ cpuState_userSP(GS)
	PUSHQ R11
	PUSHQ $const_userCS
	PUSHQ CX
	PUSHQ $0
	PUSHQ $const_vecSyscall
	JMP ·userTrapEntry(SB)

// syscallEntryAddr returns the address of syscallEntry for MSR_LSTAR.
TEXT ·syscallEntryAddr(SB),NOSPLIT,$0-8
	LEAQ ·syscallEntry(SB), AX
	MOVQ AX, ret+0(FP)
	RET

#include "textflag.h"

// func setMXCSR(v uint32)
TEXT ·setMXCSR(SB),NOSPLIT,$0-4
	LDMXCSR v+0(FP)
	RET

// func getMXCSR() uint32
TEXT ·getMXCSR(SB),NOSPLIT,$0-4
	STMXCSR ret+0(FP)
	RET

// func setFCW(v uint16)
TEXT ·setFCW(SB),NOSPLIT,$0-2
	FLDCW v+0(FP)
	RET

// func getFCW() uint16
TEXT ·getFCW(SB),NOSPLIT,$0-2
	FSTCW ret+0(FP)
	RET

// func getpidMXCSR() uint32: MXCSR read right after a raw getpid SYSCALL,
// with no Go code in between.
TEXT ·getpidMXCSR(SB),NOSPLIT,$0-4
	MOVQ $39, AX // getpid
	SYSCALL
	STMXCSR ret+0(FP)
	RET

// func xmmHold(n uint64) uint64: fill X0-X15 with distinct values, spin n
// times (long enough for timer interrupts and preemption), and return how
// many of the sixteen registers changed.
TEXT ·xmmHold(SB),NOSPLIT,$0-16
	MOVQ $0x1111, AX
	MOVQ AX, X0
	MOVQ $0x2222, AX
	MOVQ AX, X1
	MOVQ $0x3333, AX
	MOVQ AX, X2
	MOVQ $0x4444, AX
	MOVQ AX, X3
	MOVQ $0x5555, AX
	MOVQ AX, X4
	MOVQ $0x6666, AX
	MOVQ AX, X5
	MOVQ $0x7777, AX
	MOVQ AX, X6
	MOVQ $0x8888, AX
	MOVQ AX, X7
	MOVQ $0x9999, AX
	MOVQ AX, X8
	MOVQ $0xaaaa, AX
	MOVQ AX, X9
	MOVQ $0xbbbb, AX
	MOVQ AX, X10
	MOVQ $0xcccc, AX
	MOVQ AX, X11
	MOVQ $0xdddd, AX
	MOVQ AX, X12
	MOVQ $0xeeee, AX
	MOVQ AX, X13
	MOVQ $0xffff, AX
	MOVQ AX, X14
	MOVQ $0x1234, AX
	MOVQ AX, X15
	MOVQ n+0(FP), CX
spin:
	DECQ CX
	JNZ spin
	XORQ BX, BX
	MOVQ X0, AX
	CMPQ AX, $0x1111
	JEQ 2(PC)
	INCQ BX
	MOVQ X1, AX
	CMPQ AX, $0x2222
	JEQ 2(PC)
	INCQ BX
	MOVQ X2, AX
	CMPQ AX, $0x3333
	JEQ 2(PC)
	INCQ BX
	MOVQ X3, AX
	CMPQ AX, $0x4444
	JEQ 2(PC)
	INCQ BX
	MOVQ X4, AX
	CMPQ AX, $0x5555
	JEQ 2(PC)
	INCQ BX
	MOVQ X5, AX
	CMPQ AX, $0x6666
	JEQ 2(PC)
	INCQ BX
	MOVQ X6, AX
	CMPQ AX, $0x7777
	JEQ 2(PC)
	INCQ BX
	MOVQ X7, AX
	CMPQ AX, $0x8888
	JEQ 2(PC)
	INCQ BX
	MOVQ X8, AX
	CMPQ AX, $0x9999
	JEQ 2(PC)
	INCQ BX
	MOVQ X9, AX
	CMPQ AX, $0xaaaa
	JEQ 2(PC)
	INCQ BX
	MOVQ X10, AX
	CMPQ AX, $0xbbbb
	JEQ 2(PC)
	INCQ BX
	MOVQ X11, AX
	CMPQ AX, $0xcccc
	JEQ 2(PC)
	INCQ BX
	MOVQ X12, AX
	CMPQ AX, $0xdddd
	JEQ 2(PC)
	INCQ BX
	MOVQ X13, AX
	CMPQ AX, $0xeeee
	JEQ 2(PC)
	INCQ BX
	MOVQ X14, AX
	CMPQ AX, $0xffff
	JEQ 2(PC)
	INCQ BX
	MOVQ X15, AX
	CMPQ AX, $0x1234
	JEQ 2(PC)
	INCQ BX
	MOVQ BX, ret+8(FP)
	RET

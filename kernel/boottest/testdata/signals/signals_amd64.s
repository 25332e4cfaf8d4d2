#include "textflag.h"

// func divZero(x uint64) uint64: x / 0 with DIVQ.
TEXT ·divZero(SB),NOSPLIT,$0-16
	MOVQ x+0(FP), AX
	XORQ DX, DX
	XORQ CX, CX
	DIVQ CX
	MOVQ AX, ret+8(FP)
	RET

// func loadNonCanonical() uint64: a load from 0x8000000000000000.
TEXT ·loadNonCanonical(SB),NOSPLIT,$0-8
	MOVQ $0x8000000000000000, AX
	MOVQ (AX), AX
	MOVQ AX, ret+0(FP)
	RET

// func ud2()
TEXT ·ud2(SB),NOSPLIT,$0
	BYTE $0x0F; BYTE $0x0B // UD2
	RET

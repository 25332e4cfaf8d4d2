#include "textflag.h"

// func load32(addr uintptr) uint32
TEXT ·load32(SB),NOSPLIT,$0-12
	MOVQ addr+0(FP), AX
	MOVL (AX), AX
	MOVL AX, ret+8(FP)
	RET

// func addrOfWord() uintptr
TEXT ·addrOfWord(SB),NOSPLIT,$0-8
	LEAQ ·word(SB), AX
	MOVQ AX, ret+0(FP)
	RET

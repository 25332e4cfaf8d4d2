#include "textflag.h"

// func singleStep()
TEXT ·singleStep(SB),NOSPLIT,$0
	PUSHFQ
	ORQ $0x100, (SP) // TF
	POPFQ
	NOP // #DB after this instruction
	RET

// PVH entry: 32-bit protected mode to 64-bit long mode. See entry_amd64.go.

#include "textflag.h"
#include "go_asm.h"

// ADDR32 computes the absolute address of sym into reg while the CPU runs in
// 32-bit mode. The Go assembler encodes LEAL sym(SB) RIP-relatively; in
// 32-bit mode the same bytes mean an absolute disp32, so reg gets
// sym-(address after the LEAL). A CALL/POP pair supplies that address.
// Clobbers BP. Needs a stack.
#define ADDR32(sym, reg) \
	BYTE $0xE8; LONG $0 /* CALL next */ \
	BYTE $0x5D          /* POP EBP: EBP = address of this byte */ \
	LEAL sym, reg       /* 6 bytes: reg = sym - (EBP+7) */ \
	LEAL 7(reg)(BP*1), reg

// pvhEntry is the ELF entry and the PVH 32-bit entry: protected mode, paging
// off, EBX = physical address of hvm_start_info. Only instructions whose
// encoding means the same in 32- and 64-bit mode appear here (no R8-R15, no
// REX prefixes, no symbol operands except via ADDR32).
TEXT ·pvhEntry(SB),NOSPLIT|NOFRAME,$0
	CLI
	MOVL BX, SI                // keep hvm_start_info in ESI
	MOVL $const_bootScratchStack, SP // conventional memory, free at boot

	// Page-align the boot page-table area (bootPT is zeroed BSS).
	ADDR32(·bootPT(SB), DI)
	ADDL $4095, DI
	ANDL $~4095, DI            // DI = PML4; +0x1000 PDPT; +0x2000.. four PDs; +0x6000 PT0

	// PML4[0] = PDPT | P|W|U
	LEAL 0x1007(DI), AX
	MOVL AX, (DI)

	// PDPT[0..3] = PD0..PD3 | P|W|U
	LEAL 0x2007(DI), AX
	MOVL AX, 0x1000(DI)
	ADDL $0x1000, AX
	MOVL AX, 0x1008(DI)
	ADDL $0x1000, AX
	MOVL AX, 0x1010(DI)
	ADDL $0x1000, AX
	MOVL AX, 0x1018(DI)

	// PD entries 0..2047: identity 2 MiB pages, P|W|U|PS.
	LEAL 0x2000(DI), BX
	MOVL $0x87, AX
	MOVL $2048, CX
pdloop:
	MOVL AX, (BX)
	ADDL $0x200000, AX
	ADDL $8, BX
	DECL CX
	JNE pdloop

	// The first 2 MiB get a page table so page 0 can be unmapped once
	// bootMain has copied hvm_start_info (which may live in page 0).
	LEAL 0x6007(DI), AX
	MOVL AX, 0x2000(DI)        // PD0[0] = PT0
	LEAL 0x6000(DI), BX        // PT0[0]
	MOVL $0x0007, AX
	MOVL $512, CX
ptloop:
	MOVL AX, (BX)
	ADDL $0x1000, AX
	ADDL $8, BX
	DECL CX
	JNE ptloop

	// CR3, then CR4.PAE|OSFXSR|OSXMMEXCPT.
	MOVQ DI, CR3               // 0F 22 DF: no REX, same in both modes
	MOVQ CR4, AX
	ORL $(const_cr4PAE|const_cr4OSFXSR|const_cr4OSXMMEXCPT), AX
	MOVQ AX, CR4

	// EFER.LME (long mode) and SCE (SYSCALL).
	MOVL $const_msrEFER, CX
	RDMSR
	ORL $(const_eferLME|const_eferSCE), AX
	WRMSR

	// CR0.PG|MP, clear EM: paging on puts us in compatibility mode.
	MOVQ CR0, AX
	ORL $(const_cr0PG|const_cr0MP|const_cr0PE), AX
	ANDL $~const_cr0EM, AX
	MOVQ AX, CR0

	// Load our GDT through a pseudo-descriptor built in gdtr.
	ADDR32(·gdt(SB), AX)
	ADDR32(·gdtr(SB), BX)
	MOVW $(const_gdtEntries*8-1), 0(BX)
	MOVL AX, 2(BX)
	MOVL $0, 6(BX)
	LGDT (BX)

	// Far return to the 64-bit kernel code segment.
	ADDR32(·pvhEntry64(SB), AX)
	PUSHQ $const_kernelCS      // 6A imm8: push imm32 in 32-bit mode
	PUSHQ AX                   // 50: push eax
	BYTE $0xCB                 // RETF (32-bit): pop EIP, CS
	POPQ AX                    // not reached; balances the assembler's PUSH/POP count
	POPQ AX

// pvhEntry64 continues in 64-bit mode: data segments, boot stack, scratch
// TLS, then Go (bootMain). ESI still holds hvm_start_info.
TEXT ·pvhEntry64(SB),NOSPLIT|NOFRAME,$0
	MOVL $const_kernelDS, AX
	MOVW AX, DS
	MOVW AX, ES
	MOVW AX, SS
	MOVL $0, AX
	MOVW AX, FS
	MOVW AX, GS
	MOVL SI, SI                // zero-extend: upper halves are undefined after the mode switch
	LEAQ ·kstack+const_kstackSize(SB), SP
	ANDQ $~15, SP

	// FS base = scratch TLS, so ABI wrappers find a g (a fake one whose
	// stack guard is 0: trap-world code never calls morestack).
	LEAQ ·fakeG(SB), AX
	MOVQ AX, ·scratchTLS(SB)
	LEAQ ·scratchTLS+8(SB), AX
	MOVQ AX, ·cpus+cpuState_scratchFS(SB)
	MOVQ AX, DX
	SHRQ $32, DX
	MOVL $const_msrFSBase, CX
	WRMSR

	SUBQ $16, SP
	MOVQ SI, 0(SP)
	CALL ·bootMain(SB)         // sets up the machine and thread 1
	ADDQ $16, SP
	JMP ·resumeUser(SB)

// rt0Addr returns the address of the stock runtime's Linux entry.
TEXT ·rt0Addr(SB),NOSPLIT,$0-8
	LEAQ _rt0_amd64_linux(SB), AX
	MOVQ AX, ret+0(FP)
	RET

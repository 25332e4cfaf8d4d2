// Package qemutest builds tiny PVH-bootable ELF images from a few hand-encoded
// 32-bit instructions, so the QEMU runner and `ebbnode run` can be tested end
// to end (console output, exit status, crashes, hangs) without the kernel.
//
// An image is one PT_LOAD segment at 1 MiB holding the code, plus a PT_NOTE
// with the Xen PVH entry note (type 18, XEN_ELFNOTE_PHYS32_ENTRY) that QEMU's
// -kernel loader requires for an ELF64. QEMU enters the code in 32-bit
// protected mode with paging off, which is all these programs need: they only
// use port I/O.
package qemutest

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"os"
	"path/filepath"
)

const (
	loadAddr   = 0x100000 // where the segment is loaded (1 MiB, above the BIOS area)
	ehdrSize   = 64       // sizeof(Elf64_Ehdr)
	phdrSize   = 56       // sizeof(Elf64_Phdr)
	noteOff    = ehdrSize + 2*phdrSize
	noteSize   = 12 + 4 + 8 // Elf64_Nhdr + "Xen\0" + 8-byte entry
	codeOff    = 0x100      // file offset of the first instruction
	ptLoad     = 1
	ptNote     = 4
	pvhNote    = 18 // XEN_ELFNOTE_PHYS32_ENTRY
	comPort    = 0x3f8
	exitPort   = 0xf4 // isa-debug-exit iobase used by host/qemu
	emX86_64   = 62
	etExec     = 2
	pfRWX      = 7
	elfVersion = 1
)

// Program is a sequence of 32-bit x86 machine code built from the helpers
// below. The zero value is an empty program (QEMU would run off its end, so
// finish with Exit, Hang or TripleFault).
type Program struct{ code []byte }

// Print writes s to COM1 one byte at a time. The emulated UART never
// reports busy, so no LSR polling is needed.
func (p *Program) Print(s string) *Program {
	p.code = append(p.code, 0xBA) // mov edx, imm32
	p.code = binary.LittleEndian.AppendUint32(p.code, comPort)
	for i := 0; i < len(s); i++ {
		p.code = append(p.code,
			0xB0, s[i], // mov al, imm8
			0xEE, // out dx, al
		)
	}
	return p
}

// Exit writes code to the isa-debug-exit port; QEMU then exits with
// status (code<<1)|1.
func (p *Program) Exit(code uint32) *Program {
	p.code = append(p.code, 0xB8) // mov eax, imm32
	p.code = binary.LittleEndian.AppendUint32(p.code, code)
	p.code = append(p.code, 0xE7, exitPort) // out imm8, eax
	return p.Hang()
}

// Hang stops the CPU for good: interrupts are off after PVH entry, so the
// hlt is never left; the jmp only guards against an NMI.
func (p *Program) Hang() *Program {
	p.code = append(p.code,
		0xFA,       // cli
		0xF4,       // hlt
		0xEB, 0xFD, // jmp -3 (back to hlt)
	)
	return p
}

// TripleFault loads an empty IDT and raises an exception: with no handler
// the CPU shuts down, which QEMU's -no-reboot turns into exit status 0.
func (p *Program) TripleFault() *Program {
	// The 6-byte IDT descriptor (limit 0, base 0) lives on the stack.
	p.code = append(p.code,
		0x31, 0xC0, // xor eax, eax
		0x50,                   // push eax (base high half + spare)
		0x50,                   // push eax (limit 0, base low half)
		0x0F, 0x01, 0x1C, 0x24, // lidt [esp]
		0xCC, // int3 -> #BP with no IDT -> #GP -> #DF -> shutdown
	)
	return p.Hang()
}

// Raw appends machine code assembled elsewhere.
func (p *Program) Raw(code []byte) *Program {
	p.code = append(p.code, code...)
	return p
}

// Bytes returns the program's machine code.
func (p *Program) Bytes() []byte { return bytes.Clone(p.code) }

// ELF returns a PVH-bootable ELF64 image that runs the program.
func (p *Program) ELF() []byte {
	entry := uint64(loadAddr + codeOff)
	img := make([]byte, codeOff, codeOff+len(p.code))
	le := binary.LittleEndian

	// ELF header.
	copy(img, "\x7fELF")
	img[4] = 2 // ELFCLASS64
	img[5] = 1 // ELFDATA2LSB
	img[6] = elfVersion
	le.PutUint16(img[16:], etExec)
	le.PutUint16(img[18:], emX86_64)
	le.PutUint32(img[20:], elfVersion)
	le.PutUint64(img[24:], entry)    // e_entry (unused by PVH, but honest)
	le.PutUint64(img[32:], ehdrSize) // e_phoff
	le.PutUint16(img[52:], ehdrSize) // e_ehsize
	le.PutUint16(img[54:], phdrSize) // e_phentsize
	le.PutUint16(img[56:], 2)        // e_phnum

	size := uint64(codeOff + len(p.code))
	// PT_LOAD: the whole file at 1 MiB.
	ph := img[ehdrSize:]
	le.PutUint32(ph[0:], ptLoad)
	le.PutUint32(ph[4:], pfRWX)
	le.PutUint64(ph[8:], 0)         // p_offset
	le.PutUint64(ph[16:], loadAddr) // p_vaddr
	le.PutUint64(ph[24:], loadAddr) // p_paddr
	le.PutUint64(ph[32:], size)     // p_filesz
	le.PutUint64(ph[40:], size)     // p_memsz
	le.PutUint64(ph[48:], 0x1000)   // p_align
	// PT_NOTE: the PVH entry note. QEMU aligns the note name to p_align.
	ph = img[ehdrSize+phdrSize:]
	le.PutUint32(ph[0:], ptNote)
	le.PutUint32(ph[4:], 4) // PF_R
	le.PutUint64(ph[8:], noteOff)
	le.PutUint64(ph[16:], loadAddr+noteOff)
	le.PutUint64(ph[24:], loadAddr+noteOff)
	le.PutUint64(ph[32:], noteSize)
	le.PutUint64(ph[40:], noteSize)
	le.PutUint64(ph[48:], 4)
	// The note itself: namesz, descsz, type, "Xen\0", 64-bit entry.
	n := img[noteOff:]
	le.PutUint32(n[0:], 4)
	le.PutUint32(n[4:], 8)
	le.PutUint32(n[8:], pvhNote)
	copy(n[12:], "Xen\x00")
	le.PutUint64(n[16:], entry)

	return append(img, p.code...)
}

// Write stores the program's image as dir/name and returns its path.
func (p *Program) Write(dir, name string) (string, error) {
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, p.ELF(), 0o644); err != nil {
		return "", fmt.Errorf("write test image: %w", err)
	}
	return path, nil
}

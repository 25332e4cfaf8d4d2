package qemutest

import (
	"bytes"
	"debug/elf"
	"encoding/binary"
	"testing"
)

// TestELF checks the image's structure the way QEMU's PVH loader reads it:
// an x86_64 ELF64 whose PT_NOTE holds a Xen note of type 18 pointing at the
// program's first byte inside the PT_LOAD segment.
func TestELF(t *testing.T) {
	p := new(Program).Print("x").Exit(1)
	img := p.ELF()
	f, err := elf.NewFile(bytes.NewReader(img))
	if err != nil {
		t.Fatal(err)
	}
	if f.Class != elf.ELFCLASS64 || f.Machine != elf.EM_X86_64 {
		t.Fatalf("class %v machine %v", f.Class, f.Machine)
	}
	var load, note *elf.Prog
	for _, ph := range f.Progs {
		switch ph.Type {
		case elf.PT_LOAD:
			load = ph
		case elf.PT_NOTE:
			note = ph
		}
	}
	if load == nil || note == nil {
		t.Fatalf("want PT_LOAD and PT_NOTE, got %v", f.Progs)
	}
	n := img[note.Off : note.Off+note.Filesz]
	le := binary.LittleEndian
	if le.Uint32(n[8:]) != 18 || string(n[12:16]) != "Xen\x00" {
		t.Fatalf("note type %d name %q, want 18 \"Xen\"", le.Uint32(n[8:]), n[12:16])
	}
	entry := le.Uint64(n[16:])
	if entry != f.Entry || entry < load.Paddr || entry >= load.Paddr+load.Filesz {
		t.Fatalf("PVH entry %#x, ELF entry %#x, segment %#x+%#x", entry, f.Entry, load.Paddr, load.Filesz)
	}
	code := img[load.Off+entry-load.Paddr:]
	if !bytes.Equal(code, p.Bytes()) {
		t.Errorf("code at the entry differs from the program")
	}
}

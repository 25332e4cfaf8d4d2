package image

import (
	"bytes"
	"debug/elf"
	"encoding/binary"
	"fmt"
	"slices"
)

// compact returns the image elfData without what no loader reads: the
// section headers and the sections outside every segment (the symbol
// table and its strings; DWARF too when linked with it). The loaded
// segments keep their file offsets; the segments stored after them (the
// PVH and digest notes, the payload) move down to close the gap. App
// images are compacted (about 1.2 MiB less); the runtime they are built
// from keeps its symbol table, at the same addresses, for gdb. Go's
// backtraces do not need it: the runtime's own tables (.gopclntab, inside
// a loaded segment) name functions and lines.
func compact(elfData []byte) ([]byte, error) {
	f, err := elf.NewFile(bytes.NewReader(elfData))
	if err != nil {
		return nil, fmt.Errorf("not an ELF: %w", err)
	}
	// The prefix every loaded segment but the payload lies in.
	prefix := uint64(0)
	for _, p := range f.Progs {
		if p.Type == elf.PT_LOAD && p.Flags&PayloadFlag == 0 {
			prefix = max(prefix, p.Off+p.Filesz)
		}
	}
	var moved []int
	for i, p := range f.Progs {
		switch {
		case p.Filesz == 0 || p.Off+p.Filesz <= prefix:
		case p.Off < prefix:
			return nil, fmt.Errorf("segment at offset %#x+%#x straddles the end %#x of the loaded segments", p.Off, p.Filesz, prefix)
		case p.Type == elf.PT_LOAD || p.Type == elf.PT_NOTE:
			moved = append(moved, i)
		}
	}
	slices.SortFunc(moved, func(a, b int) int { return int(f.Progs[a].Off) - int(f.Progs[b].Off) })
	le := binary.LittleEndian
	out := bytes.Clone(elfData[:prefix])
	phoff, phent := le.Uint64(out[32:40]), uint64(le.Uint16(out[54:56]))
	for _, i := range moved {
		p := f.Progs[i]
		align := uint64(8)
		if p.Type == elf.PT_LOAD {
			align = pageSize
		}
		off := (uint64(len(out)) + align - 1) &^ (align - 1)
		out = append(out, make([]byte, off-uint64(len(out)))...)
		out = append(out, elfData[p.Off:p.Off+p.Filesz]...)
		le.PutUint64(out[phoff+uint64(i)*phent+8:], off) // p_offset
	}
	le.PutUint64(out[40:], 0) // e_shoff
	le.PutUint16(out[60:], 0) // e_shnum
	le.PutUint16(out[62:], 0) // e_shstrndx
	return out, nil
}

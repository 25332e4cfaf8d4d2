package image

import (
	"bytes"
	"debug/elf"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// The payload: data an image carries for its program (the app bundle of
// `ebbnode build`), loaded by the boot loader like any other part of the
// image. AttachPayload appends it to a linked image and describes it with
// an extra PT_LOAD program header placed right above the image's highest
// segment; the kernel reserves every PT_LOAD from the frame allocator
// (kernel/boot_trap.go: imageEnd), so the payload is never overwritten, and
// kernel.Payload finds it from the program headers in memory.
//
// The Go linker emits no spare program header, so AttachPayload repurposes
// one that a booted image does not need: the Go build-ID PT_NOTE (the PVH
// note lives in its own PT_NOTE, which is kept), or else PT_PHDR.
//
// The segment holds a 16-byte header, then the payload:
//
//	[0:8]   magic "EBBNPAYL"
//	[8:16]  payload length, little endian
const (
	// PayloadFlag is set in the payload segment's p_flags (an
	// OS-specific bit, PF_MASKOS), besides PF_R; kernel.Payload looks for
	// it.
	PayloadFlag = 0x00eb0000
	// PayloadMagic starts the payload segment.
	PayloadMagic = "EBBNPAYL"
	// PayloadHeaderSize is the size of the header before the payload.
	PayloadHeaderSize = 16
	// maxPayloadEnd keeps the payload inside the kernel's identity map
	// and PVH's 32-bit view of memory.
	maxPayloadEnd = 1 << 32
	pageSize      = 0x1000
)

// ErrNoPayload is returned by ReadPayload for an image without a payload.
var ErrNoPayload = errors.New("image has no payload segment")

// AttachPayload returns a copy of the image elfData with payload attached
// (see the package comment above). The image must be a bootable image
// (Check's rules) without a payload.
func AttachPayload(elfData, payload []byte) ([]byte, error) {
	f, err := elf.NewFile(bytes.NewReader(elfData))
	if err != nil {
		return nil, fmt.Errorf("not an ELF: %w", err)
	}
	if f.Class != elf.ELFCLASS64 || f.Machine != elf.EM_X86_64 || f.ByteOrder != binary.LittleEndian {
		return nil, errors.New("not an ELF64 x86_64 little-endian file")
	}
	pvhEntry, hasPVH, err := findPVHEntry(f, elfData)
	if err != nil {
		return nil, err
	}
	if !hasPVH {
		return nil, errors.New("no PVH note: not a linked ebbnode image")
	}
	idx, end := -1, uint64(0)
	for i, p := range f.Progs {
		switch {
		case p.Type == elf.PT_LOAD && p.Flags&PayloadFlag == PayloadFlag:
			return nil, errors.New("the image already carries a payload")
		case p.Type == elf.PT_LOAD:
			end = max(end, p.Paddr+p.Memsz)
		case p.Type == elf.PT_NOTE && !isPVHNote(p, elfData, pvhEntry):
			idx = i // preferred: the Go build-ID note
		case p.Type == elf.PT_PHDR && idx < 0:
			idx = i
		}
	}
	if idx < 0 {
		return nil, errors.New("no spare program header (PT_NOTE or PT_PHDR) to describe the payload")
	}
	paddr := (end + pageSize - 1) &^ (pageSize - 1)
	size := uint64(PayloadHeaderSize + len(payload))
	if paddr+size > maxPayloadEnd {
		return nil, fmt.Errorf("payload of %d bytes at %#x would end above 4 GiB", len(payload), paddr)
	}

	le := binary.LittleEndian
	off := (uint64(len(elfData)) + pageSize - 1) &^ (pageSize - 1)
	out := make([]byte, off, off+size)
	copy(out, elfData)
	out = append(out, PayloadMagic...)
	out = le.AppendUint64(out, uint64(len(payload)))
	out = append(out, payload...)

	// The ELF spec wants PT_LOAD headers sorted by address: move the
	// repurposed header to just after the last PT_LOAD, shifting the ones
	// between up by one.
	phoff := le.Uint64(elfData[32:40])
	phentsize := uint64(le.Uint16(elfData[54:56]))
	last := idx
	for i, p := range f.Progs {
		if p.Type == elf.PT_LOAD && i > last {
			last = i
		}
	}
	hdr := func(i int) []byte { return out[phoff+uint64(i)*phentsize : phoff+uint64(i+1)*phentsize] }
	for i := idx; i < last; i++ {
		copy(hdr(i), hdr(i+1))
	}
	ph := hdr(last)
	le.PutUint32(ph[0:], uint32(elf.PT_LOAD))
	le.PutUint32(ph[4:], uint32(elf.PF_R)|PayloadFlag)
	le.PutUint64(ph[8:], off)       // p_offset
	le.PutUint64(ph[16:], paddr)    // p_vaddr: identity-mapped
	le.PutUint64(ph[24:], paddr)    // p_paddr: where the loader puts it
	le.PutUint64(ph[32:], size)     // p_filesz
	le.PutUint64(ph[40:], size)     // p_memsz
	le.PutUint64(ph[48:], pageSize) // p_align
	return out, nil
}

// isPVHNote reports whether the PT_NOTE p holds the PVH note.
func isPVHNote(p *elf.Prog, data []byte, entry uint64) bool {
	if p.Off+p.Filesz > uint64(len(data)) {
		return false
	}
	sub := &elf.File{FileHeader: elf.FileHeader{ByteOrder: binary.LittleEndian}, Progs: []*elf.Prog{p}}
	e, ok, err := findPVHEntry(sub, data)
	return err == nil && ok && e == entry
}

// Payload returns the payload of the image elfData, checked against its
// program header: ErrNoPayload if it has none.
func Payload(elfData []byte) ([]byte, error) {
	f, err := elf.NewFile(bytes.NewReader(elfData))
	if err != nil {
		return nil, fmt.Errorf("not an ELF: %w", err)
	}
	for _, p := range f.Progs {
		if p.Type != elf.PT_LOAD || p.Flags&PayloadFlag != PayloadFlag {
			continue
		}
		if p.Off+p.Filesz < p.Off || p.Off+p.Filesz > uint64(len(elfData)) {
			return nil, fmt.Errorf("payload segment at offset %#x+%#x runs past the end of the file (%d bytes): truncated?", p.Off, p.Filesz, len(elfData))
		}
		seg := elfData[p.Off : p.Off+p.Filesz]
		if len(seg) < PayloadHeaderSize || string(seg[:8]) != PayloadMagic {
			return nil, errors.New("payload segment does not start with the payload magic")
		}
		n := binary.LittleEndian.Uint64(seg[8:16])
		if n > uint64(len(seg)-PayloadHeaderSize) {
			return nil, fmt.Errorf("payload header claims %d bytes, segment holds %d", n, len(seg)-PayloadHeaderSize)
		}
		return seg[PayloadHeaderSize : PayloadHeaderSize+n], nil
	}
	return nil, ErrNoPayload
}

// ReadPayload reads the image at path and returns its payload.
func ReadPayload(path string) ([]byte, error) {
	data, err := Load(path)
	if err != nil {
		return nil, err
	}
	p, err := Payload(data)
	if err != nil {
		return nil, fmt.Errorf("image: %s: %w", path, err)
	}
	return p, nil
}

// WriteWithPayload writes the image at runtimePath with payload attached,
// sealed (its digest recomputed over the new segment), to out, through a temporary file in out's directory and a rename, so that a
// failure leaves no partial image behind.
func WriteWithPayload(runtimePath, out string, payload []byte) error {
	data, err := os.ReadFile(runtimePath)
	if err != nil {
		return fmt.Errorf("image: %w", err)
	}
	img, err := AttachPayload(data, payload)
	if err == nil {
		img, err = Seal(img) // after attaching: the digest covers the payload
	}
	if err != nil {
		return fmt.Errorf("image: %s: %w", runtimePath, err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(out), "."+filepath.Base(out)+".tmp*")
	if err != nil {
		return fmt.Errorf("image: %w", err)
	}
	name := tmp.Name()
	_, err = tmp.Write(img)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(name, 0o755)
	}
	if err == nil {
		err = os.Rename(name, out)
	}
	if err != nil {
		os.Remove(name)
		return fmt.Errorf("image: writing %s: %w", out, err)
	}
	return nil
}

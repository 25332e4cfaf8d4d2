package image

import (
	"bytes"
	"debug/elf"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
)

// The payload: data an image carries for its program (the app bundle of
// `ebbnode build`), loaded by the boot loader like any other part of the
// image. AttachPayload appends it to a linked image and describes it with
// an extra PT_LOAD program header. It is placed below the image, from
// LowPayloadBase up to the image's first segment, when it fits there, so
// the guest's RAM need not reach past the image's BSS (whose tail the
// kernel backs only on first touch); a larger payload goes right above
// the image's highest segment. The kernel reserves every PT_LOAD from the
// frame allocator and keeps one below the image user-readable
// (kernel/boot_trap.go setupFrames, kernel/harden_trap.go), so the kernel
// never hands its frames out, and kernel.Payload finds it from the
// program headers in memory.
//
// Low is also safer: on q35, SeaBIOS copies about 132 KiB of its init code
// to the RAM's end less 16 MiB (to the top, at 32 MiB or less) after QEMU
// has loaded the image, so a payload above the BSS is overwritten when
// the VM's RAM ends 16 MiB past it (measured with QEMU 7.2 at 62 MiB; the
// bundle's checksum reports it). microvm's qboot does not do this.
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
	// LowPayloadBase is where a payload that fits below the image
	// starts. Memory below 1 MiB is left alone: it holds the firmware's
	// and the PVH loader's data (hvm_start_info, the command line), the
	// kernel's 32-bit scratch stack, and room for an AP start-up
	// trampoline; 1 MiB up to the image is plain RAM the kernel does not
	// use until the frame allocator hands it out.
	LowPayloadBase = 0x100000
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
	idx, first, end := -1, uint64(math.MaxUint64), uint64(0)
	for i, p := range f.Progs {
		switch {
		case p.Type == elf.PT_LOAD && p.Flags&PayloadFlag == PayloadFlag:
			return nil, errors.New("the image already carries a payload")
		case p.Type == elf.PT_LOAD:
			first = min(first, p.Paddr)
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
	size := uint64(PayloadHeaderSize + len(payload))
	paddr := payloadAddr(first, end, size)
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

	ph := movePhdr(out, f, idx, paddr < first)
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

// payloadAddr returns where a payload segment of size bytes goes in an
// image whose PT_LOADs span [first, end): below the image if it fits
// there, else on the first page above it.
func payloadAddr(first, end, size uint64) uint64 {
	if LowPayloadBase+size <= first&^(pageSize-1) {
		return LowPayloadBase
	}
	return (end + pageSize - 1) &^ (pageSize - 1)
}

// movePhdr moves program header idx of out (described by f) to where the
// ELF spec's address order puts the payload's PT_LOAD: just before the
// first PT_LOAD (below) or just after the last one, shifting the headers
// between by one. It returns the header's bytes at its new place.
func movePhdr(out []byte, f *elf.File, idx int, below bool) []byte {
	le := binary.LittleEndian
	phoff := le.Uint64(out[32:40])
	phentsize := uint64(le.Uint16(out[54:56]))
	hdr := func(i int) []byte { return out[phoff+uint64(i)*phentsize : phoff+uint64(i+1)*phentsize] }
	to := idx
	for i, p := range f.Progs {
		if p.Type != elf.PT_LOAD {
			continue
		}
		if below && i < to {
			to = i
		}
		if !below && i > to {
			to = i
		}
	}
	saved := bytes.Clone(hdr(idx))
	for i := idx; i < to; i++ {
		copy(hdr(i), hdr(i+1))
	}
	for i := idx; i > to; i-- {
		copy(hdr(i), hdr(i-1))
	}
	copy(hdr(to), saved)
	return hdr(to)
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

// PayloadSpan returns the guest-physical range [lo, hi) the payload
// segment of the image elfData loads at: ErrNoPayload if it has none. The
// VM's RAM must reach hi, or the loader drops the payload.
func PayloadSpan(elfData []byte) (lo, hi uint64, err error) {
	f, err := elf.NewFile(bytes.NewReader(elfData))
	if err != nil {
		return 0, 0, fmt.Errorf("not an ELF: %w", err)
	}
	for _, p := range f.Progs {
		if p.Type == elf.PT_LOAD && p.Flags&PayloadFlag == PayloadFlag {
			return p.Paddr, p.Paddr + p.Memsz, nil
		}
	}
	return 0, 0, ErrNoPayload
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
// without section headers and the sections no loader reads (compact),
// and sealed (its digest recomputed over the new layout), to out, through
// a temporary file in out's directory and a rename, so that a failure
// leaves no partial image behind.
func WriteWithPayload(runtimePath, out string, payload []byte) error {
	data, err := os.ReadFile(runtimePath)
	if err != nil {
		return fmt.Errorf("image: %w", err)
	}
	img, err := AttachPayload(data, payload)
	if err == nil {
		img, err = compact(img)
	}
	if err == nil {
		img, err = Seal(img) // last: the digest covers the payload and the layout
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

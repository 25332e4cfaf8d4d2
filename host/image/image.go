package image

import (
	"bytes"
	"context"
	"debug/elf"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// Link layout. The image is linked at its physical load address: the ELF
// header sits at ImageBase and text follows one page later. 2 MiB keeps the
// image clear of the low-memory holes (BIOS data, option ROMs, VGA).
const (
	// ImageBase is the physical (and virtual) address of the ELF header.
	ImageBase = 0x200000
	// TextAddr is the -T address given to the linker.
	TextAddr = ImageBase + 0x1000
	// EntrySymbol is the kernel's 32-bit PVH entry, named for the linker's -E.
	EntrySymbol = "github.com/ebbnode/ebbnode/kernel.pvhEntry"
)

// PVH note constants (Xen public/elfnote.h).
const (
	noteTypePhys32Entry = 18 // XEN_ELFNOTE_PHYS32_ENTRY
	noteName            = "Xen"
)

// LinkOptions says what to build and where.
type LinkOptions struct {
	Pkg string   // dir or import path of a main package
	Out string   // output image path
	Dir string   // working dir for go build, default cwd
	Env []string // extra environment for go build
	// DWARF keeps the debugging information (for gdb's source view):
	// about 3 MiB of a 16 MiB image that no loader reads. Without it the
	// symbol table stays, so gdb still names functions, and Go's
	// backtraces (from the runtime's own tables) still show functions and
	// file:line.
	DWARF bool
}

// LDFlags returns the linker flags that place the image, name its entry
// and leave DWARF out (see LinkOptions.DWARF).
func LDFlags() string {
	return fmt.Sprintf("-E %s -T %#x -R 0x1000 -w", EntrySymbol, TextAddr)
}

// ldflags returns o's linker flags.
func (o LinkOptions) ldflags() string {
	if o.DWARF {
		return strings.TrimSuffix(LDFlags(), " -w")
	}
	return LDFlags()
}

// Link builds o.Pkg for linux/amd64 with the kernel's entry and layout, then
// adds the PVH note and seals the image (its digest, see Seal). The package
// must import the kernel (blank import is enough), otherwise the linker
// cannot find the entry symbol.
func Link(ctx context.Context, o LinkOptions) error {
	if o.Pkg == "" || o.Out == "" {
		return errors.New("image: Link needs Pkg and Out")
	}
	out, err := filepath.Abs(o.Out)
	if err != nil {
		return fmt.Errorf("image: output path: %w", err)
	}
	cmd := exec.CommandContext(ctx, "go", "build", "-trimpath",
		"-ldflags", o.ldflags(), "-o", out, o.Pkg)
	cmd.Dir = o.Dir
	cmd.Env = append(os.Environ(), "GOOS=linux", "GOARCH=amd64", "CGO_ENABLED=0")
	cmd.Env = append(cmd.Env, o.Env...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	cmd.Stdout = &stderr
	if err := cmd.Run(); err != nil {
		hint := ""
		if bytes.Contains(stderr.Bytes(), []byte("missing entry symbol")) {
			hint = " (a guest must import the kernel: import _ \"github.com/ebbnode/ebbnode/kernel\")"
		}
		return fmt.Errorf("image: go build %s%s: %w\n%s", o.Pkg, hint, err, stderr.Bytes())
	}
	if err := AddPVHNote(out); err != nil {
		return err
	}
	return SealFile(out)
}

// pvhNote encodes the note: 12-byte header, "Xen\0", then an 8-byte entry
// (QEMU reads the descriptor as a native word on 64-bit ELFs).
func pvhNote(entry uint64) []byte {
	var b bytes.Buffer
	name := append([]byte(noteName), 0)
	le := binary.LittleEndian
	b.Write(le.AppendUint32(nil, uint32(len(name))))
	b.Write(le.AppendUint32(nil, 8))
	b.Write(le.AppendUint32(nil, noteTypePhys32Entry))
	b.Write(name) // 4 bytes: already 4-aligned
	b.Write(le.AppendUint64(nil, entry))
	return b.Bytes()
}

// AddPVHNote rewrites the ELF at path in place (via a temporary file and a
// rename, so a failure leaves the original untouched) so that it carries a
// PVH note whose entry is the ELF entry point, followed by an empty digest
// note for Seal to fill. It is idempotent: an image that already has the
// PVH note is left as is.
func AddPVHNote(path string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("image: %w", err)
	}
	f, err := elf.NewFile(bytes.NewReader(data))
	if err != nil {
		return fmt.Errorf("image: %s: not an ELF: %w", path, err)
	}
	if f.Class != elf.ELFCLASS64 || f.Machine != elf.EM_X86_64 || f.ByteOrder != binary.LittleEndian {
		return fmt.Errorf("image: %s: not an ELF64 x86_64 little-endian file", path)
	}
	if _, ok, err := findPVHEntry(f, data); err != nil {
		return fmt.Errorf("image: %s: %w", path, err)
	} else if ok {
		return nil
	}
	if f.Entry >= 1<<32 {
		return fmt.Errorf("image: %s: entry %#x is above 4 GiB; PVH enters in 32-bit mode", path, f.Entry)
	}
	idx := -1
	for i, p := range f.Progs {
		if p.Type == elf.PT_GNU_STACK {
			idx = i
			break
		}
	}
	if idx < 0 {
		return fmt.Errorf("image: %s: no PT_GNU_STACK program header to turn into the PVH PT_NOTE", path)
	}
	// Append the note, 8-aligned, at the end of the file.
	off := (len(data) + 7) &^ 7
	note := append(pvhNote(f.Entry), digestNote()...) // the digest: see Seal
	out := make([]byte, off, off+len(note))
	copy(out, data)
	out = append(out, note...)
	// Rewrite program header idx (Elf64_Phdr, 56 bytes) as PT_NOTE.
	phoff := binary.LittleEndian.Uint64(data[32:40])
	phentsize := binary.LittleEndian.Uint16(data[54:56])
	ph := out[phoff+uint64(idx)*uint64(phentsize):]
	le := binary.LittleEndian
	le.PutUint32(ph[0:], uint32(elf.PT_NOTE))
	le.PutUint32(ph[4:], uint32(elf.PF_R))
	le.PutUint64(ph[8:], uint64(off))        // p_offset
	le.PutUint64(ph[16:], 0)                 // p_vaddr: not loaded
	le.PutUint64(ph[24:], 0)                 // p_paddr
	le.PutUint64(ph[32:], uint64(len(note))) // p_filesz
	le.PutUint64(ph[40:], 0)                 // p_memsz
	le.PutUint64(ph[48:], 4)                 // p_align: note words are 4-aligned
	return writeAtomic(path, out)
}

// writeAtomic writes data next to path and renames it over path.
func writeAtomic(path string, data []byte) error {
	st, err := os.Stat(path)
	if err != nil {
		return fmt.Errorf("image: %w", err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".tmp*")
	if err != nil {
		return fmt.Errorf("image: %w", err)
	}
	name := tmp.Name()
	_, err = tmp.Write(data)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(name, st.Mode().Perm())
	}
	if err == nil {
		err = os.Rename(name, path)
	}
	if err != nil {
		os.Remove(name)
		return fmt.Errorf("image: writing %s: %w", path, err)
	}
	return nil
}

// findPVHEntry looks through the PT_NOTE segments for the PVH note.
func findPVHEntry(f *elf.File, data []byte) (uint64, bool, error) {
	le := binary.LittleEndian
	for _, p := range f.Progs {
		if p.Type != elf.PT_NOTE {
			continue
		}
		if p.Off+p.Filesz > uint64(len(data)) || p.Off+p.Filesz < p.Off {
			return 0, false, fmt.Errorf("PT_NOTE at %#x+%#x lies outside the file (%d bytes)", p.Off, p.Filesz, len(data))
		}
		b := data[p.Off : p.Off+p.Filesz]
		for len(b) >= 12 {
			namesz, descsz, typ := le.Uint32(b), le.Uint32(b[4:]), le.Uint32(b[8:])
			nameEnd := 12 + (uint64(namesz)+3)&^3
			descEnd := nameEnd + (uint64(descsz)+3)&^3
			if descEnd > uint64(len(b)) {
				return 0, false, fmt.Errorf("truncated note in PT_NOTE at %#x", p.Off)
			}
			name := b[12 : 12+uint64(namesz)]
			if typ == noteTypePhys32Entry && string(bytes.TrimRight(name, "\x00")) == noteName {
				desc := b[nameEnd : nameEnd+uint64(descsz)]
				switch descsz {
				case 4:
					return uint64(le.Uint32(desc)), true, nil
				case 8:
					return le.Uint64(desc), true, nil
				default:
					return 0, false, fmt.Errorf("PVH note descriptor has %d bytes, want 4 or 8", descsz)
				}
			}
			b = b[descEnd:]
		}
	}
	return 0, false, nil
}

// Check reports whether path is a bootable image: an ELF64 x86_64 file with
// a PVH note whose entry matches the ELF entry and lies in an executable
// segment, whose loadable segments lie within the file and below 4 GiB, and
// whose ELF header loads at ImageBase.
func Check(path string) error {
	data, err := Load(path)
	if err != nil {
		return err
	}
	return CheckData(path, data)
}

// CheckData is Check for an image already read from the file path.
func CheckData(path string, data []byte) error {
	f, err := elf.NewFile(bytes.NewReader(data))
	if err != nil {
		return fmt.Errorf("image: %s: not an ELF: %w", path, err)
	}
	if f.Class != elf.ELFCLASS64 || f.Machine != elf.EM_X86_64 {
		return fmt.Errorf("image: %s: not an ELF64 x86_64 file (class %v, machine %v)", path, f.Class, f.Machine)
	}
	entry, ok, err := findPVHEntry(f, data)
	if err != nil {
		return fmt.Errorf("image: %s: %w", path, err)
	}
	if !ok {
		return fmt.Errorf("image: %s: no PVH note (run AddPVHNote)", path)
	}
	if entry != f.Entry {
		return fmt.Errorf("image: %s: PVH entry %#x differs from ELF entry %#x", path, entry, f.Entry)
	}
	loads, inEntry := 0, false
	for _, p := range f.Progs {
		if p.Type != elf.PT_LOAD {
			continue
		}
		loads++
		if end := p.Off + p.Filesz; end < p.Off || end > uint64(len(data)) {
			return fmt.Errorf("image: %s: loadable segment at offset %#x+%#x runs past the end of the file (%d bytes): truncated?", path, p.Off, p.Filesz, len(data))
		}
		if p.Paddr+p.Memsz > 1<<32 {
			return fmt.Errorf("image: %s: segment at %#x+%#x is above 4 GiB", path, p.Paddr, p.Memsz)
		}
		if entry >= p.Vaddr && entry < p.Vaddr+p.Memsz && p.Flags&elf.PF_X != 0 {
			inEntry = true
		}
		// The kernel finds the end of the image from the program headers
		// it expects at ImageBase.
		if p.Off == 0 && p.Vaddr != ImageBase {
			return fmt.Errorf("image: %s: ELF header loads at %#x, the kernel expects %#x (link with LDFlags)", path, p.Vaddr, ImageBase)
		}
	}
	if loads == 0 {
		return fmt.Errorf("image: %s: no loadable segments", path)
	}
	if !inEntry {
		return fmt.Errorf("image: %s: entry %#x is not in an executable segment", path, entry)
	}
	return nil
}

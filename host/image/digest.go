package image

import (
	"bytes"
	"crypto/sha256"
	"debug/elf"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
)

// Whole-image integrity. An image records a SHA-256 digest over what the
// boot loader acts on: the ELF header, the program header table, the file
// bytes of every PT_LOAD (text, data, the payload) and every PT_NOTE (the
// PVH entry among them). It lives in an ELF note of its own, "ebbnode"
// type DigestNoteType, inside the PVH note's PT_NOTE: notes are not loaded,
// so QEMU and other PVH loaders ignore it, and plain
// "qemu-system-x86_64 -kernel app.img" still boots. While hashing, the
// digest's own 32 bytes count as zeros.
//
// Link and WriteWithPayload seal what they write (Seal); `ebbnode run`
// verifies before QEMU starts (Verify), so a patched or damaged image is
// refused instead of booting into a crash.
const (
	// DigestNoteType is the type of the digest note (ASCII "EBDG").
	DigestNoteType = 0x47444245
	digestNoteName = "ebbnode"
	digestDomain   = "ebbnode image digest v1\x00"
)

// ErrNoDigest is returned by Verify for an image that records no digest
// (made before images were sealed, or by hand).
var ErrNoDigest = errors.New("image records no digest (rebuild it with this ebbnode)")

// digestNote is an empty digest note, appended after the PVH note.
func digestNote() []byte {
	le := binary.LittleEndian
	name := append([]byte(digestNoteName), 0) // 8 bytes: 4-aligned
	b := le.AppendUint32(nil, uint32(len(name)))
	b = le.AppendUint32(b, sha256.Size)
	b = le.AppendUint32(b, DigestNoteType)
	b = append(b, name...)
	return append(b, make([]byte, sha256.Size)...)
}

// note is one ELF note found in a PT_NOTE segment; desc is its descriptor's
// offset in the file.
type note struct {
	name       string
	typ        uint32
	desc, size uint64
	seg        int // index of its program header
}

// notes lists the notes of every PT_NOTE segment of data.
func notes(f *elf.File, data []byte) ([]note, error) {
	le := binary.LittleEndian
	var out []note
	for i, p := range f.Progs {
		if p.Type != elf.PT_NOTE {
			continue
		}
		if p.Off+p.Filesz > uint64(len(data)) || p.Off+p.Filesz < p.Off {
			return nil, fmt.Errorf("PT_NOTE at %#x+%#x lies outside the file (%d bytes)", p.Off, p.Filesz, len(data))
		}
		b, off := data[p.Off:p.Off+p.Filesz], p.Off
		for len(b) >= 12 {
			namesz, descsz, typ := le.Uint32(b), le.Uint32(b[4:]), le.Uint32(b[8:])
			nameEnd := 12 + (uint64(namesz)+3)&^3
			descEnd := nameEnd + (uint64(descsz)+3)&^3
			if descEnd > uint64(len(b)) {
				return nil, fmt.Errorf("truncated note in PT_NOTE at %#x", p.Off)
			}
			name := string(bytes.TrimRight(b[12:12+uint64(namesz)], "\x00"))
			out = append(out, note{name: name, typ: typ, desc: off + nameEnd, size: uint64(descsz), seg: i})
			b, off = b[descEnd:], off+descEnd
		}
	}
	return out, nil
}

// findDigest returns the digest note, if the image has one.
func findDigest(ns []note) (note, bool) {
	for _, n := range ns {
		if n.name == digestNoteName && n.typ == DigestNoteType && n.size == sha256.Size {
			return n, true
		}
	}
	return note{}, false
}

// digest computes the image digest of data, whose digest note is d.
func digest(f *elf.File, data []byte, d note) ([]byte, error) {
	le := binary.LittleEndian
	h := sha256.New()
	h.Write([]byte(digestDomain))
	if len(data) < 64 {
		return nil, errors.New("file shorter than an ELF header")
	}
	h.Write(data[:64])
	phoff, phent := le.Uint64(data[32:40]), uint64(le.Uint16(data[54:56]))
	phEnd := phoff + phent*uint64(len(f.Progs))
	if phEnd > uint64(len(data)) || phEnd < phoff {
		return nil, errors.New("program headers lie outside the file")
	}
	h.Write(data[phoff:phEnd])
	for _, p := range f.Progs {
		if p.Type != elf.PT_LOAD && p.Type != elf.PT_NOTE {
			continue
		}
		end := p.Off + p.Filesz
		if end < p.Off || end > uint64(len(data)) {
			return nil, fmt.Errorf("segment at offset %#x+%#x runs past the end of the file (%d bytes): truncated?", p.Off, p.Filesz, len(data))
		}
		seg := data[p.Off:end]
		if d.desc >= p.Off && d.desc+d.size <= end {
			// The digest's own bytes hash as zeros.
			rel := d.desc - p.Off
			h.Write(seg[:rel])
			h.Write(make([]byte, d.size))
			seg = seg[rel+d.size:]
		}
		h.Write(seg)
	}
	return h.Sum(nil), nil
}

// Seal returns data with its digest recorded, adding the digest note (next
// to the PVH note, in a PT_NOTE rewritten at the end of the file) if the
// image has none yet. data must carry the PVH note (AddPVHNote).
func Seal(data []byte) ([]byte, error) {
	f, err := elf.NewFile(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("not an ELF: %w", err)
	}
	ns, err := notes(f, data)
	if err != nil {
		return nil, err
	}
	d, ok := findDigest(ns)
	out := bytes.Clone(data)
	if !ok {
		if out, err = addDigestNote(f, out, ns); err != nil {
			return nil, err
		}
		if f, err = elf.NewFile(bytes.NewReader(out)); err != nil {
			return nil, err
		}
		if ns, err = notes(f, out); err != nil {
			return nil, err
		}
		d, _ = findDigest(ns)
	}
	sum, err := digest(f, out, d)
	if err != nil {
		return nil, err
	}
	copy(out[d.desc:], sum)
	return out, nil
}

// addDigestNote moves the PVH note's PT_NOTE to the end of the file with
// an empty digest note after it.
func addDigestNote(f *elf.File, data []byte, ns []note) ([]byte, error) {
	seg := -1
	for _, n := range ns {
		if n.name == noteName && n.typ == noteTypePhys32Entry {
			seg = n.seg
		}
	}
	if seg < 0 {
		return nil, errors.New("no PVH note: not a linked ebbnode image")
	}
	p := f.Progs[seg]
	body := append(bytes.Clone(data[p.Off:p.Off+p.Filesz]), digestNote()...)
	off := (len(data) + 7) &^ 7
	out := make([]byte, off, off+len(body))
	copy(out, data)
	out = append(out, body...)
	le := binary.LittleEndian
	phoff, phent := le.Uint64(data[32:40]), uint64(le.Uint16(data[54:56]))
	ph := out[phoff+uint64(seg)*phent:]
	le.PutUint64(ph[8:], uint64(off))        // p_offset
	le.PutUint64(ph[32:], uint64(len(body))) // p_filesz
	return out, nil
}

// Verify checks the digest recorded in the image data against its
// contents.
func Verify(data []byte) error {
	f, err := elf.NewFile(bytes.NewReader(data))
	if err != nil {
		return fmt.Errorf("not an ELF: %w", err)
	}
	ns, err := notes(f, data)
	if err != nil {
		return err
	}
	d, ok := findDigest(ns)
	if !ok {
		return ErrNoDigest
	}
	sum, err := digest(f, data, d)
	if err != nil {
		return err
	}
	if rec := data[d.desc : d.desc+d.size]; !bytes.Equal(sum, rec) {
		return fmt.Errorf("corrupt: SHA-256 of its loaded segments is %s, the image records %s", hex.EncodeToString(sum[:6]), hex.EncodeToString(rec[:6]))
	}
	return nil
}

// SealFile seals the image at path in place (through a temporary file and
// a rename).
func SealFile(path string) error {
	data, err := Load(path)
	if err != nil {
		return err
	}
	out, err := Seal(data)
	if err != nil {
		return fmt.Errorf("image: %s: %w", path, err)
	}
	return writeAtomic(path, out)
}

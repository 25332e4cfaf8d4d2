package image

import (
	"bytes"
	"debug/elf"
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// pvhImage returns a linked stand-in image with its PVH note.
func pvhImage(t *testing.T) (string, []byte) {
	t.Helper()
	p := buildLowBinary(t)
	if err := AddPVHNote(p); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return p, data
}

// TestAttachPayload: a payload that fits between LowPayloadBase and the
// image goes there, a larger one on the first page above the image; either
// way it reads back, passes Check, reuses a program header and keeps the
// PT_LOADs sorted and disjoint.
func TestAttachPayload(t *testing.T) {
	path, data := pvhImage(t)
	small := bytes.Repeat([]byte("bundle bytes "), 1000)
	large := bytes.Repeat([]byte("large bundle "), (ImageBase-LowPayloadBase)/13+1)
	for _, tt := range []struct {
		name    string
		payload []byte
		below   bool
	}{{"small", small, true}, {"large", large, false}} {
		t.Run(tt.name, func(t *testing.T) {
			img, err := AttachPayload(data, tt.payload)
			if err != nil {
				t.Fatal(err)
			}
			checkPayloadImage(t, data, img, tt.payload, tt.below)
			if _, err := AttachPayload(img, tt.payload); err == nil || !strings.Contains(err.Error(), "already") {
				t.Errorf("second AttachPayload = %v, want an already-attached error", err)
			}
		})
	}
	if _, err := ReadPayload(path); !errors.Is(err, ErrNoPayload) {
		t.Errorf("ReadPayload of the plain image = %v, want ErrNoPayload", err)
	}
}

// checkPayloadImage checks img, data with payload attached: below says
// whether the payload must sit at LowPayloadBase rather than above the
// image.
func checkPayloadImage(t *testing.T, data, img, payload []byte, below bool) {
	t.Helper()
	got, err := Payload(img)
	if err != nil || !bytes.Equal(got, payload) {
		t.Fatalf("Payload = %d bytes, %v; want the %d attached", len(got), err, len(payload))
	}
	out := filepath.Join(t.TempDir(), "app.img")
	if err := os.WriteFile(out, img, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := Check(out); err != nil {
		t.Fatalf("Check with payload: %v", err)
	}
	f, err := elf.NewFile(bytes.NewReader(img))
	if err != nil {
		t.Fatal(err)
	}
	orig, err := elf.NewFile(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Progs) != len(orig.Progs) {
		t.Fatalf("%d program headers, had %d: the payload must reuse one", len(f.Progs), len(orig.Progs))
	}
	var prevEnd, first, end uint64
	first = 1 << 63
	var seg *elf.Prog
	notes := 0
	for _, p := range f.Progs {
		switch p.Type {
		case elf.PT_NOTE:
			notes++
		case elf.PT_LOAD:
			if p.Paddr < prevEnd {
				t.Errorf("PT_LOAD at %#x starts below the end %#x of the one before: not sorted or overlapping", p.Paddr, prevEnd)
			}
			prevEnd = p.Paddr + p.Memsz
			if p.Flags&PayloadFlag != 0 {
				seg = p
			} else {
				first, end = min(first, p.Paddr), max(end, p.Paddr+p.Memsz)
			}
		}
	}
	if notes != 1 {
		t.Errorf("%d PT_NOTE headers, want only the PVH note", notes)
	}
	if seg == nil {
		t.Fatal("no payload PT_LOAD")
	}
	if seg.Paddr%pageSize != 0 || seg.Off%pageSize != 0 {
		t.Errorf("payload segment at %#x (file %#x) is not page-aligned", seg.Paddr, seg.Off)
	}
	if below && (seg.Paddr != LowPayloadBase || seg.Paddr+seg.Memsz > first) {
		t.Errorf("payload segment %#x+%#x: want it at %#x, below the image at %#x", seg.Paddr, seg.Memsz, LowPayloadBase, first)
	}
	if !below && seg.Paddr < end {
		t.Errorf("payload segment at %#x: want it above the image end %#x", seg.Paddr, end)
	}
	if seg.Flags&elf.PF_X != 0 || seg.Flags&elf.PF_W != 0 {
		t.Errorf("payload segment flags %v: want read-only", seg.Flags)
	}
}

func TestAttachPayloadNeedsPVHImage(t *testing.T) {
	if _, err := AttachPayload([]byte("not an elf"), nil); err == nil || !strings.Contains(err.Error(), "not an ELF") {
		t.Errorf("AttachPayload(garbage) = %v", err)
	}
	raw, err := os.ReadFile(buildLowBinary(t))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := AttachPayload(raw, nil); err == nil || !strings.Contains(err.Error(), "PVH") {
		t.Errorf("AttachPayload(no PVH note) = %v", err)
	}
}

// TestPayloadDamage checks that a damaged payload is reported, not
// returned.
func TestPayloadDamage(t *testing.T) {
	_, data := pvhImage(t)
	img, err := AttachPayload(data, []byte("0123456789"))
	if err != nil {
		t.Fatal(err)
	}
	hdr := len(img) - 10 - PayloadHeaderSize // the payload is last in the file
	for _, tt := range []struct {
		name string
		img  []byte
		want string
	}{
		{"truncated", img[:len(img)-4], "truncated"},
		{"bad magic", patch(img, hdr, []byte("XXXXXXXX")), "magic"},
		{"bad length", patch(img, hdr+8, binary.LittleEndian.AppendUint64(nil, 11)), "claims 11 bytes"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Payload(tt.img)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Payload = %v, want an error containing %q", err, tt.want)
			}
		})
	}
}

func patch(b []byte, off int, with []byte) []byte {
	c := bytes.Clone(b)
	copy(c[off:], with)
	return c
}

// TestWriteWithPayloadLeavesNothingOnFailure: a failed build must not leave
// an image or a temporary file behind.
func TestWriteWithPayloadLeavesNothingOnFailure(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "runtime.elf")
	if err := os.WriteFile(bad, []byte("garbage"), 0o644); err != nil {
		t.Fatal(err)
	}
	outDir := t.TempDir()
	if err := WriteWithPayload(bad, filepath.Join(outDir, "app.img"), []byte("x")); err == nil {
		t.Fatal("WriteWithPayload from a non-ELF runtime succeeded")
	}
	if ents, _ := os.ReadDir(outDir); len(ents) != 0 {
		t.Errorf("left behind: %v", ents)
	}

	path, _ := pvhImage(t)
	out := filepath.Join(outDir, "app.img")
	if err := WriteWithPayload(path, out, []byte("hello")); err != nil {
		t.Fatal(err)
	}
	if p, err := ReadPayload(out); err != nil || string(p) != "hello" {
		t.Errorf("ReadPayload = %q, %v", p, err)
	}
}

// TestWriteWithPayloadCompacts: an app image keeps every loaded segment's
// bytes and the notes, verifies, and drops the section headers and the
// symbol table (the runtime keeps them).
func TestWriteWithPayloadCompacts(t *testing.T) {
	path, data := pvhImage(t)
	if err := SealFile(path); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "app.img")
	payload := []byte("the bundle")
	if err := WriteWithPayload(path, out, payload); err != nil {
		t.Fatal(err)
	}
	img, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if err := Check(out); err != nil {
		t.Fatal(err)
	}
	if err := Verify(img); err != nil {
		t.Fatalf("Verify: %v", err)
	}
	if p, err := Payload(img); err != nil || !bytes.Equal(p, payload) {
		t.Errorf("Payload = %q, %v", p, err)
	}
	f, err := elf.NewFile(bytes.NewReader(img))
	if err != nil {
		t.Fatal(err)
	}
	orig, err := elf.NewFile(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := orig.Symbols(); err != nil {
		t.Fatalf("the stand-in runtime has no symbol table to drop: %v", err)
	}
	if len(f.Sections) != 0 {
		t.Errorf("%d section headers left", len(f.Sections))
	}
	if len(img) >= len(data) {
		t.Errorf("app image %d bytes, runtime %d: nothing dropped", len(img), len(data))
	}
	// Every segment of the runtime loads the same bytes from the app
	// image, but for the ELF and program headers at the start of the
	// first.
	headers := uint64(64 + 56*len(orig.Progs))
	for _, op := range orig.Progs {
		if op.Type != elf.PT_LOAD {
			continue
		}
		skip := uint64(0)
		if op.Off == 0 {
			skip = headers
		}
		want := data[op.Off+skip : op.Off+op.Filesz]
		found := false
		for _, p := range f.Progs {
			if p.Type == elf.PT_LOAD && p.Vaddr == op.Vaddr && p.Filesz == op.Filesz && p.Memsz == op.Memsz {
				found = bytes.Equal(img[p.Off+skip:p.Off+p.Filesz], want)
			}
		}
		if !found {
			t.Errorf("segment at %#x does not load the same bytes from the app image", op.Vaddr)
		}
	}
	if _, _, err := findPVHEntry(f, img); err != nil {
		t.Errorf("PVH note: %v", err)
	}
}

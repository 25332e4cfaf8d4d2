package image

import (
	"bytes"
	"debug/elf"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// textOffset returns the file offset of the entry point: code the guest
// runs first (not the 0xCC padding between functions, which a patch of
// 0xCC would leave unchanged).
func textOffset(t *testing.T, data []byte) int {
	t.Helper()
	f, err := elf.NewFile(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range f.Progs {
		if p.Type == elf.PT_LOAD && p.Flags&elf.PF_X != 0 && f.Entry >= p.Vaddr && f.Entry < p.Vaddr+p.Filesz {
			return int(p.Off + f.Entry - p.Vaddr)
		}
	}
	t.Fatal("no executable segment")
	return 0
}

// TestSealVerify: a sealed image verifies; 16 bytes of 0xCC in its text,
// one flipped payload byte, a changed entry point or digest do not.
func TestSealVerify(t *testing.T) {
	_, data := pvhImage(t)
	withPayload, err := AttachPayload(data, bytes.Repeat([]byte("bundle "), 100))
	if err != nil {
		t.Fatal(err)
	}
	img, err := Seal(withPayload)
	if err != nil {
		t.Fatal(err)
	}
	if len(img) != len(withPayload) {
		t.Errorf("Seal changed the size %d -> %d: the digest note should be filled in place", len(withPayload), len(img))
	}
	if err := Verify(img); err != nil {
		t.Fatalf("Verify(sealed) = %v", err)
	}
	if err := Verify(withPayload); err == nil {
		t.Error("Verify(unsealed, zero digest) = nil")
	}
	for name, bad := range map[string][]byte{
		"text 0xCC":     patch(img, textOffset(t, img), bytes.Repeat([]byte{0xCC}, 16)),
		"payload byte":  patch(img, len(img)-3, []byte{'X'}),
		"entry":         patch(img, 24, []byte{0x10}),
		"digest itself": flipDigest(t, img),
	} {
		if err := Verify(bad); err == nil || !strings.Contains(err.Error(), "corrupt") {
			t.Errorf("%s: Verify = %v, want a corrupt-image error", name, err)
		}
	}
}

func flipDigest(t *testing.T, img []byte) []byte {
	t.Helper()
	f, _ := elf.NewFile(bytes.NewReader(img))
	ns, err := notes(f, img)
	if err != nil {
		t.Fatal(err)
	}
	d, ok := findDigest(ns)
	if !ok {
		t.Fatal("no digest note")
	}
	return patch(img, int(d.desc), []byte{img[d.desc] ^ 1})
}

// TestSealAddsNote: an image without the digest note (as made before
// sealing existed) gets one, still passes Check (so it still loads), and
// Verify says plainly that a digest is missing.
func TestSealAddsNote(t *testing.T) {
	_, data := pvhImage(t)
	f, _ := elf.NewFile(bytes.NewReader(data))
	ns, _ := notes(f, data)
	d, ok := findDigest(ns)
	if !ok {
		t.Fatal("AddPVHNote wrote no digest note")
	}
	old := patch(data, int(d.desc)-12, []byte{0, 0, 0, 0}) // note type 0: not a digest
	if err := Verify(old); !errors.Is(err, ErrNoDigest) {
		t.Errorf("Verify(no digest note) = %v, want ErrNoDigest", err)
	}
	sealed, err := Seal(old)
	if err != nil {
		t.Fatal(err)
	}
	if err := Verify(sealed); err != nil {
		t.Errorf("Verify after Seal added the note: %v", err)
	}
	if err := CheckData("sealed", sealed); err != nil {
		t.Errorf("Check after Seal added the note: %v", err)
	}
}

// TestLoadRefuses: only regular files under MaxSize are images; a FIFO is
// refused without blocking.
func TestLoadRefuses(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	big := filepath.Join(dir, "big")
	if err := os.WriteFile(big, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(big, MaxSize+1); err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]string{
		"/dev/zero": "not a regular file but a character device",
		fifo:        "not a regular file but a FIFO",
		dir:         "not a regular file but a directory",
		big:         "over the 512 MiB limit",
	} {
		if _, err := Load(path); err == nil || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), path) {
			t.Errorf("Load(%s) = %v, want an error naming it with %q", path, err, want)
		}
	}
}

package image

import (
	"bytes"
	"debug/elf"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// buildLowBinary links a tiny ordinary Go program at the image layout
// (-T/-R as LDFlags, default entry), without the kernel: a stand-in ELF
// with a PT_GNU_STACK header for the rewriting tests.
func buildLowBinary(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "main.go"), []byte("package main\n\nfunc main() {}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module low\n\ngo 1.26\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "img")
	cmd := exec.Command("go", "build", "-ldflags", fmt.Sprintf("-T %#x -R 0x1000", TextAddr), "-o", out, ".")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOOS=linux", "GOARCH=amd64", "CGO_ENABLED=0")
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, b)
	}
	return out
}

func TestAddPVHNote(t *testing.T) {
	p := buildLowBinary(t)
	if err := Check(p); err == nil || !strings.Contains(err.Error(), "no PVH note") {
		t.Fatalf("Check before rewrite = %v, want a missing-note error", err)
	}
	if err := AddPVHNote(p); err != nil {
		t.Fatal(err)
	}
	if err := Check(p); err != nil {
		t.Fatalf("Check after rewrite: %v", err)
	}
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	f, err := elf.NewFile(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	entry, ok, err := findPVHEntry(f, data)
	if err != nil || !ok || entry != f.Entry {
		t.Fatalf("findPVHEntry = %#x, %v, %v; want %#x", entry, ok, err, f.Entry)
	}
	for _, ph := range f.Progs {
		if ph.Type == elf.PT_GNU_STACK {
			t.Error("PT_GNU_STACK still present")
		}
	}
	// A second rewrite changes nothing.
	if err := AddPVHNote(p); err != nil {
		t.Fatal(err)
	}
	again, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(again, data) {
		t.Error("AddPVHNote is not idempotent")
	}
	if st, err := os.Stat(p); err != nil || st.Mode().Perm() != 0o755 {
		t.Errorf("mode after rewrite = %v, %v; want 0755", st.Mode(), err)
	}
}

func TestCheckRejects(t *testing.T) {
	good := buildLowBinary(t)
	if err := AddPVHNote(good); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(good)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	cases := map[string][]byte{
		"truncated": data[:len(data)/2],
		"header":    data[:40],
		"text":      []byte("#!/bin/sh\necho not an image\n"),
		"empty":     nil,
	}
	for name, b := range cases {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := Check(p); err == nil {
			t.Errorf("Check(%s) = nil, want an error", name)
		}
		if name != "truncated" {
			if err := AddPVHNote(p); err == nil {
				t.Errorf("AddPVHNote(%s) = nil, want an error", name)
			}
		}
	}
	if err := Check(filepath.Join(dir, "missing")); err == nil {
		t.Error("Check(missing file) = nil")
	}
}

func TestLDFlags(t *testing.T) {
	got := LDFlags()
	for _, want := range []string{"-E " + EntrySymbol, "-T 0x201000", "-R 0x1000", "-w"} {
		if !strings.Contains(got, want) {
			t.Errorf("LDFlags() = %q, missing %q", got, want)
		}
	}
}

func TestCheckRejectsWrongBase(t *testing.T) {
	// The test binary itself is linked at Go's default address.
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(exe)
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "img")
	if err := os.WriteFile(p, data, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := AddPVHNote(p); err != nil {
		t.Fatal(err)
	}
	if err := Check(p); err == nil || !strings.Contains(err.Error(), "the kernel expects") {
		t.Fatalf("Check of an image linked elsewhere = %v, want the base-address error", err)
	}
}

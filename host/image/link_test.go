package image

import (
	"context"
	"debug/elf"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// repoRoot is the module root, two levels up from this package.
func repoRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	return root
}

// TestLinkGuest links a guest twice: by default without DWARF but with
// the symbol table, and with LinkOptions.DWARF keeping it.
func TestLinkGuest(t *testing.T) {
	out := filepath.Join(t.TempDir(), "hello.img")
	err := Link(context.Background(), LinkOptions{Pkg: "./kernel/internal/guests/hello", Out: out, Dir: repoRoot(t)})
	if err != nil {
		t.Fatal(err)
	}
	checkLinked(t, out, false)
	withDWARF := filepath.Join(t.TempDir(), "hello-dwarf.img")
	err = Link(context.Background(), LinkOptions{Pkg: "./kernel/internal/guests/hello", Out: withDWARF, Dir: repoRoot(t), DWARF: true})
	if err != nil {
		t.Fatal(err)
	}
	checkLinked(t, withDWARF, true)
}

// checkLinked checks the image Link wrote at out: bootable, entry and
// base right, DWARF sections present if and only if dwarf.
func checkLinked(t *testing.T, out string, dwarf bool) {
	t.Helper()
	if err := Check(out); err != nil {
		t.Fatal(err)
	}
	f, err := elf.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	syms, err := f.Symbols()
	if err != nil {
		t.Fatal(err)
	}
	// The assembly entry is ABI0; the symbol table calls it name.abi0 when
	// the compiler also emitted an ABIInternal wrapper for the Go
	// declaration.
	var entry uint64
	for _, s := range syms {
		if s.Name == EntrySymbol+".abi0" || (s.Name == EntrySymbol && entry == 0) {
			entry = s.Value
		}
	}
	if entry == 0 || f.Entry != entry {
		t.Fatalf("ELF entry %#x, %s at %#x", f.Entry, EntrySymbol, entry)
	}
	// The image is linked at ImageBase: the segment at file offset 0 maps
	// the ELF header there (the kernel reads its program headers).
	for _, p := range f.Progs {
		if p.Type == elf.PT_LOAD && p.Off == 0 && p.Vaddr != ImageBase {
			t.Errorf("ELF header loads at %#x, want %#x", p.Vaddr, ImageBase)
		}
	}
	if got := f.Section(".debug_info") != nil; got != dwarf {
		t.Errorf(".debug_info present: %v, want %v", got, dwarf)
	}
}

func TestLinkWithoutKernel(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "main.go"), []byte("package main\n\nfunc main() {}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module nokernel\n\ngo 1.26\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "img")
	err := Link(context.Background(), LinkOptions{Pkg: ".", Out: out, Dir: dir})
	if err == nil || !strings.Contains(err.Error(), "must import the kernel") {
		t.Fatalf("Link of a guest without the kernel = %v, want the import hint", err)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a failed Link left an output file")
	}
}

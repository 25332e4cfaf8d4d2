package vfs

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestOSFSAttrsAndLinks checks the calls OSFS adds over package os's
// obvious ones: each must change what a later Stat or Readlink sees.
func TestOSFSAttrsAndLinks(t *testing.T) {
	dir := t.TempDir()
	var fsys FS = OSFS{}
	f := filepath.Join(dir, "f")
	if err := fsys.WriteFile(f, []byte("hello"), false, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := fsys.Truncate(f, 2); err != nil {
		t.Fatal(err)
	}
	if b, _ := fsys.ReadFile(f); string(b) != "he" {
		t.Errorf("after Truncate(2) = %q", b)
	}
	if err := fsys.Chmod(f, 0o600); err != nil {
		t.Fatal(err)
	}
	mtime := time.Unix(1_000_000_000, 0)
	if err := fsys.Chtimes(f, mtime, mtime); err != nil {
		t.Fatal(err)
	}
	fi, err := fsys.Stat(f)
	if err != nil || fi.Mode().Perm() != 0o600 || !fi.ModTime().Equal(mtime) {
		t.Errorf("Stat after Chmod/Chtimes = %v %v, %v", fi.Mode(), fi.ModTime(), err)
	}
	l := filepath.Join(dir, "l")
	if err := fsys.Symlink("f", l); err != nil {
		t.Fatal(err)
	}
	if target, err := fsys.Readlink(l); err != nil || target != "f" {
		t.Errorf("Readlink = %q, %v", target, err)
	}
	if err := fsys.Unlink(dir); !errors.Is(err, syscall.EISDIR) {
		t.Errorf("Unlink(dir) = %v, want EISDIR (no rmdir fallback)", err)
	}
	if _, err := os.Stat(dir); err != nil {
		t.Errorf("Unlink removed the directory: %v", err)
	}
}

func TestRealpath(t *testing.T) {
	dir, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.MkdirAll(filepath.Join(dir, "a/b"), 0o755))
	must(os.WriteFile(filepath.Join(dir, "a/b/f"), nil, 0o644))
	must(os.Symlink("a/b", filepath.Join(dir, "rel")))       // relative
	must(os.Symlink(filepath.Join(dir, "a"), dir+"/abs"))    // absolute
	must(os.Symlink("../b/f", filepath.Join(dir, "a/b/up"))) // through ..
	must(os.Symlink("loop", filepath.Join(dir, "loop")))     // itself
	cases := map[string]string{
		"rel/f":   "a/b/f",
		"abs/b/f": "a/b/f",
		"a/b/up":  "a/b/f",
		"a/./b":   "a/b",
	}
	for in, want := range cases {
		got, err := Realpath(OSFS{}, filepath.Join(dir, in))
		if err != nil || got != filepath.Join(dir, want) {
			t.Errorf("Realpath(%s) = %q, %v; want %s", in, got, err, want)
		}
	}
	if _, err := Realpath(OSFS{}, filepath.Join(dir, "a/missing/x")); !errors.Is(err, syscall.ENOENT) {
		t.Errorf("missing component: %v, want ENOENT", err)
	}
	if _, err := Realpath(OSFS{}, filepath.Join(dir, "a/b/f/x")); !errors.Is(err, syscall.ENOTDIR) {
		t.Errorf("file as directory: %v, want ENOTDIR", err)
	}
	if _, err := Realpath(OSFS{}, filepath.Join(dir, "loop")); !errors.Is(err, syscall.ELOOP) {
		t.Errorf("self link: %v, want ELOOP", err)
	}
}

// TestOSFSRenameAndAppend: Rename answers as rename(2) does for
// directories, and WriteAt on an O_APPEND file appends as pwrite(2) does.
func TestOSFSRenameAndAppend(t *testing.T) {
	dir := t.TempDir()
	var fsys FS = OSFS{}
	f, d, empty := filepath.Join(dir, "f"), filepath.Join(dir, "d"), filepath.Join(dir, "empty")
	if err := fsys.WriteFile(f, []byte("ab"), false, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{d, empty} {
		if err := fsys.Mkdir(p, false, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := fsys.Rename(f, d); !errors.Is(err, syscall.EISDIR) {
		t.Errorf("Rename(file, dir) = %v, want EISDIR", err)
	}
	if err := fsys.Rename(d, empty); err != nil {
		t.Errorf("Rename(dir, empty dir) = %v, want success", err)
	}
	af, err := fsys.OpenFile(f, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		t.Fatal(err)
	}
	if n, err := af.WriteAt([]byte("XY"), 0); n != 2 || err != nil {
		t.Errorf("WriteAt on an append file = %d, %v", n, err)
	}
	af.Close()
	if b, _ := fsys.ReadFile(f); string(b) != "abXY" {
		t.Errorf("after WriteAt(0) on an append file = %q, want %q", b, "abXY")
	}
}

// grantFS shows only the tree under root, as the Messenger's grants do:
// its ancestors are ENOENT to Lstat, though paths through them resolve.
type grantFS struct {
	OSFS
	root string
}

func (g grantFS) Lstat(name string) (fs.FileInfo, error) {
	if name != g.root && !strings.HasPrefix(name, g.root+"/") {
		return nil, &fs.PathError{Op: "lstat", Path: name, Err: syscall.ENOENT}
	}
	return g.OSFS.Lstat(name)
}

// TestRealpathHiddenAncestors: on such a file system Realpath still
// resolves the links inside the tree, and a missing path is still ENOENT.
func TestRealpathHiddenAncestors(t *testing.T) {
	dir, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, "d"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("d", filepath.Join(dir, "l")); err != nil {
		t.Fatal(err)
	}
	g := grantFS{root: dir}
	if got, err := Realpath(g, filepath.Join(dir, "l")); err != nil || got != filepath.Join(dir, "d") {
		t.Errorf("Realpath(l) = %q, %v; want %s", got, err, filepath.Join(dir, "d"))
	}
	if _, err := Realpath(g, filepath.Join(dir, "missing")); !errors.Is(err, syscall.ENOENT) {
		t.Errorf("Realpath(missing) = %v, want ENOENT", err)
	}
	// The error names the first missing component inside the tree, not
	// a hidden ancestor, and a looping link fails at the link.
	var pe *fs.PathError
	if _, err := Realpath(g, filepath.Join(dir, "missing/x/y")); !errors.As(err, &pe) ||
		pe.Op != "lstat" || pe.Path != filepath.Join(dir, "missing") || pe.Err != syscall.ENOENT {
		t.Errorf("Realpath(missing/x/y) = %v, want lstat %s: ENOENT", err, filepath.Join(dir, "missing"))
	}
	if err := os.Symlink("loop", filepath.Join(dir, "loop")); err != nil {
		t.Fatal(err)
	}
	if _, err := Realpath(g, filepath.Join(dir, "loop")); !errors.As(err, &pe) ||
		pe.Op != "stat" || pe.Path != filepath.Join(dir, "loop") || pe.Err != syscall.ELOOP {
		t.Errorf("Realpath(loop) = %v, want stat %s: ELOOP", err, filepath.Join(dir, "loop"))
	}
}

package vfs

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"testing"
	"testing/fstest"
)

// setup returns the overlay of bundle, at root (the temporary host
// directory when root is empty), over the host's files.
func setup(t *testing.T, root string, bundle fs.FS) (*Overlay, string) {
	t.Helper()
	host := t.TempDir()
	if root == "" {
		root = host
	}
	return NewOverlay(bundle, root, OSFS{}), host
}

func TestOverlayReadsBundleFirst(t *testing.T) {
	bundle := fstest.MapFS{
		"app.js":        {Data: []byte("console.log(1)"), Mode: 0o644},
		"lib/util.js":   {Data: []byte("module.exports = 2"), Mode: 0o644},
		"data/seed.txt": {Data: []byte("seed"), Mode: 0o644},
	}
	o, host := setup(t, "", bundle)
	if err := os.WriteFile(filepath.Join(host, "app.js"), []byte("host copy"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(host, "host.txt"), []byte("from host"), 0o644); err != nil {
		t.Fatal(err)
	}

	read := func(name, want string) {
		t.Helper()
		b, err := o.ReadFile(filepath.Join(host, name))
		if err != nil || string(b) != want {
			t.Errorf("ReadFile(%s) = %q, %v; want %q", name, b, err, want)
		}
	}
	read("app.js", "console.log(1)") // the bundle wins
	read("lib/util.js", "module.exports = 2")
	read("host.txt", "from host") // not bundled: the host's

	fi, err := o.Stat(filepath.Join(host, "lib"))
	if err != nil || !fi.IsDir() {
		t.Errorf("Stat(lib) = %v, %v; want a directory from the bundle", fi, err)
	}
	ents, err := o.ReadDir(host)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range ents {
		names = append(names, e.Name())
	}
	if got, want := strings.Join(names, ","), "app.js,data,host.txt,lib"; got != want {
		t.Errorf("ReadDir = %s, want the union %s", got, want)
	}
	if !sort.StringsAreSorted(names) {
		t.Errorf("ReadDir not sorted: %v", names)
	}

	f, err := o.OpenFile(filepath.Join(host, "lib/util.js"), os.O_RDONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	b, err := io.ReadAll(f)
	if err != nil || string(b) != "module.exports = 2" {
		t.Errorf("Open+ReadAll = %q, %v", b, err)
	}
	if _, err := f.Write([]byte("x")); !errors.Is(err, syscall.EBADF) {
		t.Errorf("Write to a read-only bundled file = %v, want EBADF", err)
	}
	f.Close()
}

func TestOverlayWritesReachHost(t *testing.T) {
	bundle := fstest.MapFS{"seed.txt": {Data: []byte("seed\n"), Mode: 0o644}}
	o, host := setup(t, "", bundle)

	if err := o.WriteFile(filepath.Join(host, "out.txt"), []byte("new"), false, 0o644); err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(filepath.Join(host, "out.txt")); err != nil || string(b) != "new" {
		t.Errorf("host file = %q, %v", b, err)
	}
	// Appending to a bundled file copies it up first, then reads come
	// from the host.
	seed := filepath.Join(host, "seed.txt")
	if err := o.WriteFile(seed, []byte("more\n"), true, 0o644); err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(seed); err != nil || string(b) != "seed\nmore\n" {
		t.Errorf("host seed.txt = %q, %v", b, err)
	}
	if b, err := o.ReadFile(seed); err != nil || string(b) != "seed\nmore\n" {
		t.Errorf("overlay seed.txt after append = %q, %v", b, err)
	}
	if err := o.Mkdir(filepath.Join(host, "d/e"), true, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := o.Rename(filepath.Join(host, "out.txt"), filepath.Join(host, "d/e/moved.txt")); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(host, "d/e/moved.txt")); err != nil {
		t.Errorf("rename did not reach the host: %v", err)
	}
	if err := o.RemoveAll(filepath.Join(host, "d")); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(host, "d")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("RemoveAll left %v", err)
	}
}

// TestOverlayRootElsewhere: a bundle mounted at its build-time root outside
// the granted directory still serves its files, and nothing else there.
func TestOverlayRootElsewhere(t *testing.T) {
	bundle := fstest.MapFS{"main.js": {Data: []byte("x"), Mode: 0o644}}
	o, _ := setup(t, "/build/app", bundle)
	if b, err := o.ReadFile("/build/app/main.js"); err != nil || string(b) != "x" {
		t.Errorf("ReadFile = %q, %v", b, err)
	}
	if _, err := o.ReadFile("/build/app/other.js"); !errors.Is(err, syscall.ENOENT) {
		t.Errorf("ReadFile(other) = %v, want ENOENT from the host", err)
	}
	if _, err := o.ReadFile("/build/application/main.js"); !errors.Is(err, syscall.ENOENT) {
		t.Errorf("a sibling with the root as prefix = %v, want ENOENT", err)
	}
}

// TestOverlayAttrsCopyUp: changing a bundled file's size or mode gives
// the writable FS a copy first, so the change keeps its contents.
func TestOverlayAttrsCopyUp(t *testing.T) {
	bundle := fstest.MapFS{"a.txt": {Data: []byte("abcdef"), Mode: 0o644}}
	o, host := setup(t, "", bundle)
	a := filepath.Join(host, "a.txt")
	if err := o.Truncate(a, 3); err != nil {
		t.Fatal(err)
	}
	if b, err := o.ReadFile(a); err != nil || string(b) != "abc" {
		t.Errorf("after Truncate(3) = %q, %v; want %q", b, err, "abc")
	}
	if err := o.Chmod(a, 0o600); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(a); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("host mode after Chmod = %v, %v", fi, err)
	}
	if _, err := o.Readlink(a); !errors.Is(err, syscall.EINVAL) {
		t.Errorf("Readlink of a regular file = %v, want EINVAL", err)
	}
}

// TestOverlayTrailingSlash: "file/" names a directory, so the bundle does
// not serve a bundled file under it; a bundled directory it does.
func TestOverlayTrailingSlash(t *testing.T) {
	bundle := fstest.MapFS{"lib/a.js": {Data: []byte("a"), Mode: 0o644}}
	o, host := setup(t, "", bundle)
	if _, err := o.ReadFile(filepath.Join(host, "lib/a.js") + "/"); !errors.Is(err, syscall.ENOENT) {
		t.Errorf("ReadFile(lib/a.js/) = %v, want the host's ENOENT", err)
	}
	if fi, err := o.Stat(filepath.Join(host, "lib") + "/"); err != nil || !fi.IsDir() {
		t.Errorf("Stat(lib/) = %v, %v; want the bundled directory", fi, err)
	}
}

package bundle

import (
	"errors"
	"io/fs"
	"reflect"
	"testing"
	"testing/fstest"
)

func TestFS(t *testing.T) {
	b := mustCollect(t, "testdata/app/app.js", "testdata/app/assets")
	fsys := b.FS()
	if err := fstest.TestFS(fsys, paths(b)...); err != nil {
		t.Fatal(err)
	}
	src, err := fs.ReadFile(fsys, b.Entry)
	if err != nil {
		t.Fatal(err)
	}
	if string(src) != string(fileData(b, b.Entry)) {
		t.Errorf("entry read back differs")
	}
	var top []string
	ents, err := fs.ReadDir(fsys, ".")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		top = append(top, e.Name())
	}
	if want := []string{"app", "shared"}; !reflect.DeepEqual(top, want) {
		t.Errorf("root lists %q, want %q", top, want)
	}
	for _, name := range []string{"app/unused.js", "../x", "/app/app.js", "app/./app.js"} {
		if _, err := fs.ReadFile(fsys, name); err == nil {
			t.Errorf("ReadFile(%q): no error", name)
		}
	}
	if _, err := fs.Stat(fsys, "app/nope"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Stat of a missing file: %v, want ErrNotExist", err)
	}
}

func TestFSAfterRead(t *testing.T) {
	// The native loader gets its FS from a bundle read back from the image.
	b, err := read(encode(t, mustCollect(t, "testdata/app/app.js")))
	if err != nil {
		t.Fatal(err)
	}
	if err := fstest.TestFS(b.FS(), appFiles...); err != nil {
		t.Fatal(err)
	}
}

func fileData(b *Bundle, p string) []byte {
	for _, f := range b.Files {
		if f.Path == p {
			return f.Data
		}
	}
	return nil
}

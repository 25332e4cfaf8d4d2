// Package e2e runs bundles through jsrt's loader. It is apart from package
// bundle so that bundle's own tests do not depend on all of jsrt building.
package e2e

import (
	"bytes"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/ebbnode/ebbnode/jsrt"
	"github.com/ebbnode/ebbnode/jsrt/bundle"
	ebbrt "github.com/ebbnode/ebbnode/runtime"
	"github.com/ebbnode/ebbnode/runtime/vfs"
)

// mount is the directory the test serves the bundle at: one that does not
// exist on the host, so every module the loader finds came from the bundle.
const mount = "/ebbnode-bundle-test"

// TestLoaderRunsFromBundle is the read side end to end: the app fixture is
// collected, written, read back and run by jsrt's loader with the bundle
// as its only file system. It must load the same modules node loads from
// the real files.
func TestLoaderRunsFromBundle(t *testing.T) {
	b, err := bundle.Collect("../testdata/app/app.js", nil)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := b.Write(&buf); err != nil {
		t.Fatal(err)
	}
	b, err = bundle.Read(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	ebb := ebbrt.New(ebbrt.Config{Cores: 1})
	defer ebb.Stop()
	if err := vfs.Install(ebb, bundleFS{b.FS()}); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	code, err := jsrt.Run(jsrt.Options{
		Script:  path.Join(mount, b.Entry),
		Env:     []string{"BUNDLE_TEST_CACHE=1"},
		Stdout:  &stdout,
		Stderr:  &stderr,
		Cwd:     mount,
		Runtime: ebb,
	})
	if err != nil || code != 0 {
		t.Fatalf("run from bundle: code %d, err %v, stderr:\n%s", code, err, stderr.String())
	}
	var got []string
	if err := json.Unmarshal(stdout.Bytes(), &got); err != nil {
		t.Fatalf("output %q: %v", stdout.String(), err)
	}
	sort.Strings(got)

	abs, err := filepath.Abs("../testdata/app/app.js")
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("node", abs)
	cmd.Env = append(os.Environ(), "BUNDLE_TEST_CACHE=1")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("node: %v", err)
	}
	var want []string
	if err := json.Unmarshal(out, &want); err != nil {
		t.Fatalf("node output %q: %v", out, err)
	}
	for i, w := range want {
		want[i] = mount + strings.TrimPrefix(w, b.Root)
	}
	sort.Strings(want)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("loaded from the bundle:\n%q\nnode loads:\n%q", got, want)
	}
}

// bundleFS is a read-only jsrt.FS serving an fs.FS at mount.
type bundleFS struct{ fsys fs.FS }

var errReadOnly = &fs.PathError{Op: "write", Err: syscall.EROFS}

func (b bundleFS) rel(name string) (string, error) {
	rel, ok := strings.CutPrefix(path.Clean(name), mount+"/")
	if !ok {
		if path.Clean(name) == mount {
			return ".", nil
		}
		return "", &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return rel, nil
}

func (b bundleFS) ReadFile(name string) ([]byte, error) {
	rel, err := b.rel(name)
	if err != nil {
		return nil, err
	}
	return fs.ReadFile(b.fsys, rel)
}

func (b bundleFS) Stat(name string) (fs.FileInfo, error) {
	rel, err := b.rel(name)
	if err != nil {
		return nil, err
	}
	return fs.Stat(b.fsys, rel)
}

func (b bundleFS) Lstat(name string) (fs.FileInfo, error) { return b.Stat(name) }

func (b bundleFS) ReadDir(name string) ([]fs.DirEntry, error) {
	rel, err := b.rel(name)
	if err != nil {
		return nil, err
	}
	return fs.ReadDir(b.fsys, rel)
}

func (b bundleFS) OpenFile(name string, flag int, perm fs.FileMode) (vfs.File, error) {
	return nil, errors.New("open: not needed by the loader")
}

func (bundleFS) WriteFile(string, []byte, bool, fs.FileMode) error { return errReadOnly }
func (bundleFS) Mkdir(string, bool, fs.FileMode) error             { return errReadOnly }
func (bundleFS) Truncate(string, int64) error                      { return errReadOnly }
func (bundleFS) Chmod(string, fs.FileMode) error                   { return errReadOnly }
func (bundleFS) Chtimes(string, time.Time, time.Time) error        { return errReadOnly }
func (bundleFS) Symlink(string, string) error                      { return errReadOnly }
func (bundleFS) Readlink(name string) (string, error) {
	return "", &fs.PathError{Op: "readlink", Path: name, Err: syscall.EINVAL}
}
func (bundleFS) Unlink(string) error         { return errReadOnly }
func (bundleFS) Rmdir(string) error          { return errReadOnly }
func (bundleFS) RemoveAll(string) error      { return errReadOnly }
func (bundleFS) Rename(string, string) error { return errReadOnly }

package vfs

import (
	"errors"
	"fmt"
	"io"
	"os"
	"syscall"
	"testing"
)

// errnoName is the errno an FS error carries, or "ok".
func errnoName(err error) string {
	if err == nil {
		return "ok"
	}
	var en syscall.Errno
	if errors.As(err, &en) {
		return fmt.Sprint(int(en))
	}
	return "no errno: " + err.Error()
}

// TestMemFSMatchesOS runs the same operations on a MemFS and on the
// host's file system (OSFS in a temporary directory at the same path)
// and wants the same results and errnos, as tmpfs would give.
func TestMemFSMatchesOS(t *testing.T) {
	root := t.TempDir()
	osfs, mem := FS(OSFS{}), FS(NewMemFS(root, 1<<20))
	p := func(s string) string { return root + s }
	ops := []struct {
		name string
		do   func(f FS) string
	}{
		{"mkdir a", func(f FS) string { return errnoName(f.Mkdir(p("/a"), false, 0o755)) }},
		{"mkdir a again", func(f FS) string { return errnoName(f.Mkdir(p("/a"), false, 0o755)) }},
		{"mkdir -p a/b/c", func(f FS) string { return errnoName(f.Mkdir(p("/a/b/c"), true, 0o755)) }},
		{"mkdir -p existing", func(f FS) string { return errnoName(f.Mkdir(p("/a/b"), true, 0o755)) }},
		{"mkdir missing parent", func(f FS) string { return errnoName(f.Mkdir(p("/x/y"), false, 0o755)) }},
		{"write a/f", func(f FS) string { return errnoName(f.WriteFile(p("/a/f"), []byte("hello"), false, 0o644)) }},
		{"append a/f", func(f FS) string { return errnoName(f.WriteFile(p("/a/f"), []byte(" world"), true, 0o644)) }},
		{"read a/f", func(f FS) string { b, err := f.ReadFile(p("/a/f")); return string(b) + errnoName(err) }},
		{"read dir", func(f FS) string { _, err := f.ReadFile(p("/a")); return errnoName(err) }},
		{"read missing", func(f FS) string { _, err := f.ReadFile(p("/nope")); return errnoName(err) }},
		{"read through file", func(f FS) string { _, err := f.ReadFile(p("/a/f/x")); return errnoName(err) }},
		{"file as dir", func(f FS) string { _, err := f.Stat(p("/a/f/")); return errnoName(err) }},
		{"mkdir under file", func(f FS) string { return errnoName(f.Mkdir(p("/a/f/d"), true, 0o755)) }},
		{"write over dir", func(f FS) string { return errnoName(f.WriteFile(p("/a/b"), nil, false, 0o644)) }},
		{"stat size", func(f FS) string {
			fi, err := f.Stat(p("/a/f"))
			return fmt.Sprint(fi.Size(), fi.IsDir(), fi.Mode()) + errnoName(err)
		}},
		{"readdir a", func(f FS) string {
			es, err := f.ReadDir(p("/a"))
			s := ""
			for _, e := range es {
				s += e.Name() + fmt.Sprint(e.IsDir()) + " "
			}
			return s + errnoName(err)
		}},
		{"readdir file", func(f FS) string { _, err := f.ReadDir(p("/a/f")); return errnoName(err) }},
		{"unlink dir", func(f FS) string { return errnoName(f.Unlink(p("/a/b"))) }},
		{"rmdir non-empty", func(f FS) string { return errnoName(f.Rmdir(p("/a/b"))) }},
		{"rmdir file", func(f FS) string { return errnoName(f.Rmdir(p("/a/f"))) }},
		{"rename file", func(f FS) string { return errnoName(f.Rename(p("/a/f"), p("/a/g"))) }},
		{"rename missing", func(f FS) string { return errnoName(f.Rename(p("/a/f"), p("/a/h"))) }},
		{"rename file over dir", func(f FS) string { return errnoName(f.Rename(p("/a/g"), p("/a/b"))) }},
		{"rename dir over file", func(f FS) string { return errnoName(f.Rename(p("/a/b"), p("/a/g"))) }},
		{"rename dir into itself", func(f FS) string { return errnoName(f.Rename(p("/a"), p("/a/b/z"))) }},
		{"open excl existing", func(f FS) string {
			_, err := f.OpenFile(p("/a/g"), os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o644)
			return errnoName(err)
		}},
		{"handle rw", func(f FS) string {
			h, err := f.OpenFile(p("/a/h"), os.O_CREATE|os.O_RDWR|os.O_TRUNC, 0o600)
			if err != nil {
				return errnoName(err)
			}
			defer h.Close()
			h.Write([]byte("abcdef"))
			h.WriteAt([]byte("XY"), 8)
			buf := make([]byte, 20)
			n, rerr := h.ReadAt(buf, 0)
			fi, _ := h.Stat()
			return fmt.Sprintf("%q %v %d", buf[:n], rerr == io.EOF, fi.Size())
		}},
		{"read-only handle write", func(f FS) string {
			h, err := f.OpenFile(p("/a/h"), os.O_RDONLY, 0)
			if err != nil {
				return errnoName(err)
			}
			defer h.Close()
			_, werr := h.Write([]byte("x"))
			return errnoName(werr)
		}},
		{"append handle", func(f FS) string {
			h, _ := f.OpenFile(p("/a/h"), os.O_WRONLY|os.O_APPEND, 0)
			h.Write([]byte("!"))
			h.Close()
			b, _ := f.ReadFile(p("/a/h"))
			return fmt.Sprintf("%q", b)
		}},
		{"truncate", func(f FS) string {
			err := f.Truncate(p("/a/h"), 3)
			b, _ := f.ReadFile(p("/a/h"))
			return string(b) + errnoName(err)
		}},
		{"symlink and follow", func(f FS) string {
			err := f.Symlink("g", p("/a/l"))
			b, rerr := f.ReadFile(p("/a/l"))
			target, _ := f.Readlink(p("/a/l"))
			fi, _ := f.Lstat(p("/a/l"))
			return errnoName(err) + string(b) + errnoName(rerr) + target + fmt.Sprint(fi.Mode()&os.ModeSymlink != 0)
		}},
		{"readlink file", func(f FS) string { _, err := f.Readlink(p("/a/g")); return errnoName(err) }},
		{"chmod", func(f FS) string {
			err := f.Chmod(p("/a/g"), 0o600)
			fi, _ := f.Stat(p("/a/g"))
			return errnoName(err) + fi.Mode().String()
		}},
		{"remove all", func(f FS) string { return errnoName(f.RemoveAll(p("/a"))) }},
		{"remove all missing", func(f FS) string { return errnoName(f.RemoveAll(p("/a"))) }},
		{"stat gone", func(f FS) string { _, err := f.Stat(p("/a")); return errnoName(err) }},
	}
	for _, op := range ops {
		want, got := op.do(osfs), op.do(mem)
		if got != want {
			t.Errorf("%s: MemFS %q, host %q", op.name, got, want)
		}
	}
	if u := mem.(*MemFS).Used(); u != 0 {
		t.Errorf("after removing everything, %d bytes are still counted", u)
	}
}

// TestMemFSBudget: file data past the limit fails with ENOSPC, and
// removing files gives the room back.
func TestMemFSBudget(t *testing.T) {
	m := NewMemFS("/tmp", 100)
	if err := m.WriteFile("/tmp/a", make([]byte, 80), false, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := m.WriteFile("/tmp/b", make([]byte, 30), false, 0o644); !errors.Is(err, syscall.ENOSPC) {
		t.Fatalf("over the budget: %v, want ENOSPC", err)
	}
	h, err := m.OpenFile("/tmp/c", os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := h.Write(make([]byte, 21)); !errors.Is(err, syscall.ENOSPC) {
		t.Fatalf("handle write over the budget: %v, want ENOSPC", err)
	}
	if err := m.Unlink("/tmp/a"); err != nil {
		t.Fatal(err)
	}
	if err := m.WriteFile("/tmp/b", make([]byte, 30), false, 0o644); err != nil {
		t.Fatalf("after unlink: %v", err)
	}
	if _, err := m.Stat("/etc/passwd"); !errors.Is(err, syscall.ENOENT) {
		t.Fatalf("outside the root: %v, want ENOENT", err)
	}
}

// TestMountRoutes: paths under the mount point go to the upper FS except
// kept subtrees; renames across are EXDEV.
func TestMountRoutes(t *testing.T) {
	host := t.TempDir()
	mem := NewMemFS("/tmp", 1<<20)
	m := NewMount(OSFS{}, "/tmp", mem, []string{host})
	if m.pick("/tmp/x") != FS(mem) || m.pick("/tmp") != FS(mem) || m.pick("/tmpx") == FS(mem) {
		t.Fatal("routing of /tmp paths is wrong")
	}
	if m.pick(host+"/f") == FS(mem) {
		t.Fatal("a kept (granted) directory under /tmp went to memory")
	}
	if err := m.WriteFile("/tmp/x", []byte("1"), false, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := m.Rename("/tmp/x", host+"/x"); !errors.Is(err, syscall.EXDEV) {
		t.Fatalf("rename across: %v, want EXDEV", err)
	}
}

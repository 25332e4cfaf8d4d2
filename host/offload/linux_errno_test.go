package offload

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestLinuxErrnos pins the answers where Go's os package differs from the
// system calls node makes: the guest must see what Linux would say.
func TestLinuxErrnos(t *testing.T) {
	base := t.TempDir()
	rw, ro := filepath.Join(base, "rw"), filepath.Join(base, "ro")
	writeHostFile(t, rw, "f", "x")
	writeHostFile(t, rw, "full/x", "")
	writeHostFile(t, ro, "r", "r")
	for _, d := range []string{"rw/d", "rw/empty", "ro/dir"} {
		if err := os.Mkdir(filepath.Join(base, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	s := startSession(t, Config{Mounts: []Mount{{Host: rw, Guest: "/app"}, {Host: ro, Guest: "/ro", ReadOnly: true}}})
	c := s.c
	exists := func(p string) bool { _, err := os.Lstat(filepath.Join(rw, p)); return err == nil }

	// The empty path names nothing (open("") is ENOENT).
	wantErrno(t, "ReadFile empty", errOf(c.ReadFile("")), syscall.ENOENT)
	wantErrno(t, "Stat empty", errOf(c.Stat("")), syscall.ENOENT)
	wantErrno(t, "Mkdir empty", c.Mkdir("", false, 0o755), syscall.ENOENT)
	wantErrno(t, "WriteFile empty", c.WriteFile("", []byte("x"), false, 0o644), syscall.ENOENT)

	// Creating through a trailing slash is EISDIR, opening without
	// O_CREAT ENOTDIR; a missing parent is still ENOENT.
	wantErrno(t, "WriteFile f/", c.WriteFile("/app/f/", []byte("y"), false, 0o644), syscall.EISDIR)
	wantErrno(t, "WriteFile new/", c.WriteFile("/app/new/", []byte("y"), false, 0o644), syscall.EISDIR)
	wantErrno(t, "Open f/ O_CREAT", errOf(c.Open("/app/f/", os.O_WRONLY|os.O_CREATE, 0o644)), syscall.EISDIR)
	wantErrno(t, "Open f/ read", errOf(c.Open("/app/f/", os.O_RDONLY, 0)), syscall.ENOTDIR)
	wantErrno(t, "WriteFile nodir/x/", c.WriteFile("/app/nodir/x/", []byte("y"), false, 0o644), syscall.ENOENT)
	if b, _ := os.ReadFile(filepath.Join(rw, "f")); string(b) != "x" || exists("new") {
		t.Errorf("after trailing-slash writes: f = %q, new exists %v", b, exists("new"))
	}

	// rename(2): a file over a directory EISDIR, a directory over a file
	// ENOTDIR, over a non-empty directory ENOTEMPTY, over an empty one it
	// replaces it.
	wantErrno(t, "Rename file over dir", c.Rename("/app/f", "/app/d"), syscall.EISDIR)
	wantErrno(t, "Rename dir over file", c.Rename("/app/d", "/app/f"), syscall.ENOTDIR)
	wantErrno(t, "Rename dir over full", c.Rename("/app/d", "/app/full"), syscall.ENOTEMPTY)
	if err := c.Rename("/app/d", "/app/empty"); err != nil || exists("d") || !exists("empty") {
		t.Errorf("Rename dir over empty dir: %v (d exists %v, empty exists %v)", err, exists("d"), exists("empty"))
	}
	wantErrno(t, "Rename f/", c.Rename("/app/f/", "/app/g"), syscall.ENOTDIR)
	wantErrno(t, "Rename mount root", c.Rename("/app", "/app/x"), syscall.EBUSY)

	// Between grants it is EXDEV whichever is read-only, as between file
	// systems; within a read-only grant EROFS.
	wantErrno(t, "Rename ro to rw", c.Rename("/ro/r", "/app/r"), syscall.EXDEV)
	wantErrno(t, "Rename rw to ro", c.Rename("/app/f", "/ro/f"), syscall.EXDEV)
	wantErrno(t, "Rename within ro", c.Rename("/ro/r", "/ro/s"), syscall.EROFS)

	// mkdir of an existing directory on a read-only grant: EEXIST (the
	// name exists), and recursively it is no change at all.
	wantErrno(t, "Mkdir ro existing", c.Mkdir("/ro/dir", false, 0o755), syscall.EEXIST)
	if err := c.Mkdir("/ro/dir", true, 0o755); err != nil {
		t.Errorf("Mkdir all of an existing dir on a read-only grant: %v", err)
	}
	wantErrno(t, "Mkdir all ro new", c.Mkdir("/ro/dir/new", true, 0o755), syscall.EROFS)
	s.exit(0)
}

func errOf[T any](_ T, err error) error { return err }

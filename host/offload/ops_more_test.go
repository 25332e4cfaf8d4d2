package offload

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// TestMetadataOps covers Truncate, Chmod, Chtimes, Symlink and Readlink
// within grants: the effect on the host file, EROFS on a read-only grant,
// EACCES for paths and link targets that leave a grant.
func TestMetadataOps(t *testing.T) {
	base := t.TempDir()
	rw, ro := filepath.Join(base, "rw"), filepath.Join(base, "ro")
	writeHostFile(t, rw, "a.txt", "0123456789")
	writeHostFile(t, rw, "sub/b.txt", "b")
	writeHostFile(t, ro, "r.txt", "r")
	writeHostFile(t, base, "outside", "secret")
	if err := os.Symlink("../outside", filepath.Join(rw, "out")); err != nil {
		t.Fatal(err)
	}
	roBefore := snapshot(t, ro)
	s := startSession(t, Config{Mounts: []Mount{{Host: rw, Guest: "/app"}, {Host: ro, Guest: "/ro", ReadOnly: true}}})
	c := s.c
	host := func(n string) string { return filepath.Join(rw, n) }

	// Truncate shrinks and grows.
	if err := c.Truncate("/app/a.txt", 4); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(host("a.txt")); string(b) != "0123" {
		t.Errorf("after Truncate(4): %q", b)
	}
	if err := c.Truncate("/app/a.txt", 6); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(host("a.txt")); string(b) != "0123\x00\x00" {
		t.Errorf("after Truncate(6): %q", b)
	}
	wantErrno(t, "Truncate ro", c.Truncate("/ro/r.txt", 0), syscall.EROFS)
	wantErrno(t, "Truncate escape", c.Truncate("/app/out", 0), syscall.EACCES)
	wantErrno(t, "Truncate missing", c.Truncate("/app/none", 0), syscall.ENOENT)
	wantErrno(t, "Truncate dir", c.Truncate("/app/sub", 0), syscall.EISDIR)
	wantErrno(t, "Truncate negative", c.Truncate("/app/a.txt", -1), syscall.EINVAL)

	// Chmod and Chtimes.
	if err := c.Chmod("/app/a.txt", 0o600); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Stat(host("a.txt")); fi.Mode().Perm() != 0o600 {
		t.Errorf("mode after Chmod: %v", fi.Mode())
	}
	wantErrno(t, "Chmod ro", c.Chmod("/ro/r.txt", 0o777), syscall.EROFS)
	wantErrno(t, "Chmod escape", c.Chmod("/app/out", 0o777), syscall.EACCES)
	mtime := time.Date(2001, 2, 3, 4, 5, 6, 7000, time.UTC)
	if err := c.Chtimes("/app/a.txt", mtime.Add(time.Hour), mtime); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Stat(host("a.txt")); !fi.ModTime().Equal(mtime) {
		t.Errorf("mtime after Chtimes: %v, want %v", fi.ModTime(), mtime)
	}
	wantErrno(t, "Chtimes ro", c.Chtimes("/ro/r.txt", mtime, mtime), syscall.EROFS)
	wantErrno(t, "Chtimes escape", c.Chtimes("/app/out", mtime, mtime), syscall.EACCES)

	// Symlink: relative targets kept, absolute ones inside the grant made
	// relative, escapes refused.
	if err := c.Symlink("a.txt", "/app/l1"); err != nil {
		t.Fatal(err)
	}
	if err := c.Symlink("/app/sub/b.txt", "/app/l2"); err != nil {
		t.Fatal(err)
	}
	if got, err := c.Readlink("/app/l1"); err != nil || got != "a.txt" {
		t.Errorf("Readlink l1 = %q, %v", got, err)
	}
	if got, err := os.Readlink(host("l2")); err != nil || got != "sub/b.txt" {
		t.Errorf("host link l2 = %q, %v; want sub/b.txt", got, err)
	}
	if b, err := c.ReadFile("/app/l2"); err != nil || string(b) != "b" {
		t.Errorf("read through l2 = %q, %v", b, err)
	}
	if err := c.Symlink("/app/a.txt", "/app/sub/l3"); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.Readlink(host("sub/l3")); got != "../a.txt" {
		t.Errorf("host link sub/l3 = %q, want ../a.txt", got)
	}
	wantErrno(t, "Symlink existing", c.Symlink("a.txt", "/app/l1"), syscall.EEXIST)
	wantErrno(t, "Symlink climbing out", c.Symlink("../outside", "/app/l4"), syscall.EACCES)
	wantErrno(t, "Symlink to another grant", c.Symlink("/ro/r.txt", "/app/l5"), syscall.EACCES)
	wantErrno(t, "Symlink to no grant", c.Symlink("/etc/passwd", "/app/l6"), syscall.EACCES)
	wantErrno(t, "Symlink in ro", c.Symlink("r.txt", "/ro/l"), syscall.EROFS)
	wantErrno(t, "Symlink outside grants", c.Symlink("x", "/nowhere/l"), syscall.ENOENT)
	for _, n := range []string{"l4", "l5", "l6"} {
		if _, err := os.Lstat(host(n)); !os.IsNotExist(err) {
			t.Errorf("refused link %s exists on the host", n)
		}
	}
	_, err := c.Readlink("/app/a.txt")
	wantErrno(t, "Readlink file", err, syscall.EINVAL)
	_, err = c.Readlink("/app/none")
	wantErrno(t, "Readlink missing", err, syscall.ENOENT)

	if !sameSnapshot(roBefore, snapshot(t, ro)) {
		t.Error("the read-only grant changed")
	}
	if b, _ := os.ReadFile(filepath.Join(base, "outside")); string(b) != "secret" {
		t.Error("the file outside the grants changed")
	}
	s.exit(0)
}

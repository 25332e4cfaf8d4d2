package offload

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// confineSetup builds
//
//	base/outside/secret.txt        never reachable
//	base/grant/                    mounted read-write at /app
//	base/grant/a.txt
//	base/grant/etc -> /etc         absolute link out
//	base/grant/up -> ../outside    relative link out (a directory)
//	base/grant/secret -> ../outside/secret.txt
//	base/grant/inside -> a.txt     link that stays inside
//	base/ro/r.txt                  mounted read-only at /ro
//	base/other/                    mounted read-write at /other
func confineSetup(t *testing.T) (s *session, base string) {
	t.Helper()
	base = t.TempDir()
	writeHostFile(t, base, "outside/secret.txt", "secret")
	writeHostFile(t, base, "grant/a.txt", "a")
	writeHostFile(t, base, "ro/r.txt", "r")
	os.Mkdir(filepath.Join(base, "other"), 0o755)
	for link, target := range map[string]string{
		"grant/etc":    "/etc",
		"grant/up":     "../outside",
		"grant/secret": "../outside/secret.txt",
		"grant/inside": "a.txt",
	} {
		if err := os.Symlink(target, filepath.Join(base, link)); err != nil {
			t.Fatal(err)
		}
	}
	s = startSession(t, Config{Mounts: []Mount{
		{Host: filepath.Join(base, "grant"), Guest: "/app"},
		{Host: filepath.Join(base, "ro"), Guest: "/ro", ReadOnly: true},
		{Host: filepath.Join(base, "other"), Guest: "/other"},
	}})
	return s, base
}

// TestConfinement tries every way out of the mounts and checks the errno
// and that nothing outside (or in the read-only mount) changed.
func TestConfinement(t *testing.T) {
	s, base := confineSetup(t)
	c := s.c
	outside := filepath.Join(base, "outside")
	before := snapshot(t, outside)
	roBefore := snapshot(t, filepath.Join(base, "ro"))
	etcBefore := snapshot(t, "/etc/hostname")

	read := func(p string) error { _, err := c.ReadFile(p); return err }
	write := func(p string) error { return c.WriteFile(p, []byte("pwned"), false, 0o644) }
	tests := []struct {
		name string
		err  error
		want syscall.Errno
	}{
		// Lexical escapes end outside every mount: nothing there exists.
		{"read ../../etc/passwd", read("/app/../../etc/passwd"), syscall.ENOENT},
		{"read /app/../outside", read("/app/../outside/secret.txt"), syscall.ENOENT},
		{"read absolute outside", read("/etc/passwd"), syscall.ENOENT},
		{"read parent of mount", read("/"), syscall.ENOENT},
		{"write absolute outside", write("/tmp/pwned"), syscall.ENOENT},
		{"relative path", read("app/a.txt"), syscall.EINVAL},
		{"NUL in path", read("/app/a.txt\x00x"), syscall.EINVAL},
		// Symbolic links that leave the mount are refused.
		{"read via absolute dir link", read("/app/etc/passwd"), syscall.EACCES},
		{"stat absolute dir link", statErr(c.Stat("/app/etc")), syscall.EACCES},
		{"readdir absolute dir link", dirErr(c.ReadDir("/app/etc")), syscall.EACCES},
		{"read via relative dir link", read("/app/up/secret.txt"), syscall.EACCES},
		{"read file link", read("/app/secret"), syscall.EACCES},
		{"write through file link", write("/app/secret"), syscall.EACCES},
		{"write via dir link", write("/app/up/new.txt"), syscall.EACCES},
		{"mkdir via dir link", c.Mkdir("/app/up/newdir", true, 0o755), syscall.EACCES},
		{"unlink via dir link", c.Unlink("/app/up/secret.txt"), syscall.EACCES},
		{"remove all via dir link", c.Remove("/app/up/secret.txt", true), syscall.EACCES},
		{"open via dir link", fileErr(c.Open("/app/up/secret.txt", os.O_RDONLY, 0)), syscall.EACCES},
		{"rename out via dir link", c.Rename("/app/a.txt", "/app/up/a.txt"), syscall.EACCES},
		{"rename in via dir link", c.Rename("/app/up/secret.txt", "/app/stolen"), syscall.EACCES},
		{"rename out of mounts", c.Rename("/app/a.txt", "/tmp/a.txt"), syscall.ENOENT},
		{"rename to another mount", c.Rename("/app/a.txt", "/other/a.txt"), syscall.EXDEV},
		// Read-only mount.
		{"ro write", write("/ro/r.txt"), syscall.EROFS},
		{"ro create", write("/ro/new"), syscall.EROFS},
		{"ro mkdir", c.Mkdir("/ro/d", false, 0o755), syscall.EROFS},
		{"ro remove", c.Remove("/ro/r.txt", false), syscall.EROFS},
		{"ro remove all", c.Remove("/ro", true), syscall.EROFS},
		{"ro rename", c.Rename("/ro/r.txt", "/ro/s.txt"), syscall.EROFS},
		{"rename into ro", c.Rename("/app/a.txt", "/ro/a.txt"), syscall.EXDEV},
		{"ro open for write", fileErr(c.Open("/ro/r.txt", os.O_WRONLY, 0)), syscall.EROFS},
		{"ro open create", fileErr(c.Open("/ro/n", os.O_RDONLY|os.O_CREATE, 0o644)), syscall.EROFS},
		// The mounts themselves cannot be removed or moved.
		{"remove mount root", c.Remove("/app", true), syscall.EBUSY},
		{"rmdir mount root", c.Rmdir("/other"), syscall.EBUSY},
		{"rename mount root", c.Rename("/other", "/other/x"), syscall.EBUSY},
	}
	for _, tc := range tests {
		wantErrno(t, tc.name, tc.err, tc.want)
	}

	// What stays inside works.
	if b, err := c.ReadFile("/app/inside"); err != nil || string(b) != "a" {
		t.Errorf("read inside link = %q, %v", b, err)
	}
	if b, err := c.ReadFile("/ro/r.txt"); err != nil || string(b) != "r" {
		t.Errorf("read ro file = %q, %v", b, err)
	}
	if b, err := c.ReadFile("/app/x/../a.txt"); err != nil || string(b) != "a" {
		t.Errorf("read /app/x/../a.txt = %q, %v", b, err)
	}
	// rm -r of a link to outside removes the link, not what it points to.
	if err := c.Remove("/app/up", true); err != nil {
		t.Errorf("remove link up: %v", err)
	}
	if _, err := os.Lstat(filepath.Join(base, "grant/up")); !os.IsNotExist(err) {
		t.Errorf("link up still there: %v", err)
	}
	if err := c.Unlink("/app/secret"); err != nil {
		t.Errorf("unlink link secret: %v", err)
	}
	s.exit(0)

	if after := snapshot(t, outside); !sameSnapshot(before, after) {
		t.Errorf("outside changed:\nbefore %v\nafter  %v", before, after)
	}
	if after := snapshot(t, filepath.Join(base, "ro")); !sameSnapshot(roBefore, after) {
		t.Errorf("read-only mount changed:\nbefore %v\nafter  %v", roBefore, after)
	}
	if after := snapshot(t, "/etc/hostname"); !sameSnapshot(etcBefore, after) {
		t.Errorf("/etc/hostname changed")
	}
	if _, err := os.Lstat("/tmp/pwned"); err == nil {
		t.Errorf("/tmp/pwned was created")
	}
	for _, p := range []string{"grant/a.txt", "other/a.txt", "grant/stolen"} {
		_, err := os.Lstat(filepath.Join(base, p))
		if want := p == "grant/a.txt"; (err == nil) != want {
			t.Errorf("%s exists = %v, want %v", p, err == nil, want)
		}
	}
}

// TestSymlinkCreatedLater checks a link created on the host after the
// session started (no caching of resolved paths).
func TestSymlinkCreatedLater(t *testing.T) {
	s, base := confineSetup(t)
	if b, err := s.c.ReadFile("/app/a.txt"); err != nil || string(b) != "a" {
		t.Fatalf("read a.txt = %q, %v", b, err)
	}
	os.Remove(filepath.Join(base, "grant/a.txt"))
	if err := os.Symlink("../outside/secret.txt", filepath.Join(base, "grant/a.txt")); err != nil {
		t.Fatal(err)
	}
	_, err := s.c.ReadFile("/app/a.txt")
	wantErrno(t, "read a.txt swapped for a link out", err, syscall.EACCES)
	s.exit(0)
}

func statErr(_ any, err error) error { return err }
func dirErr(_ any, err error) error  { return err }
func fileErr(_ any, err error) error { return err }

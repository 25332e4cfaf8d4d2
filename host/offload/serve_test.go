package offload

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/ebbnode/ebbnode/runtime/messenger"
)

func TestArgsEnvExit(t *testing.T) {
	dir := t.TempDir()
	cfg := Config{Args: []string{"ebbnode", "app.js", "a b", ""}, Env: []string{"HOME=/root", "X="}, Cwd: "/work/app",
		Mounts: []Mount{{Host: dir, Guest: "/tmp/data"}}}
	s := startSession(t, cfg)
	args, env, err := s.c.Args()
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(args, cfg.Args) || !reflect.DeepEqual(env, cfg.Env) {
		t.Fatalf("Args() = %q, %q; want %q, %q", args, env, cfg.Args, cfg.Env)
	}
	if cwd, err := s.c.Cwd(); cwd != cfg.Cwd || err != nil {
		t.Fatalf("Cwd() = %q, %v; want %q", cwd, err, cfg.Cwd)
	}
	// The guest learns the grants' guest paths (so its /tmp leaves them be).
	if m, err := s.c.Mounts(); !reflect.DeepEqual(m, []string{"/tmp/data"}) || err != nil {
		t.Fatalf("Mounts() = %q, %v; want [/tmp/data]", m, err)
	}
	if r := s.exit(7); r.code != 7 || r.err != nil {
		t.Fatalf("Serve = %d, %v; want 7, nil", r.code, r.err)
	}
	// The session is over: later calls fail instead of hanging.
	if _, _, err := s.c.Args(); err == nil {
		t.Fatal("Args after Exit succeeded")
	}
}

func TestNegativeExitStatus(t *testing.T) {
	s := startSession(t, Config{})
	if r := s.exit(-1); r.code != -1 || r.err != nil {
		t.Fatalf("Serve = %d, %v; want -1, nil", r.code, r.err)
	}
}

// TestStdioByteExact writes binary data, a write several frames long, and
// interleaved stdout/stderr writes, and checks every byte and the order
// across both streams.
func TestStdioByteExact(t *testing.T) {
	var stdout, stderr, both syncBuffer
	s := startSession(t, Config{Stdout: io.MultiWriter(&stdout, &both), Stderr: io.MultiWriter(&stderr, &both)})

	all := make([]byte, 256)
	for i := range all {
		all[i] = byte(i)
	}
	big := make([]byte, 3*messenger.ChunkSize+12345)
	rand.New(rand.NewSource(1)).Read(big)

	var wantOut, wantErr, wantBoth bytes.Buffer
	write := func(w io.Writer, b []byte, want *bytes.Buffer) {
		t.Helper()
		n, err := w.Write(b)
		if n != len(b) || err != nil {
			t.Fatalf("Write(%d bytes) = %d, %v", len(b), n, err)
		}
		want.Write(b)
		wantBoth.Write(b)
	}
	write(s.c.Stdout(), all, &wantOut)
	write(s.c.Stderr(), []byte("err\x00\xff\n"), &wantErr)
	write(s.c.Stdout(), big, &wantOut)
	write(s.c.Stdout(), nil, &wantOut)
	for i := 0; i < 50; i++ {
		write(s.c.Stdout(), []byte(fmt.Sprintf("out %d\n", i)), &wantOut)
		write(s.c.Stderr(), []byte(fmt.Sprintf("err %d\n", i)), &wantErr)
	}
	if r := s.exit(0); r.err != nil {
		t.Fatal(r.err)
	}
	if !bytes.Equal(stdout.Bytes(), wantOut.Bytes()) {
		t.Errorf("stdout: got %d bytes, want %d, equal=false", len(stdout.Bytes()), wantOut.Len())
	}
	if !bytes.Equal(stderr.Bytes(), wantErr.Bytes()) {
		t.Errorf("stderr: got %q, want %q", stderr.Bytes(), wantErr.Bytes())
	}
	if !bytes.Equal(both.Bytes(), wantBoth.Bytes()) {
		t.Errorf("stdout and stderr together are out of order")
	}
}

// failWriter fails every write.
type failWriter struct{ err error }

func (w failWriter) Write([]byte) (int, error) { return 0, w.err }

func TestStdoutWriteError(t *testing.T) {
	s := startSession(t, Config{Stdout: failWriter{syscall.EPIPE}})
	_, err := s.c.Stdout().Write([]byte("x"))
	if !errors.Is(err, syscall.EPIPE) {
		t.Fatalf("Write = %v, want EPIPE", err)
	}
	s.exit(0)
}

func TestStdin(t *testing.T) {
	in := make([]byte, 2*messenger.ChunkSize+777)
	rand.New(rand.NewSource(2)).Read(in)
	s := startSession(t, Config{Stdin: bytes.NewReader(in)})
	got, err := io.ReadAll(s.c.Stdin())
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, in) {
		t.Fatalf("stdin: read %d bytes, want %d (equal=false)", len(got), len(in))
	}
	// EOF sticks.
	if n, err := s.c.Stdin().Read(make([]byte, 10)); n != 0 || err != io.EOF {
		t.Fatalf("Read after EOF = %d, %v; want 0, EOF", n, err)
	}
	s.exit(0)
}

func TestStdinNil(t *testing.T) {
	s := startSession(t, Config{})
	if n, err := s.c.Stdin().Read(make([]byte, 10)); n != 0 || err != io.EOF {
		t.Fatalf("Read of nil stdin = %d, %v; want 0, EOF", n, err)
	}
	s.exit(0)
}

// TestStdinDoesNotBlockOthers checks that a stdin read waiting for input
// does not hold up other requests.
func TestStdinDoesNotBlockOthers(t *testing.T) {
	pr, pw := io.Pipe()
	defer pw.Close()
	var out syncBuffer
	in := &signalReader{r: pr, reading: make(chan struct{})}
	s := startSession(t, Config{Stdin: in, Stdout: &out})
	got := make(chan string, 1)
	go func() {
		b := make([]byte, 10)
		n, _ := s.c.Stdin().Read(b)
		got <- string(b[:n])
	}()
	<-in.reading // the host is now blocked reading its stdin
	if _, err := s.c.Stdout().Write([]byte("prompt> ")); err != nil {
		t.Fatal(err)
	}
	if _, err := pw.Write([]byte("answer")); err != nil {
		t.Fatal(err)
	}
	if g := <-got; g != "answer" {
		t.Fatalf("stdin read %q, want %q", g, "answer")
	}
	s.exit(0)
	if string(out.Bytes()) != "prompt> " {
		t.Fatalf("stdout %q", out.Bytes())
	}
}

// signalReader closes reading when its first Read starts.
type signalReader struct {
	r       io.Reader
	once    sync.Once
	reading chan struct{}
}

func (s *signalReader) Read(p []byte) (int, error) {
	s.once.Do(func() { close(s.reading) })
	return s.r.Read(p)
}

// fileSession mounts a fresh directory at /app.
func fileSession(t *testing.T) (*session, string) {
	dir := t.TempDir()
	return startSession(t, Config{Mounts: []Mount{{Host: dir, Guest: "/app"}}}), dir
}

func TestReadWriteFile(t *testing.T) {
	s, dir := fileSession(t)
	c := s.c
	if err := c.WriteFile("/app/a.txt", []byte("hello"), false, 0o640); err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(filepath.Join(dir, "a.txt")); err != nil || string(b) != "hello" {
		t.Fatalf("host file = %q, %v", b, err)
	}
	if fi, _ := os.Stat(filepath.Join(dir, "a.txt")); fi.Mode().Perm() != 0o640&^umask() {
		t.Errorf("host file mode %v, want %v", fi.Mode().Perm(), fs.FileMode(0o640&^umask()))
	}
	if err := c.WriteFile("/app/a.txt", []byte(" world"), true, 0o600); err != nil {
		t.Fatal(err)
	}
	if b, err := c.ReadFile("/app/a.txt"); err != nil || string(b) != "hello world" {
		t.Fatalf("ReadFile after append = %q, %v", b, err)
	}
	if err := c.WriteFile("/app/a.txt", []byte("new"), false, 0o600); err != nil {
		t.Fatal(err)
	}
	if b, _ := c.ReadFile("/app/a.txt"); string(b) != "new" {
		t.Fatalf("ReadFile after truncate = %q", b)
	}
	// Empty and binary files.
	if err := c.WriteFile("/app/empty", nil, false, 0o644); err != nil {
		t.Fatal(err)
	}
	if b, err := c.ReadFile("/app/empty"); err != nil || len(b) != 0 {
		t.Fatalf("empty file = %q, %v", b, err)
	}
	// A file longer than a frame, both ways.
	big := make([]byte, 3*messenger.MaxPayload+5)
	rand.New(rand.NewSource(3)).Read(big)
	if err := c.WriteFile("/app/big.bin", big, false, 0o644); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "big.bin")); !bytes.Equal(b, big) {
		t.Fatal("big file on host differs")
	}
	if b, err := c.ReadFile("/app/big.bin"); err != nil || !bytes.Equal(b, big) {
		t.Fatalf("ReadFile(big) = %d bytes, %v", len(b), err)
	}

	_, err := c.ReadFile("/app/missing")
	wantErrno(t, "ReadFile missing", err, syscall.ENOENT)
	var pe *fs.PathError
	if !errors.As(err, &pe) || pe.Op != "open" || pe.Path != "/app/missing" {
		t.Errorf("ReadFile missing: %#v, want PathError{open /app/missing}", err)
	}
	if got := err.Error(); got != "open /app/missing: no such file or directory" {
		t.Errorf("error text %q", got)
	}
	_, err = c.ReadFile("/app")
	wantErrno(t, "ReadFile dir", err, syscall.EISDIR)
	err = c.WriteFile("/app/nodir/x", nil, false, 0o644)
	wantErrno(t, "WriteFile in missing dir", err, syscall.ENOENT)
	err = c.WriteFile("/app/a.txt/x", nil, false, 0o644)
	wantErrno(t, "WriteFile under a file", err, syscall.ENOTDIR)
	_, err = c.ReadFile("/app/a.txt/")
	wantErrno(t, "ReadFile file/", err, syscall.ENOTDIR)
	s.exit(0)
}

func umask() fs.FileMode {
	m := syscall.Umask(0)
	syscall.Umask(m)
	return fs.FileMode(m)
}

func TestStat(t *testing.T) {
	s, dir := fileSession(t)
	writeHostFile(t, dir, "f.txt", "12345")
	mtime := time.Date(2020, 1, 2, 3, 4, 5, 600_000_000, time.UTC)
	if err := os.Chtimes(filepath.Join(dir, "f.txt"), mtime, mtime); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("f.txt", filepath.Join(dir, "link")); err != nil {
		t.Fatal(err)
	}
	fi, err := s.c.Stat("/app/f.txt")
	if err != nil {
		t.Fatal(err)
	}
	host, _ := os.Stat(filepath.Join(dir, "f.txt"))
	if fi.Name() != "f.txt" || fi.Size() != 5 || fi.IsDir() || fi.Mode() != host.Mode() || !fi.ModTime().Equal(mtime) {
		t.Errorf("Stat = %s %d %v %v %v; want f.txt 5 false %v %v", fi.Name(), fi.Size(), fi.IsDir(), fi.Mode(), fi.ModTime(), host.Mode(), mtime)
	}
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		hst := host.Sys().(*syscall.Stat_t)
		if st.Ino != hst.Ino || st.Mode != hst.Mode || st.Mtim != hst.Mtim {
			t.Errorf("Sys() = ino %d mode %o, want ino %d mode %o", st.Ino, st.Mode, hst.Ino, hst.Mode)
		}
	}
	if fi, err := s.c.Stat("/app"); err != nil || !fi.IsDir() || !fi.Mode().IsDir() {
		t.Errorf("Stat(/app) = %v, %v; want a directory", fi, err)
	}
	if fi, err := s.c.Stat("/app/link"); err != nil || !fi.Mode().IsRegular() || fi.Size() != 5 {
		t.Errorf("Stat(link) = %v, %v; want the regular file", fi, err)
	}
	if fi, err := s.c.Lstat("/app/link"); err != nil || fi.Mode()&fs.ModeSymlink == 0 {
		t.Errorf("Lstat(link) = %v, %v; want a symlink", fi, err)
	}
	_, err = s.c.Stat("/app/nope")
	wantErrno(t, "Stat missing", err, syscall.ENOENT)
	s.exit(0)
}

func TestReadDir(t *testing.T) {
	s, dir := fileSession(t)
	writeHostFile(t, dir, "d/b.txt", "")
	writeHostFile(t, dir, "d/a.txt", "")
	os.Mkdir(filepath.Join(dir, "d", "sub"), 0o755)
	os.Symlink("a.txt", filepath.Join(dir, "d", "ln"))
	ents, err := s.c.ReadDir("/app/d")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range ents {
		got = append(got, fmt.Sprintf("%s:%v:%v", e.Name(), e.IsDir(), e.Type()))
	}
	want := []string{"a.txt:false:----------", "b.txt:false:----------", "ln:false:L---------", "sub:true:d---------"}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("ReadDir = %q, want %q", got, want)
	}
	if info, err := ents[2].Info(); err != nil || info.Mode()&fs.ModeSymlink == 0 {
		t.Errorf("Info(ln) = %v, %v; want a symlink", info, err)
	}
	_, err = s.c.ReadDir("/app/d/a.txt")
	wantErrno(t, "ReadDir of a file", err, syscall.ENOTDIR)
	_, err = s.c.ReadDir("/app/none")
	wantErrno(t, "ReadDir missing", err, syscall.ENOENT)
	s.exit(0)
}

func TestMkdirRemoveRename(t *testing.T) {
	s, dir := fileSession(t)
	c := s.c
	host := func(p string) string { return filepath.Join(dir, p) }
	exists := func(p string) bool { _, err := os.Lstat(host(p)); return err == nil }

	wantErrno(t, "Mkdir without parent", c.Mkdir("/app/x/y", false, 0o755), syscall.ENOENT)
	if err := c.Mkdir("/app/x/y/z", true, 0o750); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(host("x/y/z")); err != nil || !fi.IsDir() || fi.Mode().Perm() != 0o750&^umask() {
		t.Fatalf("host x/y/z = %v, %v", fi, err)
	}
	if err := c.Mkdir("/app/x/y/z", true, 0o755); err != nil {
		t.Errorf("Mkdir all of an existing dir: %v", err)
	}
	wantErrno(t, "Mkdir existing", c.Mkdir("/app/x", false, 0o755), syscall.EEXIST)

	writeHostFile(t, dir, "x/f", "f")
	wantErrno(t, "Remove non-empty dir", c.Remove("/app/x", false), syscall.ENOTEMPTY)
	wantErrno(t, "Rmdir non-empty", c.Rmdir("/app/x/y"), syscall.ENOTEMPTY)
	wantErrno(t, "Unlink dir", c.Unlink("/app/x/y/z"), syscall.EISDIR)
	wantErrno(t, "Rmdir file", c.Rmdir("/app/x/f"), syscall.ENOTDIR)
	wantErrno(t, "Unlink missing", c.Unlink("/app/nope"), syscall.ENOENT)
	if err := c.Rmdir("/app/x/y/z"); err != nil || exists("x/y/z") {
		t.Fatalf("Rmdir: %v (still exists: %v)", err, exists("x/y/z"))
	}
	if err := c.Unlink("/app/x/f"); err != nil || exists("x/f") {
		t.Fatalf("Unlink: %v", err)
	}
	writeHostFile(t, dir, "x/y/deep/file", "")
	if err := c.Remove("/app/x", true); err != nil || exists("x") {
		t.Fatalf("Remove all: %v (still exists: %v)", err, exists("x"))
	}
	if err := c.Remove("/app/x", true); err != nil {
		t.Fatalf("Remove all of a missing path: %v", err)
	}
	writeHostFile(t, dir, "f", "")
	if err := c.Remove("/app/f", false); err != nil || exists("f") {
		t.Fatalf("Remove file: %v", err)
	}

	writeHostFile(t, dir, "old", "content")
	writeHostFile(t, dir, "target", "replaced")
	if err := c.Rename("/app/old", "/app/target"); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(host("target")); string(b) != "content" || exists("old") {
		t.Fatalf("after Rename: target %q, old exists %v", b, exists("old"))
	}
	wantErrno(t, "Rename missing", c.Rename("/app/old", "/app/new"), syscall.ENOENT)
	s.exit(0)
}

func TestOpenFile(t *testing.T) {
	s, dir := fileSession(t)
	f, err := s.c.Open("/app/h.bin", os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		t.Fatal(err)
	}
	big := make([]byte, messenger.ChunkSize+100)
	rand.New(rand.NewSource(4)).Read(big)
	if n, err := f.Write(big); n != len(big) || err != nil {
		t.Fatalf("Write = %d, %v", n, err)
	}
	if n, err := f.WriteAt([]byte("XY"), 1); n != 2 || err != nil {
		t.Fatalf("WriteAt = %d, %v", n, err)
	}
	copy(big[1:], "XY")
	got := make([]byte, len(big))
	if n, err := f.ReadAt(got, 0); n != len(big) || err != nil || !bytes.Equal(got, big) {
		t.Fatalf("ReadAt = %d, %v (equal %v)", n, err, bytes.Equal(got, big))
	}
	if n, err := f.ReadAt(make([]byte, 10), int64(len(big))-4); n != 4 || err != io.EOF {
		t.Fatalf("ReadAt past end = %d, %v; want 4, EOF", n, err)
	}
	// Read follows the position Write left at the end.
	if n, err := f.Read(make([]byte, 10)); n != 0 || err != io.EOF {
		t.Fatalf("Read at end = %d, %v", n, err)
	}
	if fi, err := f.Stat(); err != nil || fi.Size() != int64(len(big)) {
		t.Fatalf("Stat = %v, %v", fi, err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err == nil {
		t.Fatal("second Close succeeded")
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "h.bin")); !bytes.Equal(b, big) {
		t.Fatal("host file differs")
	}
	_, err = s.c.Open("/app/h.bin", os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	wantErrno(t, "Open O_EXCL existing", err, syscall.EEXIST)

	// O_APPEND: writes go to the end whatever the offset.
	a, err := s.c.Open("/app/log", os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	a.Write([]byte("one "))
	a.WriteAt([]byte("two"), 0)
	a.Close()
	if b, _ := os.ReadFile(filepath.Join(dir, "log")); string(b) != "one two" {
		t.Fatalf("append file = %q", b)
	}
	s.exit(0)
}

// TestConcurrentCalls runs many operations at once from many goroutines;
// each must get its own answer.
func TestConcurrentCalls(t *testing.T) {
	var out syncBuffer
	dir := t.TempDir()
	s := startSession(t, Config{Stdout: &out, Mounts: []Mount{{Host: dir, Guest: "/app"}}})
	var wg sync.WaitGroup
	errs := make(chan error, 64)
	for i := 0; i < 32; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			name := fmt.Sprintf("/app/f%d", i)
			data := bytes.Repeat([]byte{byte(i)}, 1000*i+1)
			if err := s.c.WriteFile(name, data, false, 0o644); err != nil {
				errs <- err
				return
			}
			got, err := s.c.ReadFile(name)
			if err != nil || !bytes.Equal(got, data) {
				errs <- fmt.Errorf("%s: read %d bytes, %v", name, len(got), err)
				return
			}
			if _, err := s.c.Stdout().Write([]byte{'.'}); err != nil {
				errs <- err
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	s.exit(0)
	if got := len(out.Bytes()); got != 32 {
		t.Errorf("stdout has %d bytes, want 32", got)
	}
}

func TestStreamEndsWithoutExit(t *testing.T) {
	s := startSession(t, Config{})
	s.conn.Close()
	r := s.wait()
	if r.code != -1 || r.err == nil || !errors.Is(r.err, ErrNoExit) {
		t.Fatalf("Serve = %d, %v; want -1, ErrNoExit", r.code, r.err)
	}
}

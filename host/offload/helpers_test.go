package offload

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/ebbnode/ebbnode/runtime/messenger"
)

// syncBuffer is a bytes.Buffer safe to write from Serve while a test reads.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) Bytes() []byte {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]byte(nil), s.b.Bytes()...)
}

type serveResult struct {
	code int
	err  error
}

// session is a Client connected to Serve over net.Pipe.
type session struct {
	t    testing.TB
	c    *messenger.Client
	done chan serveResult
	conn net.Conn // the guest's end
}

// startSession runs Serve with cfg and connects a Client to it. The
// session is torn down at the end of the test.
func startSession(t testing.TB, cfg Config) *session {
	t.Helper()
	guest, host := net.Pipe()
	done := make(chan serveResult, 1)
	go func() {
		code, err := Serve(context.Background(), host, cfg)
		host.Close()
		done <- serveResult{code, err}
	}()
	c, err := messenger.NewClient(guest)
	if err != nil {
		t.Fatalf("NewClient: %v", err)
	}
	s := &session{t: t, c: c, done: done, conn: guest}
	t.Cleanup(func() { guest.Close() })
	return s
}

// exit sends Exit(code) and returns what Serve returned.
func (s *session) exit(code int) serveResult {
	s.t.Helper()
	if err := s.c.Exit(code); err != nil {
		s.t.Fatalf("Exit: %v", err)
	}
	return s.wait()
}

func (s *session) wait() serveResult {
	s.t.Helper()
	select {
	case r := <-s.done:
		return r
	case <-time.After(10 * time.Second):
		s.t.Fatal("Serve did not return")
		return serveResult{}
	}
}

// wantErrno checks that err carries errno want as *fs.PathError (or
// *os.LinkError for rename) with the given op and path.
func wantErrno(t *testing.T, what string, err error, want syscall.Errno) {
	t.Helper()
	if err == nil {
		t.Errorf("%s: succeeded, want %v", what, want)
		return
	}
	var pe *fs.PathError
	var le *os.LinkError
	var got error
	switch {
	case errors.As(err, &pe):
		got = pe.Err
	case errors.As(err, &le):
		got = le.Err
	default:
		t.Errorf("%s: error %T %v is neither *fs.PathError nor *os.LinkError", what, err, err)
		return
	}
	if got != want {
		t.Errorf("%s: err = %v (%#v), want %v", what, err, got, want)
	}
}

// writeHostFile creates a file under dir (making parents).
func writeHostFile(t testing.TB, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// snapshot records every path under dir with its mode and contents, to
// prove that a test touched nothing there.
func snapshot(t testing.TB, dir string) map[string]string { return snapshotExcept(t, dir, "") }

// snapshotExcept is snapshot without the tree at skip.
func snapshotExcept(t testing.TB, dir, skip string) map[string]string {
	t.Helper()
	out := make(map[string]string)
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p == skip {
			return filepath.SkipDir
		}
		fi, err := os.Lstat(p)
		if err != nil {
			return err
		}
		v := fi.Mode().String()
		if fi.Mode().IsRegular() {
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			v += ":" + string(b)
		}
		out[p] = v
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func sameSnapshot(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

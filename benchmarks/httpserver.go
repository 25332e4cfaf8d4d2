package benchmarks

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
)

// httpServer is one running benchmark server.
type httpServer struct {
	url  string        // http://127.0.0.1:PORT/, or the guest's on a tap
	done chan struct{} // closed when the server has ended
	// dial, when set, is how to reach url: from inside the tap rows'
	// network namespace.
	dial func(ctx context.Context, network, addr string) (net.Conn, error)
	out  *syncBuffer // what it printed
	stop func()      // ends it and waits for it
	// err is how it ended, valid after done.
	err error
}

// UnavailableError says a configuration cannot run the benchmark as it is
// (for example its runtime has no http module yet): recorded, not a
// failure of the session.
type UnavailableError struct{ Reason string }

func (e *UnavailableError) Error() string { return e.Reason }

// waitReady polls the server until it answers 200, it ends, or timeout
// passes. A server that ended before answering is unavailable, with what
// it printed as the reason (the runtime's own error); one that runs but
// does not answer in time has failed.
func (s *httpServer) waitReady(ctx context.Context, timeout time.Duration) error {
	client := &http.Client{Timeout: 2 * time.Second}
	if s.dial != nil {
		client.Transport = &http.Transport{DialContext: s.dial}
	}
	deadline := time.Now().Add(timeout)
	for {
		req, _ := http.NewRequestWithContext(ctx, "GET", s.url, nil)
		if resp, err := client.Do(req); err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				return nil
			}
		}
		select {
		case <-s.done:
			return &UnavailableError{Reason: fmt.Sprintf("the server ended before answering (%s): %s", firstLine(fmt.Sprint(s.err)), errorLine(s.out.String()))}
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(100 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("the server did not answer %s within %v: %s", s.url, timeout, firstLines(s.out.String(), 3))
		}
	}
}

// startProcess starts a host process serving the benchmark on port.
func startProcess(ctx context.Context, port int, name string, args ...string) (*httpServer, error) {
	s := &httpServer{url: loopbackURL(port), done: make(chan struct{}), out: &syncBuffer{}}
	cmd := exec.Command(name, args...)
	cmd.Stdout, cmd.Stderr = s.out, s.out
	// Its own process group, killed with us, so nothing outlives a run.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	go func() {
		s.err = cmd.Wait()
		close(s.done)
	}()
	s.stop = func() {
		_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
		<-s.done
	}
	stopOnCancel(ctx, s)
	return s, nil
}

// stopOnCancel stops s when ctx ends.
func stopOnCancel(ctx context.Context, s *httpServer) {
	go func() {
		select {
		case <-ctx.Done():
			s.stop()
		case <-s.done:
		}
	}()
}

func loopbackURL(port int) string { return "http://127.0.0.1:" + strconv.Itoa(port) + "/" }

// freeLoopbackPort returns a TCP port on 127.0.0.1 free a moment ago.
func freeLoopbackPort() (int, error) {
	ln, err := net.Listen("tcp4", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port, nil
}

// syncBuffer is a bytes.Buffer safe for a writer and readers in other
// goroutines.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// firstLines returns up to n non-empty lines of s, joined by " | ".
func firstLines(s string, n int) string {
	var out []byte
	for _, l := range bytes.Split([]byte(s), []byte("\n")) {
		if l = bytes.TrimSpace(l); len(l) == 0 || n == 0 {
			continue
		}
		if len(out) > 0 {
			out = append(out, " | "...)
		}
		out = append(out, l...)
		n--
	}
	if len(out) == 0 {
		return "(no output)"
	}
	return string(out)
}

// errorLine picks the error out of what a server printed: the first line
// that starts like a JS error ("Error: ...", "TypeError: ..."), else its
// first lines.
func errorLine(out string) string {
	for _, l := range strings.Split(out, "\n") {
		l = strings.TrimSpace(l)
		if name, _, ok := strings.Cut(l, ": "); ok && strings.HasSuffix(name, "Error") && !strings.Contains(name, " ") {
			return l
		}
	}
	return firstLines(out, 3)
}

// isUnavailable reports whether err says a configuration cannot run.
func isUnavailable(err error) bool {
	var ue *UnavailableError
	return errors.As(err, &ue)
}

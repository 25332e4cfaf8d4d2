package messenger

import (
	"fmt"
	"io"
	"sync"
)

// Stdout returns a writer to the host's standard output. Each Write returns
// once the host has written the bytes; a Write larger than ChunkSize goes as
// several requests, and concurrent Writes do not interleave their bytes.
func (c *Client) Stdout() io.Writer { return &c.stdout }

// Stderr is Stdout for the host's standard error.
func (c *Client) Stderr() io.Writer { return &c.stderr }

// Stdin returns a reader of the host's standard input. Reads are served in
// order; after the host reports end of input every Read returns io.EOF.
func (c *Client) Stdin() io.Reader { return &c.stdin }

// stdWriter writes to fd 1 or 2 on the host.
type stdWriter struct {
	mu sync.Mutex // keeps one Write's chunks together and in order
	c  *Client
	fd uint8
}

func (w *stdWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	n := 0
	for {
		chunk := p[n:min(len(p), n+ChunkSize)]
		if _, err := w.c.roundTrip(&WriteRequest{FD: w.fd, Data: chunk}); err != nil {
			return n, fmt.Errorf("messenger: write fd %d: %w", w.fd, err)
		}
		n += len(chunk)
		if n == len(p) {
			return n, nil
		}
	}
}

// stdinReader reads the host's stdin.
type stdinReader struct {
	mu  sync.Mutex // one read request at a time, so bytes come in order
	c   *Client
	eof bool // the host reported end of input; under mu
}

func (r *stdinReader) Read(p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.eof {
		return 0, io.EOF
	}
	m, err := r.c.roundTrip(&ReadStdinRequest{Max: uint32(min(len(p), ChunkSize))})
	if err != nil {
		return 0, fmt.Errorf("messenger: read stdin: %w", err)
	}
	reply := m.(*ReadStdinReply)
	if len(reply.Data) > len(p) {
		return 0, fmt.Errorf("messenger: read stdin: host sent %d bytes for a %d-byte read", len(reply.Data), len(p))
	}
	n := copy(p, reply.Data)
	if reply.EOF {
		r.eof = true
		if n == 0 {
			return 0, io.EOF
		}
	}
	return n, nil
}

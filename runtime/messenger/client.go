package messenger

import (
	"errors"
	"fmt"
	"io"
	"sync"
	"syscall"
)

// ErrClosed is wrapped by every error a Client returns after its stream
// failed or ended.
var ErrClosed = errors.New("messenger: connection closed")

// RemoteError is a host failure that came with a detail message (protocol
// trouble such as a malformed request). Ordinary file errors arrive as a
// bare syscall.Errno instead.
type RemoteError struct {
	Errno  syscall.Errno
	Detail string
}

func (e *RemoteError) Error() string { return e.Errno.Error() + " (host: " + e.Detail + ")" }

// Unwrap lets errors.As find the errno.
func (e *RemoteError) Unwrap() error { return e.Errno }

// Client is the guest side of the Messenger: it sends requests to the
// host over one byte stream and waits for their replies. Each call gets a
// fresh request id, so calls from several goroutines are in flight together
// and their replies may come back in any order.
//
// Concurrency: every method is safe to call from any goroutine. Calls block
// until the host replies or the stream fails; after a failure every call
// returns an error wrapping ErrClosed.
type Client struct {
	w *Writer
	r io.Reader

	mu struct {
		sync.Mutex
		pending map[uint32]*call
		nextID  uint32
		err     error // why the stream is unusable, once it is
	}

	stdout, stderr stdWriter
	stdin          stdinReader
}

// call is one request waiting for its reply.
type call struct {
	want  Type // the success reply's type
	reply Message
	err   error
	done  chan struct{}
}

// NewClient performs the handshake on rw and returns a Client using it. A
// host that speaks another protocol version is refused with an error naming
// both versions.
func NewClient(rw io.ReadWriter) (*Client, error) {
	c := &Client{w: NewWriter(rw), r: rw}
	c.mu.pending = make(map[uint32]*call)
	c.mu.nextID = 1 // id 0 is the handshake's
	c.stdout = stdWriter{c: c, fd: StdoutFD}
	c.stderr = stdWriter{c: c, fd: StderrFD}
	c.stdin.c = c
	if err := c.handshake(); err != nil {
		return nil, err
	}
	go c.readLoop()
	return c, nil
}

// handshake sends the guest's Hello and checks the host's.
func (c *Client) handshake() error {
	hello := &Hello{Magic: Magic, Version: Version}
	if err := c.w.WriteMessage(hello.Type(), 0, Encode(hello)); err != nil {
		return fmt.Errorf("messenger handshake: %w", err)
	}
	t, _, payload, err := ReadMessage(c.r)
	if err != nil {
		return fmt.Errorf("messenger handshake: reading host hello: %w", err)
	}
	m, err := Decode(t, payload)
	if err != nil {
		return fmt.Errorf("messenger handshake: %w", err)
	}
	switch m := m.(type) {
	case *ErrorReply:
		return fmt.Errorf("messenger handshake: host refused: %s: %w", m.Detail, syscall.Errno(m.Errno))
	case *Hello:
		if !m.IsReply {
			break
		}
		return CheckHello(m)
	}
	return fmt.Errorf("messenger handshake: host answered with %v, want %v", t, TypeHello|Reply)
}

// CheckHello checks the peer's magic and protocol version against this
// side's.
func CheckHello(m *Hello) error {
	if m.Magic != Magic {
		return fmt.Errorf("messenger handshake: bad magic %#08x, want %#08x (peer is not an ebbnode messenger)", m.Magic, Magic)
	}
	if m.Version != Version {
		return fmt.Errorf("messenger handshake: protocol version mismatch: peer speaks version %d, this side version %d (rebuild the image with the same ebbnode as the host)", m.Version, Version)
	}
	return nil
}

// readLoop delivers replies to their calls until the stream fails.
func (c *Client) readLoop() {
	for {
		t, id, payload, err := ReadMessage(c.r)
		if err != nil {
			c.fail(fmt.Errorf("%w: %w", ErrClosed, err))
			return
		}
		m, err := Decode(t, payload)
		if err != nil {
			c.fail(fmt.Errorf("%w: bad reply from host: %w", ErrClosed, err))
			return
		}
		c.mu.Lock()
		cl := c.mu.pending[id]
		delete(c.mu.pending, id)
		c.mu.Unlock()
		if cl == nil {
			c.fail(fmt.Errorf("%w: host replied %v to unknown request id %d", ErrClosed, t, id))
			return
		}
		if t != cl.want && t != TypeError {
			cl.err = fmt.Errorf("%w: host replied %v to a request expecting %v (id %d)", ErrClosed, t, cl.want, id)
			close(cl.done)
			c.fail(cl.err)
			return
		}
		cl.reply = m
		close(cl.done)
	}
}

// fail marks the stream unusable and fails every waiting call.
func (c *Client) fail(err error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.mu.err == nil {
		c.mu.err = err
	}
	for id, cl := range c.mu.pending {
		cl.err = c.mu.err
		close(cl.done)
		delete(c.mu.pending, id)
	}
}

// Err returns why the client's stream is no longer usable, or nil.
func (c *Client) Err() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.mu.err
}

// roundTrip sends req and waits for its reply. A host ErrorReply becomes a
// syscall.Errno (or a *RemoteError when it has a detail message).
func (c *Client) roundTrip(req Message) (Message, error) {
	cl := &call{want: req.Type() | Reply, done: make(chan struct{})}
	c.mu.Lock()
	if err := c.mu.err; err != nil {
		c.mu.Unlock()
		return nil, err
	}
	id := c.mu.nextID
	for id == 0 || c.mu.pending[id] != nil { // skip 0 and ids still in use after wrapping
		id++
	}
	c.mu.nextID = id + 1
	c.mu.pending[id] = cl
	c.mu.Unlock()

	if err := c.w.WriteMessage(req.Type(), id, Encode(req)); err != nil {
		c.fail(fmt.Errorf("%w: %w", ErrClosed, err))
		<-cl.done
		return nil, cl.err
	}
	<-cl.done
	if cl.err != nil {
		return nil, cl.err
	}
	if e, ok := cl.reply.(*ErrorReply); ok {
		if e.Errno == 0 {
			return nil, &RemoteError{Errno: syscall.EIO, Detail: "error reply without errno: " + e.Detail}
		}
		if e.Detail != "" {
			return nil, &RemoteError{Errno: syscall.Errno(e.Errno), Detail: e.Detail}
		}
		return nil, syscall.Errno(e.Errno)
	}
	return cl.reply, nil
}

// Args returns the program's argv and environment as the host holds them.
func (c *Client) Args() (args, env []string, err error) {
	r, err := c.process()
	if err != nil {
		return nil, nil, err
	}
	return r.Args, r.Env, nil
}

// Cwd returns the guest path the program starts in (process.cwd()), or ""
// when the host names none.
func (c *Client) Cwd() (string, error) {
	r, err := c.process()
	if err != nil {
		return "", err
	}
	return r.Cwd, nil
}

// Mounts returns the guest paths of the directories the host grants.
func (c *Client) Mounts() ([]string, error) {
	r, err := c.process()
	if err != nil {
		return nil, err
	}
	return r.Mounts, nil
}

// CPUProfile returns the guest path the program writes a CPU profile of
// its run to (pprof format), or "" when the host asks for none.
func (c *Client) CPUProfile() (string, error) {
	r, err := c.process()
	if err != nil {
		return "", err
	}
	return r.CPUProfile, nil
}

func (c *Client) process() (*ArgsReply, error) {
	m, err := c.roundTrip(&ArgsRequest{})
	if err != nil {
		return nil, fmt.Errorf("messenger: args: %w", err)
	}
	return m.(*ArgsReply), nil
}

// Exit tells the host that the program ended with status. The host replies
// after every earlier stdout and stderr write is done, then stops serving:
// later calls fail.
func (c *Client) Exit(status int) error {
	if _, err := c.roundTrip(&ExitRequest{Status: int32(status)}); err != nil {
		return fmt.Errorf("messenger: exit(%d): %w", status, err)
	}
	return nil
}

package messenger

import (
	"errors"
	"fmt"
	"io/fs"
	"net"
	"strings"
	"syscall"
	"testing"
	"time"
)

// fakeHost is the host end of a pipe, driven by hand.
type fakeHost struct {
	t    *testing.T
	conn net.Conn
	w    *Writer
}

// newFakeHost returns a pipe whose host end answers the handshake with
// reply, and the guest end.
func newFakeHost(t *testing.T, reply Message) (*fakeHost, net.Conn) {
	guest, host := net.Pipe()
	t.Cleanup(func() { guest.Close(); host.Close() })
	h := &fakeHost{t: t, conn: host, w: NewWriter(host)}
	go func() {
		if _, _, _, err := ReadMessage(host); err != nil {
			return
		}
		h.w.WriteMessage(reply.Type(), 0, Encode(reply))
	}()
	return h, guest
}

func connect(t *testing.T) (*fakeHost, *Client) {
	h, guest := newFakeHost(t, &Hello{Magic: Magic, Version: Version, IsReply: true})
	c, err := NewClient(guest)
	if err != nil {
		t.Fatal(err)
	}
	return h, c
}

// recv reads one request on the host side.
func (h *fakeHost) recv() (uint32, Message) {
	h.t.Helper()
	typ, id, payload, err := ReadMessage(h.conn)
	if err != nil {
		h.t.Errorf("host read: %v", err)
		return 0, nil
	}
	m, err := Decode(typ, payload)
	if err != nil {
		h.t.Errorf("host decode: %v", err)
	}
	return id, m
}

func (h *fakeHost) send(id uint32, m Message) {
	if err := h.w.WriteMessage(m.Type(), id, Encode(m)); err != nil {
		h.t.Errorf("host write: %v", err)
	}
}

func TestClientHandshakeErrors(t *testing.T) {
	tests := []struct {
		name  string
		reply Message
		want  string
	}{
		{"version", &Hello{Magic: Magic, Version: Version + 1, IsReply: true}, fmt.Sprintf("protocol version mismatch: peer speaks version %d, this side version %d", Version+1, Version)},
		{"magic", &Hello{Magic: 1, Version: Version, IsReply: true}, "bad magic 0x00000001"},
		{"refused", &ErrorReply{Errno: uint32(syscall.EPROTO), Detail: "go away"}, "host refused: go away"},
		{"wrong type", &ArgsReply{}, "host answered with Args reply, want Hello reply"},
		{"request as reply", &Hello{Magic: Magic, Version: Version}, "host answered with Hello, want Hello reply"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, guest := newFakeHost(t, tc.reply)
			c, err := NewClient(guest)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("NewClient = %v, %v; want error containing %q", c, err, tc.want)
			}
		})
	}
}

// TestClientOutOfOrderReplies keeps three calls in flight and answers them
// in reverse order: each caller must get its own answer.
func TestClientOutOfOrderReplies(t *testing.T) {
	h, c := connect(t)
	paths := []string{"/a", "/bb", "/ccc"}
	type res struct {
		path string
		size int64
		err  error
	}
	results := make(chan res, len(paths))
	for _, p := range paths {
		go func() {
			fi, err := c.Stat(p)
			var size int64
			if fi != nil {
				size = fi.Size()
			}
			results <- res{p, size, err}
		}()
	}
	type req struct {
		id   uint32
		path string
	}
	var reqs []req
	for range paths {
		id, m := h.recv()
		reqs = append(reqs, req{id, m.(*StatRequest).Path})
	}
	for i := len(reqs) - 1; i >= 0; i-- {
		h.send(reqs[i].id, &StatReply{Of: TypeStat, Stat: Stat{Size: int64(len(reqs[i].path)), Mode: sIFREG | 0o644}})
	}
	for range paths {
		r := <-results
		if r.err != nil || r.size != int64(len(r.path)) {
			t.Errorf("Stat(%s) = size %d, %v; want size %d", r.path, r.size, r.err, len(r.path))
		}
	}
}

func TestClientErrors(t *testing.T) {
	h, c := connect(t)
	go func() {
		id, _ := h.recv()
		h.send(id, &ErrorReply{Errno: uint32(syscall.ENOENT)})
		id, _ = h.recv()
		h.send(id, &ErrorReply{Errno: uint32(syscall.EINVAL), Detail: "bad request"})
	}()
	_, err := c.ReadFile("/x")
	var pe *fs.PathError
	if !errors.As(err, &pe) || pe.Op != "open" || pe.Path != "/x" || pe.Err != syscall.ENOENT {
		t.Fatalf("ReadFile = %#v, want PathError{open /x ENOENT}", err)
	}
	if !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("ENOENT error is not fs.ErrNotExist")
	}
	err = c.Mkdir("/y", false, 0o755)
	var re *RemoteError
	if !errors.As(err, &re) || re.Detail != "bad request" || !errors.Is(err, syscall.EINVAL) {
		t.Fatalf("Mkdir = %v, want a RemoteError with EINVAL and its detail", err)
	}
}

// TestClientProtocolViolations checks that a host reply the client cannot
// match fails the pending call and every later one, without hanging.
func TestClientProtocolViolations(t *testing.T) {
	tests := []struct {
		name  string
		reply func(h *fakeHost, id uint32)
		want  string
	}{
		{"unknown id", func(h *fakeHost, id uint32) { h.send(id+1000, &Ack{Of: TypeMkdir}) }, "unknown request id"},
		{"wrong reply type", func(h *fakeHost, id uint32) { h.send(id, &ReadDirReply{}) }, "host replied ReadDir reply to a request expecting Mkdir reply"},
		{"undecodable reply", func(h *fakeHost, id uint32) { h.w.WriteMessage(TypeMkdir|Reply, id, []byte{1}) }, "bad reply from host"},
		{"stream closed", func(h *fakeHost, id uint32) { h.conn.Close() }, "connection closed"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			h, c := connect(t)
			go func() {
				id, _ := h.recv()
				tc.reply(h, id)
			}()
			done := make(chan error, 1)
			go func() { done <- c.Mkdir("/d", false, 0o755) }()
			var err error
			select {
			case err = <-done:
			case <-time.After(5 * time.Second):
				t.Fatal("call hung")
			}
			if !errors.Is(err, ErrClosed) || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("Mkdir = %v, want ErrClosed containing %q", err, tc.want)
			}
			if _, _, err := c.Args(); !errors.Is(err, ErrClosed) {
				t.Fatalf("later call = %v, want ErrClosed", err)
			}
			if c.Err() == nil {
				t.Fatal("Err() = nil after a failure")
			}
		})
	}
}

// TestClientStdinTooMuch checks that a host sending more stdin than asked
// is an error, not a buffer overrun.
func TestClientStdinTooMuch(t *testing.T) {
	h, c := connect(t)
	go func() {
		id, _ := h.recv()
		h.send(id, &ReadStdinReply{Data: []byte("too much")})
	}()
	if n, err := c.Stdin().Read(make([]byte, 2)); err == nil || n != 0 {
		t.Fatalf("Read = %d, %v; want an error", n, err)
	}
}

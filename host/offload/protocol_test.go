package offload

import (
	"context"
	"errors"
	"fmt"
	"net"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/ebbnode/ebbnode/runtime/messenger"
)

// rawGuest speaks frames to Serve directly, to send what a Client never
// would.
type rawGuest struct {
	t    *testing.T
	conn net.Conn
	w    *messenger.Writer
	done chan serveResult
}

func startRaw(t *testing.T, cfg Config) *rawGuest {
	t.Helper()
	guest, host := net.Pipe()
	done := make(chan serveResult, 1)
	go func() {
		code, err := Serve(context.Background(), host, cfg)
		host.Close()
		done <- serveResult{code, err}
	}()
	t.Cleanup(func() { guest.Close() })
	return &rawGuest{t: t, conn: guest, w: messenger.NewWriter(guest), done: done}
}

func (g *rawGuest) send(m messenger.Message, id uint32) {
	g.t.Helper()
	if err := g.w.WriteMessage(m.Type(), id, messenger.Encode(m)); err != nil {
		g.t.Fatal(err)
	}
}

func (g *rawGuest) sendRaw(b []byte) {
	g.t.Helper()
	if _, err := g.conn.Write(b); err != nil {
		g.t.Fatal(err)
	}
}

func (g *rawGuest) recv() (uint32, messenger.Message) {
	g.t.Helper()
	g.conn.SetReadDeadline(time.Now().Add(5 * time.Second))
	typ, id, payload, err := messenger.ReadMessage(g.conn)
	if err != nil {
		g.t.Fatalf("reading reply: %v", err)
	}
	m, err := messenger.Decode(typ, payload)
	if err != nil {
		g.t.Fatalf("decoding reply: %v", err)
	}
	return id, m
}

func (g *rawGuest) hello() {
	g.t.Helper()
	g.send(&messenger.Hello{Magic: messenger.Magic, Version: messenger.Version}, 0)
	if _, m := g.recv(); m.Type() != messenger.TypeHello|messenger.Reply {
		g.t.Fatalf("handshake reply %v", m.Type())
	}
}

func (g *rawGuest) result() serveResult {
	g.t.Helper()
	select {
	case r := <-g.done:
		return r
	case <-time.After(5 * time.Second):
		g.t.Fatal("Serve did not return")
		return serveResult{}
	}
}

func header(length uint32, typ messenger.Type, flags uint16, id uint32) []byte {
	b := make([]byte, messenger.HeaderSize)
	b[0], b[1], b[2], b[3] = byte(length), byte(length>>8), byte(length>>16), byte(length>>24)
	b[4], b[5] = byte(typ), byte(typ>>8)
	b[6], b[7] = byte(flags), byte(flags>>8)
	b[8], b[9], b[10], b[11] = byte(id), byte(id>>8), byte(id>>16), byte(id>>24)
	return b
}

func TestVersionMismatch(t *testing.T) {
	g := startRaw(t, Config{})
	g.send(&messenger.Hello{Magic: messenger.Magic, Version: 99}, 0)
	// The host still answers with its own version, so the guest can say
	// what went wrong too.
	_, m := g.recv()
	if h, ok := m.(*messenger.Hello); !ok || h.Version != messenger.Version || !h.IsReply {
		t.Fatalf("reply %#v, want the host's Hello", m)
	}
	r := g.result()
	if r.err == nil || !strings.Contains(r.err.Error(), fmt.Sprintf("version mismatch: peer speaks version 99, this side version %d", messenger.Version)) {
		t.Fatalf("Serve = %d, %v; want a version mismatch error", r.code, r.err)
	}
}

func TestBadMagic(t *testing.T) {
	g := startRaw(t, Config{})
	g.send(&messenger.Hello{Magic: 0x12345678, Version: messenger.Version}, 0)
	g.recv()
	if r := g.result(); r.err == nil || !strings.Contains(r.err.Error(), "bad magic 0x12345678") {
		t.Fatalf("Serve = %v, want bad magic", r.err)
	}
}

func TestFirstMessageNotHello(t *testing.T) {
	g := startRaw(t, Config{})
	g.send(&messenger.ArgsRequest{}, 1)
	_, m := g.recv()
	if e, ok := m.(*messenger.ErrorReply); !ok || syscall.Errno(e.Errno) != syscall.EPROTO {
		t.Fatalf("reply %#v, want EPROTO", m)
	}
	if r := g.result(); r.err == nil || !strings.Contains(r.err.Error(), "first message is Args, want Hello") {
		t.Fatalf("Serve = %v", r.err)
	}
}

func TestFatalFrames(t *testing.T) {
	tests := []struct {
		name   string
		frame  []byte
		wantIs error
		want   string
	}{
		{"oversized frame", header(messenger.MaxPayload+1, messenger.TypeWrite, 0, 1), messenger.ErrFrameTooLarge, "exceeds maximum"},
		{"truncated frame", append(header(100, messenger.TypeWrite, 0, 1), 1, 2, 3), nil, "truncated Write frame"},
		{"truncated header", header(0, messenger.TypeArgs, 0, 1)[:5], nil, "truncated frame header"},
		{"reserved flags", header(0, messenger.TypeArgs, 4, 1), messenger.ErrBadFlags, "reserved frame flags"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			g := startRaw(t, Config{})
			g.hello()
			g.sendRaw(tc.frame)
			g.conn.Close() // ends the stream mid-frame for the truncated cases
			r := g.result()
			if r.err == nil || r.code != -1 || !strings.Contains(r.err.Error(), tc.want) {
				t.Fatalf("Serve = %d, %v; want an error containing %q", r.code, r.err, tc.want)
			}
			if tc.wantIs != nil && !errors.Is(r.err, tc.wantIs) {
				t.Fatalf("Serve error %v is not %v", r.err, tc.wantIs)
			}
		})
	}
}

// TestRecoverableErrors sends requests that are bad but well framed: each
// gets an error reply and the session goes on.
func TestRecoverableErrors(t *testing.T) {
	g := startRaw(t, Config{Args: []string{"x"}})
	g.hello()
	bad := []struct {
		name   string
		typ    messenger.Type
		body   []byte
		errno  syscall.Errno
		detail string
	}{
		{"unknown type", 0x0777, []byte("?"), syscall.ENOSYS, "unknown message type 0x0777"},
		{"short payload", messenger.TypeStat, []byte{1, 0}, syscall.EINVAL, "decoding Stat"},
		{"reply from guest", messenger.TypeArgs | messenger.Reply, messenger.Encode(&messenger.ArgsReply{}), syscall.EINVAL, "only the host sends"},
		{"second hello", messenger.TypeHello, messenger.Encode(&messenger.Hello{Magic: messenger.Magic, Version: messenger.Version}), syscall.EPROTO, "second Hello"},
		{"bad fd", messenger.TypeWrite, messenger.Encode(&messenger.WriteRequest{FD: 7}), syscall.EBADF, ""},
		{"bad handle", messenger.TypeFRead, messenger.Encode(&messenger.FReadRequest{Handle: 5, Offset: -1, Max: 1}), syscall.EBADF, ""},
		{"bad open flags", messenger.TypeOpen, messenger.Encode(&messenger.OpenRequest{Path: "/x", Flags: 1 << 30}), syscall.EINVAL, ""},
	}
	for i, tc := range bad {
		id := uint32(i + 10)
		if err := g.w.WriteMessage(tc.typ, id, tc.body); err != nil {
			t.Fatal(err)
		}
		gotID, m := g.recv()
		e, ok := m.(*messenger.ErrorReply)
		if gotID != id || !ok || syscall.Errno(e.Errno) != tc.errno || !strings.Contains(e.Detail, tc.detail) {
			t.Errorf("%s: reply id %d %#v, want id %d errno %v detail %q", tc.name, gotID, m, id, tc.errno, tc.detail)
		}
	}
	g.send(&messenger.ArgsRequest{}, 99)
	if id, m := g.recv(); id != 99 || m.Type() != messenger.TypeArgs|messenger.Reply {
		t.Fatalf("Args after errors: id %d %v", id, m.Type())
	}
	g.send(&messenger.ExitRequest{Status: 3}, 100)
	g.recv()
	if r := g.result(); r.code != 3 || r.err != nil {
		t.Fatalf("Serve = %d, %v; want 3, nil", r.code, r.err)
	}
}

func TestContextCancel(t *testing.T) {
	guest, host := net.Pipe()
	defer guest.Close()
	defer host.Close()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		_, err := Serve(ctx, host, Config{})
		done <- err
	}()
	cancel()
	select {
	case err := <-done:
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("Serve = %v, want context.Canceled", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Serve ignored the cancelled context")
	}
}

func TestBadMountConfig(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		name   string
		mounts []Mount
		want   string
	}{
		{"missing host dir", []Mount{{Host: dir + "/none", Guest: "/a"}}, "no such file"},
		{"relative guest", []Mount{{Host: dir, Guest: "a"}}, "must be absolute"},
		{"unclean guest", []Mount{{Host: dir, Guest: "/a/../b"}}, "must be absolute and clean"},
		{"guest twice", []Mount{{Host: dir, Guest: "/a"}, {Host: dir, Guest: "/a"}}, "mounted twice"},
	} {
		_, err := Serve(context.Background(), nil, Config{Mounts: tc.mounts})
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: Serve = %v, want an error containing %q", tc.name, err, tc.want)
		}
	}
}

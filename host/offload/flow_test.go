package offload

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/ebbnode/ebbnode/runtime/messenger"
)

// TestHostReadsWhileWorkersBlock fills every file-operation worker (and
// as many again) with reads of a FIFO that no one writes, which block in
// open(2); a stdout write sent after them must still be answered: the host
// keeps reading the stream while operations wait, instead of stopping at
// the in-flight limit. (net.Pipe writes return only once the host has
// read them, so the order on the wire is the order sent.)
func TestHostReadsWhileWorkersBlock(t *testing.T) {
	var out syncBuffer
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	g := startRaw(t, Config{Stdout: &out, Mounts: []Mount{{Host: dir, Guest: "/app"}}})
	g.hello()
	const readers = 2 * maxInFlight
	sent := make(chan error, 1)
	go func() {
		for i := 1; i <= readers; i++ {
			if err := g.w.WriteMessage(messenger.TypeReadFile, uint32(i), messenger.Encode(&messenger.ReadFileRequest{Path: "/app/fifo"})); err != nil {
				sent <- err
				return
			}
		}
		sent <- g.w.WriteMessage(messenger.TypeWrite, 1000, messenger.Encode(&messenger.WriteRequest{FD: messenger.StdoutFD, Data: []byte("still served\n")}))
	}()
	if id, m := g.recv(); id != 1000 || m.Type() != messenger.TypeWrite|messenger.Reply {
		t.Fatalf("first reply: id %d %#v, want the stdout write's ack", id, m)
	}
	if err := <-sent; err != nil {
		t.Fatal(err)
	}
	// Release the readers: each open for writing lets the waiting opens
	// through; closing it gives them end of file.
	for got := 0; got < readers; {
		if f, err := os.OpenFile(fifo, os.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
			f.Close()
		} else if !errors.Is(err, syscall.ENXIO) {
			t.Fatal(err)
		}
		for got < readers {
			g.conn.SetReadDeadline(time.Now().Add(20 * time.Millisecond))
			_, _, payload, err := messenger.ReadMessage(g.conn)
			if err != nil {
				break
			}
			if m, err := messenger.Decode(messenger.TypeReadFile|messenger.Reply, payload); err != nil || len(m.(*messenger.ReadFileReply).Data) != 0 {
				t.Fatalf("FIFO read reply %v, %v; want empty data", m, err)
			}
			got++
		}
	}
	if got := string(out.Bytes()); got != "still served\n" {
		t.Errorf("stdout %q", got)
	}
}

// TestReadFileReplyIsOneChunk checks on the wire that ReadFile answers at
// most a chunk, with More set when the file goes on, so a reply never
// makes the host hold a whole large file.
func TestReadFileReplyIsOneChunk(t *testing.T) {
	dir := t.TempDir()
	big := bytes.Repeat([]byte("0123456789abcdef"), 3*messenger.ChunkSize/16)
	if err := os.WriteFile(filepath.Join(dir, "big"), big, 0o644); err != nil {
		t.Fatal(err)
	}
	exact := big[:messenger.ChunkSize]
	if err := os.WriteFile(filepath.Join(dir, "exact"), exact, 0o644); err != nil {
		t.Fatal(err)
	}
	g := startRaw(t, Config{Mounts: []Mount{{Host: dir, Guest: "/app"}}})
	g.hello()
	for i, tc := range []struct {
		path string
		want []byte
		more bool
	}{{"/app/big", big[:messenger.ChunkSize], true}, {"/app/exact", exact, false}} {
		g.send(&messenger.ReadFileRequest{Path: tc.path}, uint32(i+1))
		_, m := g.recv()
		r, ok := m.(*messenger.ReadFileReply)
		if !ok {
			t.Fatalf("%s: reply %#v", tc.path, m)
		}
		if !bytes.Equal(r.Data, tc.want) || r.More != tc.more {
			t.Errorf("%s: %d bytes, more %v; want %d bytes, more %v", tc.path, len(r.Data), r.More, len(tc.want), tc.more)
		}
	}
}

// blockingWriter blocks every Write until release is closed.
type blockingWriter struct {
	release chan struct{}
	buf     syncBuffer
}

func (w *blockingWriter) Write(p []byte) (int, error) {
	<-w.release
	return w.buf.Write(p)
}

// TestBlockedStdoutHoldsUpNothingElse stalls the host's stdout: a file
// operation sent after a stdout write must still be answered, and the
// write completes, in order, once stdout moves again.
func TestBlockedStdoutHoldsUpNothingElse(t *testing.T) {
	dir := t.TempDir()
	writeHostFile(t, dir, "a", "a")
	out := &blockingWriter{release: make(chan struct{})}
	g := startRaw(t, Config{Stdout: out, Mounts: []Mount{{Host: dir, Guest: "/app"}}})
	g.hello()
	// Sent from a goroutine: a host that stops reading would block them.
	go func() {
		g.w.WriteMessage(messenger.TypeWrite, 1, messenger.Encode(&messenger.WriteRequest{FD: messenger.StdoutFD, Data: []byte("one ")}))
		g.w.WriteMessage(messenger.TypeWrite, 2, messenger.Encode(&messenger.WriteRequest{FD: messenger.StdoutFD, Data: []byte("two")}))
		g.w.WriteMessage(messenger.TypeStat, 3, messenger.Encode(&messenger.StatRequest{Path: "/app/a"}))
	}()
	if id, m := g.recv(); id != 3 || m.Type() != messenger.TypeStat|messenger.Reply {
		close(out.release)
		t.Fatalf("first reply: id %d %#v, want the Stat reply while stdout is stalled", id, m)
	}
	close(out.release)
	for want := uint32(1); want <= 2; want++ {
		if id, m := g.recv(); id != want || m.Type() != messenger.TypeWrite|messenger.Reply {
			t.Fatalf("reply id %d %#v, want the ack of write %d", id, m, want)
		}
	}
	if got := string(out.buf.Bytes()); got != "one two" {
		t.Errorf("stdout %q, want %q", got, "one two")
	}
}

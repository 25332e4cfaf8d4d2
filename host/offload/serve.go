package offload

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sync"
	"sync/atomic"
	"syscall"

	"github.com/ebbnode/ebbnode/runtime/messenger"
)

// Config is what the host grants the guest.
type Config struct {
	Args []string // the program's argv
	Env  []string // its environment, "KEY=value"
	// Cwd is the guest path the program starts in (process.cwd()).
	// `ebbnode run` passes the host's working directory, which the
	// default mount puts at the same guest path; "" leaves it to the guest.
	Cwd string
	// CPUProfile, if set, is the guest path (inside a read-write mount)
	// the guest writes a CPU profile of its run to.
	CPUProfile string
	Stdin      io.Reader // nil: stdin is empty
	Stdout     io.Writer // nil: output is discarded
	Stderr     io.Writer // nil: output is discarded
	// Mounts are the host directories the guest may reach. None means no
	// file access at all; `ebbnode run` passes DefaultMounts when the user
	// names none.
	Mounts []Mount
}

// Limits on one guest's file operations. maxInFlight are served at once;
// up to maxQueued more wait in the host, holding at most maxQueuedBytes of
// request payload between them (a request counts at least minCost). The
// host keeps reading the stream until a limit is reached, and only then
// stops, which pushes back on the guest (the virtio-serial port is
// flow-controlled: QEMU pauses the guest rather than dropping data).
const (
	maxInFlight    = 16
	maxQueued      = 1024
	maxQueuedBytes = 32 << 20
	minCost        = 256
)

// ErrNoExit is wrapped by Serve's error when the stream ends before the
// guest sent Exit.
var ErrNoExit = errors.New("guest ended the messenger stream without exiting")

// Serve serves one guest on rw until it exits, and returns its exit status.
// If the stream ends first (ErrNoExit), breaks, or violates the protocol
// framing, Serve returns an error; a malformed request of a known size only
// gets an error reply. If ctx ends first, Serve returns ctx.Err() at once;
// its reading goroutine stays until the caller closes rw.
//
// Requests are served as they come: stdout and stderr writes in order on
// a goroutine of their own (a host stdout that blocks holds up nothing
// else), file operations concurrently, stdin reads in order on a goroutine
// of their own (a read blocked on the host's stdin
// does not hold up anything else, and is abandoned when Serve returns).
func Serve(ctx context.Context, rw io.ReadWriter, cfg Config) (exitCode int, err error) {
	mounts, err := openMounts(cfg.Mounts)
	if err != nil {
		return -1, fmt.Errorf("offload: %w", err)
	}
	s := &server{
		cfg:    cfg,
		r:      rw,
		w:      messenger.NewWriter(rw),
		mounts: mounts,
		jobs:   make(chan job, maxQueued),
		stdio:  make(chan job, maxQueued),
	}
	s.budget.cond = sync.NewCond(&s.budget.mu)
	s.files.m = make(map[uint32]*openFile)
	type result struct {
		code int
		err  error
	}
	done := make(chan result, 1)
	go func() {
		code, err := s.run()
		done <- result{code, err}
	}()
	select {
	case r := <-done:
		return r.code, r.err
	case <-ctx.Done():
		return -1, fmt.Errorf("offload: %w", ctx.Err())
	}
}

// server is the state of one Serve.
type server struct {
	cfg    Config
	r      io.Reader
	w      *messenger.Writer
	mounts *mountTable
	files  handleTable
	jobs   chan job       // file operations for the workers
	stdio  chan job       // stdout and stderr writes, in order
	budget budget         // payload bytes of the queued and running jobs
	ops    sync.WaitGroup // jobs not yet answered
	stdin  chan stdinRead // nil until the first stdin read
	ended  atomic.Bool    // run has returned: drop late replies

	writeErr struct {
		sync.Mutex
		err error // first failure to write a reply
	}
}

// run handshakes and then serves until Exit or a stream failure. It
// releases every host resource before returning.
func (s *server) run() (int, error) {
	for i := 0; i < maxInFlight; i++ {
		go s.worker()
	}
	go s.stdioLoop()
	defer func() {
		s.ops.Wait()
		close(s.jobs)
		close(s.stdio)
		s.ended.Store(true)
		if s.stdin != nil {
			close(s.stdin)
		}
		s.files.closeAll()
		s.mounts.close()
	}()
	if err := s.handshake(); err != nil {
		return -1, fmt.Errorf("offload: %w", err)
	}
	for {
		t, id, payload, err := messenger.ReadMessage(s.r)
		if err != nil {
			if errors.Is(err, io.EOF) {
				err = ErrNoExit
			}
			if werr := s.firstWriteErr(); werr != nil {
				err = fmt.Errorf("%w (after a failed reply: %w)", err, werr)
			}
			return -1, fmt.Errorf("offload: %w", err)
		}
		m, err := messenger.Decode(t, payload)
		switch {
		case errors.Is(err, messenger.ErrUnknownType):
			s.replyErr(id, syscall.ENOSYS, fmt.Sprintf("unknown message type %#04x", uint16(t)))
			continue
		case err != nil:
			s.replyErr(id, syscall.EINVAL, err.Error())
			continue
		case t.IsReply():
			s.replyErr(id, syscall.EINVAL, fmt.Sprintf("guest sent a %v, which only the host sends", t))
			continue
		}
		if ex, ok := m.(*messenger.ExitRequest); ok {
			// Let earlier stdio writes and file operations finish, then
			// confirm.
			s.ops.Wait()
			s.reply(id, &messenger.Ack{Of: messenger.TypeExit})
			return int(ex.Status), nil
		}
		s.dispatch(id, m, len(payload))
	}
}

// handshake reads the guest's Hello and answers with the host's. The host
// always answers, so a guest of another version learns both versions.
func (s *server) handshake() error {
	t, id, payload, err := messenger.ReadMessage(s.r)
	if err != nil {
		if errors.Is(err, io.EOF) {
			err = ErrNoExit
		}
		return fmt.Errorf("handshake: %w", err)
	}
	if t != messenger.TypeHello {
		s.replyErr(id, syscall.EPROTO, fmt.Sprintf("first message is %v, want Hello", t))
		return fmt.Errorf("handshake: guest's first message is %v, want Hello", t)
	}
	m, err := messenger.Decode(t, payload)
	if err != nil {
		s.replyErr(id, syscall.EPROTO, err.Error())
		return fmt.Errorf("handshake: %w", err)
	}
	s.reply(id, &messenger.Hello{Magic: messenger.Magic, Version: messenger.Version, IsReply: true})
	if err := messenger.CheckHello(m.(*messenger.Hello)); err != nil {
		return err
	}
	return s.firstWriteErr()
}

// dispatch serves one decoded request other than Exit, of size payload
// bytes: stdout and stderr writes and stdin reads each on a goroutine of
// their own, in order, file operations by queueing them for the workers.
func (s *server) dispatch(id uint32, m messenger.Message, size int) {
	switch m := m.(type) {
	case *messenger.Hello:
		s.replyErr(id, syscall.EPROTO, "second Hello on an open stream")
	case *messenger.ArgsRequest:
		mounts := make([]string, len(s.cfg.Mounts))
		for i, m := range s.cfg.Mounts {
			mounts[i] = m.Guest
		}
		s.reply(id, &messenger.ArgsReply{Args: s.cfg.Args, Env: s.cfg.Env, Cwd: s.cfg.Cwd, Mounts: mounts, CPUProfile: s.cfg.CPUProfile})
	case *messenger.WriteRequest:
		s.queue(s.stdio, id, m, size)
	case *messenger.ReadStdinRequest:
		s.readStdin(id, m)
	default:
		s.queue(s.jobs, id, m, size)
	}
}

// queue hands a request to q once the budget has room for it.
func (s *server) queue(q chan<- job, id uint32, m messenger.Message, size int) {
	cost := max(size, minCost)
	s.budget.acquire(cost)
	s.ops.Add(1)
	q <- job{id: id, m: m, cost: cost}
}

// job is one queued file operation; cost is what it holds of the budget.
type job struct {
	id   uint32
	m    messenger.Message
	cost int
}

// worker serves file operations until the queue closes.
func (s *server) worker() {
	for j := range s.jobs {
		reply, err := s.fileOp(j.m)
		if err != nil {
			s.replyErr(j.id, errnoOf(err), "")
		} else {
			s.reply(j.id, reply)
		}
		s.budget.release(j.cost)
		s.ops.Done()
	}
}

// budget counts bytes against maxQueuedBytes. A single request larger
// than the whole budget is let through when nothing else holds any.
type budget struct {
	mu   sync.Mutex
	cond *sync.Cond
	used int
}

func (b *budget) acquire(n int) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for b.used > 0 && b.used+n > maxQueuedBytes {
		b.cond.Wait()
	}
	b.used += n
}

func (b *budget) release(n int) {
	b.mu.Lock()
	b.used -= n
	b.mu.Unlock()
	b.cond.Broadcast()
}

// reply sends a message with id, remembering the first failure: the stream
// is then broken, and the read loop reports it when its next read fails.
func (s *server) reply(id uint32, m messenger.Message) {
	if s.ended.Load() {
		return // a stdin read that finished after Serve: the guest is gone
	}
	if err := s.w.WriteMessage(m.Type(), id, messenger.Encode(m)); err != nil {
		s.writeErr.Lock()
		if s.writeErr.err == nil {
			s.writeErr.err = err
		}
		s.writeErr.Unlock()
	}
}

func (s *server) replyErr(id uint32, e syscall.Errno, detail string) {
	s.reply(id, &messenger.ErrorReply{Errno: uint32(e), Detail: detail})
}

func (s *server) firstWriteErr() error {
	s.writeErr.Lock()
	defer s.writeErr.Unlock()
	return s.writeErr.err
}

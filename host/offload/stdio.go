package offload

import (
	"errors"
	"io"
	"syscall"

	"github.com/ebbnode/ebbnode/runtime/messenger"
)

// stdioLoop serves stdout and stderr writes one at a time, so they reach
// the host's streams in the order the guest sent them.
func (s *server) stdioLoop() {
	for j := range s.stdio {
		s.write(j.id, j.m.(*messenger.WriteRequest))
		s.budget.release(j.cost)
		s.ops.Done()
	}
}

// write serves a stdout or stderr write.
func (s *server) write(id uint32, m *messenger.WriteRequest) {
	var w io.Writer
	switch m.FD {
	case messenger.StdoutFD:
		w = s.cfg.Stdout
	case messenger.StderrFD:
		w = s.cfg.Stderr
	default:
		s.replyErr(id, syscall.EBADF, "")
		return
	}
	if w != nil {
		if _, err := w.Write(m.Data); err != nil {
			e := errnoOf(err)
			if e == syscall.EIO && errors.Is(err, io.ErrClosedPipe) {
				e = syscall.EPIPE
			}
			s.replyErr(id, e, "")
			return
		}
	}
	s.reply(id, &messenger.Ack{Of: messenger.TypeWrite})
}

// stdinRead is one queued stdin read.
type stdinRead struct {
	id  uint32
	max uint32
}

// readStdin queues a stdin read for the stdin goroutine, starting it on
// first use.
func (s *server) readStdin(id uint32, m *messenger.ReadStdinRequest) {
	if s.stdin == nil {
		s.stdin = make(chan stdinRead, maxInFlight)
		go s.stdinLoop(s.stdin)
	}
	s.stdin <- stdinRead{id: id, max: m.Max}
}

// stdinLoop serves stdin reads in order. Each reply holds at least one
// byte unless it reports end of input.
func (s *server) stdinLoop(reqs <-chan stdinRead) {
	eof := s.cfg.Stdin == nil
	for req := range reqs {
		if eof || req.max == 0 {
			s.reply(req.id, &messenger.ReadStdinReply{EOF: eof})
			continue
		}
		buf := make([]byte, min(req.max, messenger.ChunkSize))
		var n int
		var err error
		for n == 0 && err == nil {
			n, err = s.cfg.Stdin.Read(buf)
		}
		switch {
		case err == nil:
		case errors.Is(err, io.EOF):
			eof = true
		default:
			s.replyErr(req.id, errnoOf(err), "")
			continue
		}
		s.reply(req.id, &messenger.ReadStdinReply{Data: buf[:n], EOF: eof})
	}
}

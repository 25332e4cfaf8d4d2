package child_process

import (
	"io"
	"os"
	"os/exec"
	"sync"
)

// child is a running process started by spawn. Its piped stdio are pipes
// of our own (so exec starts no copying goroutines and Wait closes none of
// them): stdout and stderr are read chunk by chunk on the loop's behalf,
// stdin is written by one goroutine, in order.
type child struct {
	cmd    *exec.Cmd
	out    [3]*os.File // our ends: [0] writes the child's stdin, [1] and [2] read its output
	writes chan []byte // nil slice: close stdin
	mu     sync.Mutex
	queue  [][]byte
	ended  bool
}

// start spawns o. in, out and errw are the runtime's stdio for "inherit".
func start(o spawnOpts, in io.Reader, out, errw io.Writer) (*child, error) {
	cmd, err := command(o, in, out, errw)
	if err != nil {
		return nil, err
	}
	c := &child{cmd: cmd}
	var theirs []*os.File
	for i, mode := range o.stdio {
		if mode != "pipe" {
			continue
		}
		r, w, err := os.Pipe()
		if err != nil {
			c.closeAll(theirs)
			return nil, err
		}
		if i == 0 {
			cmd.Stdin, c.out[0] = r, w
			theirs = append(theirs, r)
		} else {
			if i == 1 {
				cmd.Stdout = w
			} else {
				cmd.Stderr = w
			}
			c.out[i] = r
			theirs = append(theirs, w)
		}
	}
	if err := cmd.Start(); err != nil {
		c.closeAll(theirs)
		return nil, err
	}
	for _, f := range theirs {
		f.Close() // the child has its own copies
	}
	if c.out[0] != nil {
		c.writes = make(chan []byte, 1)
		go c.writer()
	}
	return c, nil
}

func (c *child) closeAll(theirs []*os.File) {
	for _, f := range theirs {
		f.Close()
	}
	for _, f := range c.out {
		if f != nil {
			f.Close()
		}
	}
}

// write queues b for the child's stdin; end (b == nil) closes it after
// what was queued. Errors (EPIPE when the child stopped reading) are
// dropped, as node drops them without an 'error' listener on stdin.
func (c *child) write(b []byte, end bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.ended || c.writes == nil {
		return
	}
	if end {
		c.ended = true
		c.queue = append(c.queue, nil)
	} else {
		c.queue = append(c.queue, append([]byte(nil), b...))
	}
	select {
	case c.writes <- nil: // wake the writer
	default:
	}
}

func (c *child) writer() {
	for range c.writes {
		for {
			c.mu.Lock()
			if len(c.queue) == 0 {
				c.mu.Unlock()
				break
			}
			b := c.queue[0]
			c.queue = c.queue[1:]
			c.mu.Unlock()
			if b == nil {
				c.out[0].Close()
				return
			}
			_, _ = c.out[0].Write(b)
		}
	}
}

// read reads the next chunk of the child's fd 1 or 2; nil at the end.
// It runs off the loop.
func (c *child) read(fd int) []byte {
	f := c.out[fd]
	if f == nil {
		return nil
	}
	buf := make([]byte, 64<<10)
	// A read error ends the stream as EOF does.
	if n, _ := f.Read(buf); n > 0 {
		return buf[:n]
	}
	f.Close()
	return nil
}

// wait waits for the child to exit (off the loop).
func (c *child) wait() (code int, signal string) {
	_ = c.cmd.Wait()
	c.write(nil, true) // let the stdin writer finish
	return exitOf(c.cmd.ProcessState)
}

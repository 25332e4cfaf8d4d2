package fs

// poolSize is how many asynchronous fs calls run at once; the rest wait in
// a queue, as on libuv's threadpool, so thousands of concurrent calls hold
// a few calls' buffers and goroutines, not thousands (with one goroutine
// each, 5,000 concurrent readFile calls of a 256 KiB file ran a 128 MiB
// native guest out of memory). node's pool has 4 threads for system calls
// of microseconds; here a native call is a Messenger round trip, and the
// host serves 16 at once (host/offload's maxInFlight), so 16 keep it busy:
// natively 5,000 readFile calls of small files took 79 s with 4 and 45 s
// with 16 (37 s unbounded).
const poolSize = 16

// job is one asynchronous call: work off the loop, then done on it.
type job struct{ work, done func() }

// pool runs asynchronous calls through Host.Async, at most poolSize at a
// time, first come first served. A queued call is started from the done of
// a running one, on the loop, so the loop stays alive (a call is always
// running while any is queued) and Host.Async is only called on the loop.
//
// Concurrency: used only on the loop's goroutine.
type pool struct {
	host    Host
	running int
	queue   []job
}

func (p *pool) submit(work, done func()) {
	if p.running >= poolSize {
		p.queue = append(p.queue, job{work, done})
		return
	}
	p.start(job{work, done})
}

func (p *pool) start(j job) {
	p.running++
	p.host.Async(j.work, func() {
		p.running--
		if len(p.queue) > 0 {
			next := p.queue[0]
			p.queue[0] = job{}
			p.queue = p.queue[1:]
			p.start(next)
		}
		// Last: done may throw (an uncaught exception in the callback).
		j.done()
	})
}

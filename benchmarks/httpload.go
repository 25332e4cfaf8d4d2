package benchmarks

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"sync"
	"time"

	vegeta "github.com/tsenart/vegeta/v12/lib"
)

// HTTPBodySize is the length of every answer of the benchmark's server
// (http/server.js), EbbRT's node test page.
const HTTPBodySize = 148

// Load is one open-loop load on a server: vegeta sends requests at Rate
// per second (0: as fast as Connections workers can, for saturation) for
// Duration, or until Requests have been sent when that is set.
type Load struct {
	Rate        int
	Duration    time.Duration
	Requests    uint64 // 0: no count limit
	Connections int
	// Saturate holds the load to Connections workers (closed loop: what
	// the server sustains). Otherwise vegeta adds workers when responses
	// are late, so the offered rate stays open-loop and slow answers show
	// in the latencies (queued for one of the Connections keep-alive
	// connections) instead of lowering the load.
	Saturate bool
	Timeout  time.Duration // per request; 0 means 10 s
	// Dial, when set, connects from inside the tap rows' network
	// namespace; the target must then be the guest there.
	Dial func(ctx context.Context, network, addr string) (net.Conn, error)
}

// LoadStats is what a Load measured. Every response is checked: OK counts
// those with status 200 and exactly HTTPBodySize bytes of body; anything
// else (an error, another status, another length) is Bad.
type LoadStats struct {
	Rate int `json:"rate"` // asked for; 0 = saturation
	// Sent is the rate requests actually went out at: below Rate when
	// the server fell so far behind that the generator's workers (or
	// this machine's cores) could not keep up.
	Sent        float64 `json:"sent"`
	Connections int     `json:"connections"`
	Requests    uint64  `json:"requests"`
	OK          uint64  `json:"ok"`
	Bad         uint64  `json:"bad"`
	FirstBad    string  `json:"firstBad,omitempty"`
	Seconds     float64 `json:"seconds"`    // first request to last response
	Throughput  float64 `json:"throughput"` // OK responses per second
	MeanMs      float64 `json:"meanMs"`
	P50Ms       float64 `json:"p50Ms"`
	P99Ms       float64 `json:"p99Ms"`
	MaxMs       float64 `json:"maxMs"`
}

// countPacer stops a pacer after n hits.
type countPacer struct {
	vegeta.Pacer
	n uint64
}

func (p countPacer) Pace(elapsed time.Duration, hits uint64) (time.Duration, bool) {
	if hits >= p.n {
		return 0, true
	}
	return p.Pacer.Pace(elapsed, hits)
}

// RunLoad sends l to target, which must be an http URL on the loopback:
// the benchmark never sends traffic anywhere else.
func RunLoad(ctx context.Context, target string, l Load) (LoadStats, error) {
	u, err := url.Parse(target)
	if err != nil {
		return LoadStats{}, fmt.Errorf("load: %w", err)
	}
	// Traffic goes to the loopback only, or to the guest inside this
	// session's own network namespace.
	ip := net.ParseIP(u.Hostname())
	ok := ip != nil && (ip.IsLoopback() || l.Dial != nil && ip.Equal(net.ParseIP(tapGuestIP)))
	if u.Scheme != "http" || !ok {
		return LoadStats{}, fmt.Errorf("load: %s is not an http URL on a loopback address", target)
	}
	if l.Connections < 1 {
		l.Connections = 1
	}
	if l.Timeout == 0 {
		l.Timeout = 10 * time.Second
	}
	if l.Rate == 0 {
		l.Saturate = true // an unpaced open loop would add workers without end
	}
	pool, err := preDial(ctx, u.Host, l.Connections, l.Dial)
	if err != nil {
		return LoadStats{}, fmt.Errorf("load: %w", err)
	}
	defer pool.closeIdle()
	client := &http.Client{Transport: &http.Transport{DialContext: pool.DialContext, DisableCompression: true}}
	defer client.CloseIdleConnections()
	workers := uint64(l.Connections)
	opts := []func(*vegeta.Attacker){
		vegeta.Client(client), // first: the options below adjust its transport
		vegeta.KeepAlive(true),
		vegeta.Connections(l.Connections),
		// New connections cost the server (and this shared machine)
		// more than the requests: a fixed set, as a load balancer keeps.
		vegeta.MaxConnections(l.Connections),
		vegeta.Workers(workers),
		vegeta.Timeout(l.Timeout),
		vegeta.Redirects(vegeta.NoFollow),
		vegeta.MaxBody(HTTPBodySize + 1), // enough to see a longer body
	}
	if l.Saturate {
		opts = append(opts, vegeta.MaxWorkers(workers))
	}
	atk := vegeta.NewAttacker(opts...)
	var pacer vegeta.Pacer = vegeta.ConstantPacer{Freq: l.Rate, Per: time.Second}
	if l.Requests > 0 {
		pacer = countPacer{pacer, l.Requests}
	}
	tr := vegeta.NewStaticTargeter(vegeta.Target{Method: "GET", URL: target})
	stop := context.AfterFunc(ctx, func() { atk.Stop() })
	defer stop()
	var m vegeta.Metrics
	st := LoadStats{Rate: l.Rate, Connections: l.Connections}
	for r := range atk.Attack(tr, pacer, l.Duration, "http") {
		m.Add(r)
		if r.Code == 200 && r.Error == "" && len(r.Body) == HTTPBodySize {
			st.OK++
			continue
		}
		st.Bad++
		if st.FirstBad == "" {
			st.FirstBad = fmt.Sprintf("status %d, %d bytes, error %q", r.Code, len(r.Body), r.Error)
		}
	}
	m.Close()
	st.Requests = m.Requests
	st.Sent = m.Rate
	st.Seconds = (m.Duration + m.Wait).Seconds()
	if st.Seconds > 0 {
		st.Throughput = float64(st.OK) / st.Seconds
	}
	ms := func(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
	st.MeanMs, st.P50Ms, st.P99Ms, st.MaxMs = ms(m.Latencies.Mean), ms(m.Latencies.P50), ms(m.Latencies.P99), ms(m.Latencies.Max)
	return st, ctx.Err()
}

// connPool hands out connections dialled before the load starts, then
// dials new ones. QEMU user networking accepts forwarded connections on a
// listener with a backlog of 1 (ss shows Send-Q 1), so a burst of new
// connections loses SYNs and waits out TCP's retransmission backoff
// (seconds); opening the load's connections one by one first keeps
// connection set-up out of the measurement, for every configuration.
type connPool struct {
	mu   sync.Mutex
	idle []net.Conn
	dial func(ctx context.Context, network, addr string) (net.Conn, error)
}

func preDial(ctx context.Context, addr string, n int, dial func(context.Context, string, string) (net.Conn, error)) (*connPool, error) {
	if dial == nil {
		d := &net.Dialer{Timeout: 30 * time.Second, KeepAlive: 30 * time.Second}
		dial = d.DialContext
	}
	p := &connPool{dial: dial}
	for range n {
		c, err := p.dial(ctx, "tcp", addr)
		if err != nil {
			p.closeIdle()
			return nil, fmt.Errorf("opening connection %d of %d: %w", len(p.idle)+1, n, err)
		}
		p.idle = append(p.idle, c)
	}
	return p, nil
}

// DialContext is the load's dialler: a pre-dialled connection while any
// is left.
func (p *connPool) DialContext(ctx context.Context, network, addr string) (net.Conn, error) {
	p.mu.Lock()
	if n := len(p.idle); n > 0 {
		c := p.idle[n-1]
		p.idle = p.idle[:n-1]
		p.mu.Unlock()
		return c, nil
	}
	p.mu.Unlock()
	return p.dial(ctx, network, addr)
}

func (p *connPool) closeIdle() {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, c := range p.idle {
		c.Close()
	}
	p.idle = nil
}

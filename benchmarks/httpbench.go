package benchmarks

import (
	"context"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/ebbnode/ebbnode/benchmarks/linuxvm"
	"github.com/ebbnode/ebbnode/host/launch"
	"github.com/ebbnode/ebbnode/host/qemu"
)

// HTTPServerScript is the benchmark's server: EbbRT's node test, a JS HTTP
// server answering every request with the same 148-byte page.
//
//go:embed http/server.js
var HTTPServerScript []byte

// VegetaVersion is the load generator's module version (go.mod's).
const VegetaVersion = "github.com/tsenart/vegeta/v12 v12.13.0"

// HTTPOptions choose what RunHTTP measures.
type HTTPOptions struct {
	Quick   bool
	Configs []string // configuration keys; none means all
	// Duration of each measurement; 0 means 2 s in quick mode, else 10 s.
	Duration time.Duration
	// Rate is the fixed request rate (per second) of the latency
	// measurement; 0 means a quarter of the lowest saturation throughput
	// measured in this session, well below every configuration's (on a
	// machine whose cores the generator shares with the server, and
	// other jobs, half of it already queues).
	Rate int
	// Connections is the number of concurrent connections (and workers)
	// at saturation; 0 means 32.
	Connections int
	// Ebbnode is the ebbnode binary for b (and the native runtime beside
	// it for c); empty builds both from the source tree.
	Ebbnode string
	// StartTimeout bounds the wait for a server to answer its first
	// request; 0 means 30 s on the host and 10 min in a VM (a boot under
	// TCG).
	StartTimeout time.Duration
	Log          io.Writer // progress; nil discards it
}

func (o HTTPOptions) duration() time.Duration {
	switch {
	case o.Duration > 0:
		return o.Duration
	case o.Quick:
		return 2 * time.Second
	}
	return 10 * time.Second
}

func (o HTTPOptions) connections() int {
	if o.Connections > 0 {
		return o.Connections
	}
	return 32
}

func (o HTTPOptions) startTimeout(vm bool) time.Duration {
	switch {
	case o.StartTimeout > 0:
		return o.StartTimeout
	case vm:
		return 10 * time.Minute
	}
	return 30 * time.Second
}

// httpEnv is what the configurations share during one RunHTTP.
type httpEnv struct {
	opts   HTTPOptions
	work   string
	log    io.Writer
	script string // the server script on the host

	ebbOnce sync.Once
	ebbnode string
	ebbErr  error

	vm       launch.VM // VMSettings, accelerator resolved
	accelWhy string
	image    string // the server as a native app image (c)

	goImgOnce sync.Once
	goImage   string // the Go server as a raw native image (cg)
	goImgErr  error

	// The Linux VM (d, dg): see httplinuxvm.go.
	lvmOnce                  sync.Once
	lvmErr                   error
	kernel, kernPkg          string
	nsOnce                   sync.Once
	ns                       *netNS // the tap rows' namespace
	nsErr                    error
	modules                  []string // linuxvm.NetModules' files
	vminit                   []byte
	initrdJS, initrdGo       string
	initrdJSTap, initrdGoTap string
}

// ebbnodeBinary returns the ebbnode for b: HTTPOptions.Ebbnode, or one
// built (static, as the V8 suite's) from the source tree.
func (e *httpEnv) ebbnodeBinary(ctx context.Context) (string, error) {
	e.ebbOnce.Do(func() {
		if e.opts.Ebbnode != "" {
			e.ebbnode = e.opts.Ebbnode
			return
		}
		root, err := linuxvm.ModuleRoot(".")
		if err != nil {
			e.ebbErr = fmt.Errorf("no ebbnode binary given and %w", err)
			return
		}
		e.ebbnode = filepath.Join(e.work, "ebbnode")
		fmt.Fprintln(e.log, "b: building ebbnode")
		e.ebbErr = linuxvm.BuildStatic(ctx, root, "./cmd/ebbnode", e.ebbnode)
	})
	return e.ebbnode, e.ebbErr
}

// runTimeout bounds one VM run: its boot plus both measurements.
func (e *httpEnv) runTimeout() time.Duration {
	return e.opts.startTimeout(true) + 4*e.opts.duration() + time.Minute
}

func newHTTPEnv(o HTTPOptions) (*httpEnv, error) {
	work, err := os.MkdirTemp("", "ebbnode-bench-")
	if err != nil {
		return nil, fmt.Errorf("benchmarks: %w", err)
	}
	e := &httpEnv{opts: o, work: work, log: o.Log, vm: VMSettings}
	if e.log == nil {
		e.log = io.Discard
	}
	e.script = filepath.Join(work, "server.js")
	if err := os.WriteFile(e.script, HTTPServerScript, 0o644); err != nil {
		return e, fmt.Errorf("benchmarks: %w", err)
	}
	accel, notice, err := qemu.ResolveAccel(e.vm.Accel, qemu.DefaultHost)
	if err != nil {
		return e, fmt.Errorf("benchmarks: %w", err)
	}
	e.vm.Accel, e.accelWhy = accel, notice
	if notice == "" {
		e.accelWhy = "ebbnode: using " + accel
	}
	return e, nil
}

func selectHTTP(keys []string) ([]HTTPConfig, error) {
	if len(keys) == 0 {
		return HTTPConfigs, nil
	}
	want := map[string]bool{}
	for _, k := range keys {
		want[k] = true
	}
	var cs []HTTPConfig
	for _, c := range HTTPConfigs {
		if want[c.Key] {
			cs = append(cs, c)
			delete(want, c.Key)
		}
	}
	for k := range want {
		return nil, fmt.Errorf("benchmarks: unknown configuration %q (have a, b, c, d, cg, dg, dt, dgt)", k)
	}
	return cs, nil
}

// RunHTTP measures the selected configurations: first each one's
// throughput at saturation (closed loop, Connections workers), then each
// one's latency under an open-loop load at one fixed rate below every
// saturation. Servers run one at a time, each started afresh for each
// measurement. It returns an error (with the result so far) when the
// options are bad or an available configuration failed; an unavailable
// one is recorded with its reason.
func RunHTTP(ctx context.Context, o HTTPOptions) (*HTTPResult, error) {
	cs, err := selectHTTP(o.Configs)
	if err != nil {
		return nil, err
	}
	if o.Rate < 0 || o.Connections < 0 || o.Duration < 0 {
		return nil, fmt.Errorf("benchmarks: negative rate, connections or duration")
	}
	e, err := newHTTPEnv(o)
	if e != nil {
		defer os.RemoveAll(e.work)
		defer func() {
			if e.ns != nil {
				e.ns.close()
			}
		}()
	}
	if err != nil {
		return nil, err
	}
	res := newHTTPResult(ctx, e)
	fmt.Fprintln(e.log, e.accelWhy)
	for _, c := range cs {
		cr := &HTTPConfigResult{HTTPConfig: c}
		if err := c.prepare(ctx, e); err != nil {
			cr.Unavailable = err.Error()
			fmt.Fprintf(e.log, "%s (%s): not available: %v\n", c.Key, c.Name, err)
		} else {
			cr.Available = true
		}
		res.Configs = append(res.Configs, cr)
	}
	var failures []error
	phase := func(name string, l Load, keep func(*HTTPConfigResult, LoadStats)) {
		for _, cr := range res.Configs {
			if !cr.Available || cr.Error != "" || ctx.Err() != nil {
				continue
			}
			st, err := measure(ctx, e, cr.HTTPConfig, l)
			switch {
			case isUnavailable(err):
				cr.Available, cr.Unavailable = false, err.Error()
				fmt.Fprintf(e.log, "%s (%s): not available: %v\n", cr.Key, cr.Name, err)
			case err != nil:
				cr.Error = fmt.Sprintf("%s: %v", name, err)
				failures = append(failures, fmt.Errorf("%s (%s) %s: %w", cr.Key, cr.Name, name, err))
				fmt.Fprintf(e.log, "%s (%s) %s: FAILED: %v\n", cr.Key, cr.Name, name, err)
			default:
				keep(cr, st)
				fmt.Fprintf(e.log, "%s (%s) %s: %.0f req/s, p50 %.2f ms, p99 %.2f ms, %d bad of %d\n",
					cr.Key, cr.Name, name, st.Throughput, st.P50Ms, st.P99Ms, st.Bad, st.Requests)
				if st.Bad > 0 {
					cr.Error = fmt.Sprintf("%s: %d of %d responses were not 200 with %d bytes (first: %s)", name, st.Bad, st.Requests, HTTPBodySize, st.FirstBad)
					failures = append(failures, fmt.Errorf("%s (%s): %s", cr.Key, cr.Name, cr.Error))
				}
			}
		}
	}
	conns := o.connections()
	phase("saturation", Load{Rate: 0, Duration: o.duration(), Connections: conns, Saturate: true},
		func(cr *HTTPConfigResult, st LoadStats) { cr.Saturation = &st })
	res.Rate = o.Rate
	if res.Rate == 0 {
		res.Rate = fixedRate(res.Configs)
	}
	if res.Rate > 0 {
		phase("fixed rate", Load{Rate: res.Rate, Duration: o.duration(), Connections: conns},
			func(cr *HTTPConfigResult, st LoadStats) { cr.Fixed = &st })
	}
	res.summarize()
	if ctx.Err() != nil {
		res.Notes = append(res.Notes, "interrupted")
		return res, ctx.Err()
	}
	return res, errors.Join(failures...)
}

// fixedRate is a quarter of the lowest saturation throughput measured (0
// if none).
func fixedRate(cs []*HTTPConfigResult) int {
	low := math.Inf(1)
	for _, c := range cs {
		if c.Saturation != nil && c.Error == "" {
			low = math.Min(low, c.Saturation.Throughput)
		}
	}
	if math.IsInf(low, 1) {
		return 0
	}
	return max(1, int(low/4))
}

// measure starts c's server, waits until it answers, warms it up for half
// a measurement, sends l, and stops it. A server that died during the
// load has failed.
func measure(ctx context.Context, e *httpEnv, c HTTPConfig, l Load) (LoadStats, error) {
	srv, err := c.start(ctx, e)
	if err != nil {
		return LoadStats{}, err
	}
	defer srv.stop()
	if err := srv.waitReady(ctx, e.opts.startTimeout(c.VM)); err != nil {
		return LoadStats{}, err
	}
	// Warm up, unmeasured: a server just started (a VM just booted,
	// under TCG with its translation cache cold) is slower in its first
	// seconds than after.
	l.Dial = srv.dial
	warm := Load{Duration: e.opts.duration() / 2, Connections: l.Connections, Saturate: true, Dial: srv.dial}
	if _, err := RunLoad(ctx, srv.url, warm); err != nil {
		return LoadStats{}, fmt.Errorf("warm-up: %w", err)
	}
	st, err := RunLoad(ctx, srv.url, l)
	if err != nil {
		return st, err
	}
	select {
	case <-srv.done:
		return st, fmt.Errorf("the server ended during the load (%v): %s", srv.err, firstLines(srv.out.String(), 3))
	default:
	}
	return st, nil
}

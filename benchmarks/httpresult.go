package benchmarks

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"math"
	"runtime"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/ebbnode/ebbnode/benchmarks/linuxvm"
)

// HTTPResult is one HTTP benchmark session, written as <name>.json.
type HTTPResult struct {
	Date  string `json:"date"`
	Quick bool   `json:"quick"`
	// Server says what answers; Load what sends the requests.
	Server      string  `json:"server"`
	Load        string  `json:"load"`
	Seconds     float64 `json:"seconds"`     // each measurement's duration
	Connections int     `json:"connections"` // at saturation
	// Rate is the fixed request rate of the latency measurement.
	Rate    int                 `json:"rate"`
	Host    Host                `json:"host"`
	Go      string              `json:"go"`
	Node    string              `json:"node"`
	QEMU    string              `json:"qemu"`
	VM      VM                  `json:"vm"`
	Network string              `json:"network"` // the VMs' netdev
	Configs []*HTTPConfigResult `json:"configs"`
	Ratios  []HTTPRatio         `json:"ratios"`
	Notes   []string            `json:"notes"`
}

// HTTPConfigResult is one configuration's measurements.
type HTTPConfigResult struct {
	HTTPConfig
	Available   bool       `json:"available"`
	Unavailable string     `json:"unavailable,omitempty"`
	Error       string     `json:"error,omitempty"`
	Saturation  *LoadStats `json:"saturation,omitempty"`
	Fixed       *LoadStats `json:"fixed,omitempty"` // at HTTPResult.Rate
}

// HTTPRatio compares two configurations: throughput at saturation
// (higher is better) and p99 latency at the fixed rate (lower is better).
type HTTPRatio struct {
	Name       string  `json:"name"`
	Saturation float64 `json:"saturation,omitempty"`
	P99        float64 `json:"p99,omitempty"`
}

// HTTPRatios: c/d is EbbRT's comparison (library OS against Linux, same
// VM, same netdev); c/b the cost of the VM and its network; b/a the
// engine's cost against node.
// cg/dg is the same comparison for the Go net/http server; ct/dt and
// cgt/dgt are both on a tap device; c/ct and dg/dgt are what user
// networking costs against a tap device.
var HTTPRatios = [][2]string{{"c", "d"}, {"ct", "dt"}, {"c", "b"}, {"b", "a"}, {"cg", "dg"}, {"cgt", "dgt"}, {"c", "ct"}, {"dg", "dgt"}}

func newHTTPResult(ctx context.Context, e *httpEnv) *HTTPResult {
	r := &HTTPResult{
		Date:        time.Now().UTC().Format(time.RFC3339),
		Quick:       e.opts.Quick,
		Server:      fmt.Sprintf("benchmarks/http/server.js: node http, every response 200 with %d bytes", HTTPBodySize),
		Load:        VegetaVersion + ", from the host to 127.0.0.1",
		Seconds:     e.opts.duration().Seconds(),
		Connections: e.opts.connections(),
		Host:        hostInfo(),
		Go:          runtime.Version(),
		Node:        commandLine(ctx, "node", "--version"),
		VM: VM{Machine: e.vm.Machine, MemoryMiB: e.vm.MemoryMiB, CPUs: e.vm.CPUs,
			Accel: e.vm.Accel, AccelNote: e.accelWhy},
		Network: fmt.Sprintf("virtio-net on QEMU user networking with -p 127.0.0.1:PORT:%d; tap rows (ct, cgt, dt, dgt): a tap device in a private network namespace, guest %s", HTTPGuestPort, tapGuestIP),
	}
	if v, err := linuxvm.Version(ctx); err == nil {
		r.QEMU = v
	}
	r.Notes = append(r.Notes,
		"the load generator and the servers share this machine's cores")
	return r
}

func (r *HTTPResult) config(key string) *HTTPConfigResult {
	for _, c := range r.Configs {
		if c.Key == key {
			return c
		}
	}
	return nil
}

func (r *HTTPResult) summarize() {
	r.Ratios = nil
	for _, p := range HTTPRatios {
		n, d := r.config(p[0]), r.config(p[1])
		q := HTTPRatio{Name: p[0] + "/" + p[1]}
		if n != nil && d != nil && n.Saturation != nil && d.Saturation != nil && d.Saturation.Throughput > 0 {
			q.Saturation = n.Saturation.Throughput / d.Saturation.Throughput
		}
		if n != nil && d != nil && n.Fixed != nil && d.Fixed != nil && d.Fixed.P99Ms > 0 {
			q.P99 = n.Fixed.P99Ms / d.Fixed.P99Ms
		}
		r.Ratios = append(r.Ratios, q)
	}
}

// WriteHTTPTable prints r: one row per configuration, then the ratios and
// why any configuration is missing.
func WriteHTTPTable(w io.Writer, r *HTTPResult) error {
	mode := map[bool]string{true: "quick", false: "full"}[r.Quick]
	fmt.Fprintf(w, "HTTP benchmark (%s mode): %s\n", mode, r.Server)
	latency := fmt.Sprintf("open loop at %d req/s for %gs", r.Rate, r.Seconds)
	if r.Rate == 0 {
		latency = "not measured (no saturation measured)"
	}
	fmt.Fprintf(w, "load: %s; saturation: %d connections for %gs; latency: %s\n", r.Load, r.Connections, r.Seconds, latency)
	fmt.Fprintf(w, "VM for c and d: %s, %d MiB, %d CPU, %s; network: %s\n", r.VM.Machine, r.VM.MemoryMiB, r.VM.CPUs, r.VM.Accel, r.Network)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "configuration\tsat req/s\tp50 ms\tp99 ms\tmean ms\tbad\t")
	for _, c := range r.Configs {
		cells := []string{c.Key + " " + c.Name, "n/a", "n/a", "n/a", "n/a", "-"}
		var bad uint64
		if s := c.Saturation; s != nil {
			cells[1] = fmt.Sprintf("%.0f", s.Throughput)
			bad += s.Bad
		}
		if f := c.Fixed; f != nil {
			cells[2], cells[3], cells[4] = fmtMs(f.P50Ms), fmtMs(f.P99Ms), fmtMs(f.MeanMs)
			bad += f.Bad
		}
		if c.Saturation != nil || c.Fixed != nil {
			cells[5] = fmt.Sprint(bad)
		}
		fmt.Fprintln(tw, strings.Join(cells, "\t")+"\t")
	}
	fmt.Fprintln(tw, "ratio\tsat\t\tp99\t\t\t")
	for _, q := range r.Ratios {
		fmt.Fprintf(tw, "%s\t%s\t\t%s\t\t\t\n", q.Name, fmtRatio(q.Saturation), fmtRatio(q.P99))
	}
	if err := tw.Flush(); err != nil {
		return fmt.Errorf("benchmarks: table: %w", err)
	}
	for _, c := range r.Configs {
		if f := c.Fixed; f != nil && f.Sent < 0.9*float64(f.Rate) {
			fmt.Fprintf(w, "%s (%s): requests went out at only %.0f of %d req/s: the rate is above what it sustains, its latencies are a backlog's\n",
				c.Key, c.Name, f.Sent, f.Rate)
		}
		if !c.Available {
			fmt.Fprintf(w, "%s (%s): not available: %s\n", c.Key, c.Name, c.Unavailable)
		}
		if c.Error != "" {
			fmt.Fprintf(w, "%s (%s) failed: %s\n", c.Key, c.Name, firstLine(c.Error))
		}
	}
	return nil
}

func fmtMs(ms float64) string { return fmt.Sprintf("%.3g", ms) }

func fmtRatio(x float64) string {
	if x == 0 {
		return "-"
	}
	return formatRatio(x)
}

// WriteHTTPChart draws r as SVG: requests/s at saturation and p50/p99 at
// the fixed rate, one bar per configuration, each panel on its own linear
// axis.
func WriteHTTPChart(w io.Writer, r *HTTPResult) error {
	var shown []*HTTPConfigResult
	for _, c := range r.Configs {
		if c.Saturation != nil || c.Fixed != nil {
			shown = append(shown, c)
		}
	}
	if len(shown) == 0 {
		return fmt.Errorf("benchmarks: chart: no configuration has results")
	}
	type panel struct {
		title string
		value func(*HTTPConfigResult) float64
	}
	panels := []panel{
		{"requests/s at saturation (higher is better)", func(c *HTTPConfigResult) float64 {
			if c.Saturation == nil {
				return 0
			}
			return c.Saturation.Throughput
		}},
		{fmt.Sprintf("p50 ms at %d req/s (lower is better)", r.Rate), func(c *HTTPConfigResult) float64 {
			if c.Fixed == nil {
				return 0
			}
			return c.Fixed.P50Ms
		}},
		{fmt.Sprintf("p99 ms at %d req/s (lower is better)", r.Rate), func(c *HTTPConfigResult) float64 {
			if c.Fixed == nil {
				return 0
			}
			return c.Fixed.P99Ms
		}},
	}
	const top, plotH, panelW, barW = 60.0, 220.0, 260.0, 40.0
	width := 40 + float64(len(panels))*panelW
	height := top + plotH + 80
	var b bytes.Buffer
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%.0f" height="%.0f" font-family="sans-serif" font-size="12">`+"\n", width, height)
	fmt.Fprintf(&b, `<rect width="100%%" height="100%%" fill="white"/>`+"\n")
	fmt.Fprintf(&b, `<text x="20" y="20" font-size="15">HTTP benchmark: %d-byte page, %s</text>`+"\n", HTTPBodySize, esc(r.Load))
	fmt.Fprintf(&b, `<text x="20" y="38" fill="#555">VM: %s, %d MiB, %d CPU, %s; %s</text>`+"\n",
		esc(r.VM.Machine), r.VM.MemoryMiB, r.VM.CPUs, esc(r.VM.Accel), esc(r.Network))
	for p, pn := range panels {
		x0 := 40 + float64(p)*panelW
		hi := 0.0
		for _, c := range shown {
			hi = math.Max(hi, pn.value(c))
		}
		if hi == 0 {
			hi = 1
		}
		fmt.Fprintf(&b, `<text x="%.0f" y="%.0f">%s</text>`+"\n", x0, top-6, esc(pn.title))
		fmt.Fprintf(&b, `<line x1="%.0f" x2="%.0f" y1="%.0f" y2="%.0f" stroke="#000"/>`+"\n", x0, x0+panelW-30, top+plotH, top+plotH)
		for i, c := range shown {
			v := pn.value(c)
			h := plotH * v / hi
			x := x0 + 10 + float64(i)*(barW+10)
			fmt.Fprintf(&b, `<rect x="%.1f" y="%.1f" width="%.0f" height="%.1f" fill="%s"><title>%s %s: %.4g</title></rect>`+"\n",
				x, top+plotH-h, barW, math.Max(h, 0.5), barColors[i%len(barColors)], esc(c.Key), esc(c.Name), v)
			fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" text-anchor="middle">%.3g</text>`+"\n", x+barW/2, top+plotH-h-4, v)
			fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" text-anchor="middle">%s</text>`+"\n", x+barW/2, top+plotH+16, esc(c.Key))
		}
	}
	ly := top + plotH + 50
	for i, c := range shown {
		lx := 40 + float64(i)*170
		fmt.Fprintf(&b, `<rect x="%.0f" y="%.0f" width="12" height="12" fill="%s"/>`+"\n", lx, ly, barColors[i%len(barColors)])
		fmt.Fprintf(&b, `<text x="%.0f" y="%.0f">%s %s</text>`+"\n", lx+16, ly+11, esc(c.Key), esc(c.Name))
	}
	b.WriteString("</svg>\n")
	_, err := w.Write(b.Bytes())
	return err
}

// SaveHTTP writes <name>.json, <name>.txt and (when any configuration has
// results) <name>.svg into dir and returns their paths.
func SaveHTTP(r *HTTPResult, dir, name string) ([]string, error) {
	return saveFiles(dir, name, r,
		func(w io.Writer) error { return WriteHTTPTable(w, r) },
		func(w io.Writer) error {
			var b bytes.Buffer
			if WriteHTTPChart(&b, r) != nil {
				return errNoChart
			}
			_, err := w.Write(b.Bytes())
			return err
		})
}

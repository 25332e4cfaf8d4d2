package benchmarks

import (
	"bytes"
	"context"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/ebbnode/ebbnode/benchmarks/linuxvm"
	"github.com/ebbnode/ebbnode/benchmarks/speedup/work"
	"github.com/ebbnode/ebbnode/host/image"
	"github.com/ebbnode/ebbnode/host/launch"
	"github.com/ebbnode/ebbnode/host/offload"
	"github.com/ebbnode/ebbnode/host/qemu"
)

// The speedup benchmark (`ebbnode bench --suite speedup`): how much faster
// a CPU-bound program runs on 2 vCPUs than on 1, natively and in the Linux
// VM. Two workloads, each split over one worker per CPU the OS offers:
//
//   - go: benchmarks/speedup/work, one goroutine per P, linked as a native
//     image (gonative) and as a static Linux program (golinux);
//   - js: benchmarks/speedup/workers.js, one worker_threads Worker per
//     vCPU, as a native app image and under `ebbnode exec` in the Linux
//     VM.
//
// Each program times its own work (after its boot) and prints one line;
// the harness checks the line's checksum against its own computation.

// SpeedupScript is the JS workload.
//
//go:embed speedup/workers.js
var SpeedupScript []byte

// SpeedupJSItems is the JS workload's size (integers hashed): several
// seconds on one TCG vCPU under goja.
const SpeedupJSItems = 25000

// SpeedupOptions choose what RunSpeedup measures.
type SpeedupOptions struct {
	Quick   bool
	Configs []string // keys of SpeedupConfigs; none means all
	// CPUs are the vCPU counts compared; none means 1 and 2 (the host's
	// two cores make 2 the honest top). The first is the baseline.
	CPUs []int
	Reps int // runs per configuration and vCPU count; 0: 1 quick, else 3
	// Ebbnode is the static ebbnode binary (and the native runtime beside
	// it) for the JS rows; empty builds both from the source tree.
	Ebbnode    string
	RunTimeout time.Duration // one boot and run; 0 means 10 min
	Log        io.Writer     // progress; nil discards it
	// AfterRep is called after each repetition with the results so far.
	AfterRep func(*SpeedupResult)
}

// SpeedupConfig is one way of running a workload.
type SpeedupConfig struct {
	Key      string `json:"key"`
	Workload string `json:"workload"` // go or js
	Where    string `json:"where"`    // native or Linux VM
	Title    string `json:"title"`

	prepare func(ctx context.Context, e *speedupEnv) error
	run     func(ctx context.Context, e *speedupEnv, cpus int) ([]byte, error)
}

// SpeedupConfigs are the configurations, in table order.
var SpeedupConfigs = []SpeedupConfig{
	{Key: "gn", Workload: "go", Where: "native", Title: "benchmarks/speedup/gonative: the Go workload linked as a native ebbnode image",
		prepare: prepareGoNativeSpeedup, run: runGoNativeSpeedup},
	{Key: "gl", Workload: "go", Where: "Linux VM", Title: "benchmarks/speedup/golinux: the same Go workload, static, run by vminit in the Debian Linux VM",
		prepare: prepareGoLinuxSpeedup, run: runGoLinuxSpeedup},
	{Key: "jn", Workload: "js", Where: "native", Title: "benchmarks/speedup/workers.js, one Worker per vCPU, as a native app image (ebbnode build + run)",
		prepare: prepareJSNativeSpeedup, run: runJSNativeSpeedup},
	{Key: "jl", Workload: "js", Where: "Linux VM", Title: "benchmarks/speedup/workers.js, one Worker per vCPU, under ebbnode exec in the Debian Linux VM",
		prepare: prepareJSLinuxSpeedup, run: runJSLinuxSpeedup},
}

// SpeedupResult is one session, written as results/<name>.json.
type SpeedupResult struct {
	Date      string `json:"date"`
	Quick     bool   `json:"quick"`
	Reps      int    `json:"reps"`
	Completed int    `json:"completed"`
	CPUs      []int  `json:"cpus"`
	Host      Host   `json:"host"`
	Go        string `json:"go"`
	QEMU      string `json:"qemu"`
	// VM is the machine every row boots, but for its CPU count.
	VM VM `json:"vm"`
	// LoadAvg is the host's 1-minute load average before and after the
	// session: the machine is shared, so the figures are as noisy as it.
	LoadAvg [2]float64             `json:"loadAvg"`
	Configs []*SpeedupConfigResult `json:"configs"`
	Notes   []string               `json:"notes"`
}

// SpeedupConfigResult is one configuration's runs and medians.
type SpeedupConfigResult struct {
	SpeedupConfig
	Unavailable string       `json:"unavailable,omitempty"`
	Runs        []SpeedupRun `json:"runs"`
	// MedianMs[i] is the median time on CPUs[i] vCPUs (0: no run).
	MedianMs []float64 `json:"medianMs"`
	// Speedup[i] is MedianMs[0] / MedianMs[i].
	Speedup []float64 `json:"speedup"`
}

// SpeedupRun is one boot and run.
type SpeedupRun struct {
	Rep     int     `json:"rep"`
	CPUs    int     `json:"cpus"`
	Workers int     `json:"workers,omitempty"`
	Ms      float64 `json:"ms,omitempty"`
	Error   string  `json:"error,omitempty"`
}

type speedupEnv struct {
	opts    SpeedupOptions
	work    string
	log     io.Writer
	vm      launch.VM // VMSettings, accelerator resolved (CPUs per run)
	goImage string    // gn
	goLinux []byte    // gl: the static program
	jsImage string    // jn

	ebbnode string // static ebbnode (jn's runtime is linked from the same tree)
	kernel  string // the Linux VM's
	kernPkg string
	vminit  []byte
	initrds map[string]string // key → initramfs
}

func (o SpeedupOptions) reps() int {
	switch {
	case o.Reps > 0:
		return o.Reps
	case o.Quick:
		return 1
	}
	return 3
}

func (o SpeedupOptions) cpus() []int {
	if len(o.CPUs) > 0 {
		return o.CPUs
	}
	return []int{1, 2}
}

// RunSpeedup runs the session: every available configuration on every
// vCPU count, interleaved (a repetition runs each once), and the medians.
// The result is returned even when runs failed (with the first error).
func RunSpeedup(ctx context.Context, o SpeedupOptions) (*SpeedupResult, error) {
	var selected []SpeedupConfig
	for _, c := range SpeedupConfigs {
		if len(o.Configs) == 0 || slices.Contains(o.Configs, c.Key) {
			selected = append(selected, c)
		}
	}
	for _, k := range o.Configs {
		if !slices.ContainsFunc(SpeedupConfigs, func(c SpeedupConfig) bool { return c.Key == k }) {
			return nil, fmt.Errorf("benchmarks: unknown speedup configuration %q (want gn, gl, jn or jl)", k)
		}
	}
	for _, n := range o.cpus() {
		if n < 1 || n > launch.MaxCPUs {
			return nil, fmt.Errorf("benchmarks: %d vCPUs: want 1 to %d", n, launch.MaxCPUs)
		}
	}
	dir, err := os.MkdirTemp("", "ebbnode-speedup-")
	if err != nil {
		return nil, fmt.Errorf("benchmarks: %w", err)
	}
	defer os.RemoveAll(dir)
	e := &speedupEnv{opts: o, work: dir, log: o.Log, vm: VMSettings, initrds: map[string]string{}}
	if e.log == nil {
		e.log = io.Discard
	}
	accel, why, err := qemu.ResolveAccel(e.vm.Accel, qemu.DefaultHost)
	if err != nil {
		return nil, fmt.Errorf("benchmarks: %w", err)
	}
	e.vm.Accel = accel
	if why == "" {
		why = "ebbnode: using " + accel
	}
	r := &SpeedupResult{
		Date: time.Now().UTC().Format(time.RFC3339), Quick: o.Quick, Reps: o.reps(), CPUs: o.cpus(),
		Host: hostInfo(), Go: runtime.Version(),
		VM:      VM{Machine: e.vm.Machine, MemoryMiB: e.vm.MemoryMiB, Accel: accel, AccelNote: why},
		LoadAvg: [2]float64{load1(), 0},
		Notes: []string{
			"each program times its own work after it has booted; the rows differ only in the OS (and, for js, in the engine's host: the image's kernel or Linux)",
			"runs are interleaved: each repetition runs every row on every vCPU count once",
			"under TCG each vCPU is a host thread (-accel tcg,thread=multi), so a 2-vCPU run competes with the host's other load",
		},
	}
	if v, err := linuxvm.Version(ctx); err == nil {
		r.QEMU = v
	}
	for _, c := range selected {
		cr := &SpeedupConfigResult{SpeedupConfig: c}
		fmt.Fprintf(e.log, "%s: preparing\n", c.Key)
		if err := c.prepare(ctx, e); err != nil {
			var u *UnavailableError
			if !errors.As(err, &u) {
				return nil, fmt.Errorf("preparing %s: %w", c.Key, err)
			}
			cr.Unavailable = u.Reason
		}
		r.Configs = append(r.Configs, cr)
	}
	var firstErr error
	for rep := 1; rep <= o.reps(); rep++ {
		for _, n := range o.cpus() {
			for _, cr := range r.Configs {
				if cr.Unavailable != "" {
					continue
				}
				if ctx.Err() != nil {
					return r, ctx.Err()
				}
				run := e.runOnce(ctx, cr, rep, n)
				if run.Error != "" && firstErr == nil {
					firstErr = fmt.Errorf("%s on %d vCPU(s): %s", cr.Key, n, run.Error)
				}
				cr.Runs = append(cr.Runs, run)
			}
		}
		r.Completed = rep
		r.LoadAvg[1] = load1()
		r.summarize()
		if o.AfterRep != nil {
			o.AfterRep(r)
		}
	}
	return r, firstErr
}

var (
	speedupLine = regexp.MustCompile(`speedup: go cpus=(\d+) workers=(\d+) ms=([\d.]+) sum=(\d+)`)
	workersLine = regexp.MustCompile(`workers=(\d+) items=(\d+) checksum=([0-9a-f]+) elapsed_ms=([\d.]+)`)
)

// runOnce boots cr on n vCPUs and checks what the program printed: as many
// workers as vCPUs, and the sum the host computes.
func (e *speedupEnv) runOnce(ctx context.Context, cr *SpeedupConfigResult, rep, n int) SpeedupRun {
	run := SpeedupRun{Rep: rep, CPUs: n}
	t := time.Now()
	out, err := cr.run(ctx, e, n)
	workers, ms, sum, ok := parseSpeedup(cr.Workload, out)
	switch {
	case err != nil:
		run.Error = fmt.Sprintf("%v; output: %s", err, tailLines(out, 5))
	case !ok:
		run.Error = "no result line in the output: " + tailLines(out, 5)
	default:
		run.Workers, run.Ms = workers, ms
		if want := expectedSum(cr.Workload); sum != want {
			run.Error = fmt.Sprintf("sum %d, want %d", sum, want)
		} else if run.Workers != n {
			run.Error = fmt.Sprintf("%d workers on %d vCPUs: the program did not see the CPUs", run.Workers, n)
		}
		if run.Error != "" {
			run.Ms = 0
		}
	}
	fmt.Fprintf(e.log, "%s rep %d, %d vCPU(s): %.1f ms (%v wall) %s\n", cr.Key, rep, n, run.Ms, time.Since(t).Round(time.Second), run.Error)
	return run
}

// parseSpeedup reads a workload's result line: work/work.go's for go,
// workers.js's for js (its checksum in hex).
func parseSpeedup(workload string, out []byte) (workers int, ms float64, sum uint64, ok bool) {
	var m [][]byte
	base := 10
	if workload == "go" {
		// cpus, workers, ms, sum
		if m = speedupLine.FindSubmatch(out); m != nil {
			m = m[1:]
		}
	} else if m = workersLine.FindSubmatch(out); m != nil {
		// workers, items, checksum, ms: reorder as the go line's
		m = [][]byte{nil, m[1], m[4], m[3]}
		base = 16
	}
	if m == nil {
		return 0, 0, 0, false
	}
	workers, _ = strconv.Atoi(string(m[1]))
	ms, _ = strconv.ParseFloat(string(m[2]), 64)
	sum, _ = strconv.ParseUint(string(m[3]), base, 64)
	return workers, ms, sum, true
}

// expectedSum is the sum the workload must print.
func expectedSum(workload string) uint64 {
	if workload == "go" {
		goSumOnce()
		return goSum
	}
	return jsSum(SpeedupJSItems)
}

var (
	goSum     uint64
	goSumDone bool
)

func goSumOnce() {
	if !goSumDone {
		goSum, goSumDone = work.Sum(runtime.GOMAXPROCS(0)), true
	}
}

// jsSum is workers.js's checksum over [0, items), in uint32 arithmetic
// as the script's Math.imul and >>> give.
func jsSum(items int) uint64 {
	s := uint32(0)
	for i := 0; i < items; i++ {
		h := uint32(i)
		for range 4 {
			h = (h ^ h>>16) * 0x45d9f3b
			h = (h ^ h>>13) * 0x2c1b3c6d
		}
		s += h ^ h>>16
	}
	return uint64(s)
}

func (r *SpeedupResult) summarize() {
	for _, c := range r.Configs {
		c.MedianMs = make([]float64, len(r.CPUs))
		c.Speedup = make([]float64, len(r.CPUs))
		for i, n := range r.CPUs {
			var ms []float64
			for _, run := range c.Runs {
				if run.CPUs == n && run.Error == "" {
					ms = append(ms, run.Ms)
				}
			}
			c.MedianMs[i] = median(ms)
		}
		for i := range r.CPUs {
			if c.MedianMs[0] > 0 && c.MedianMs[i] > 0 {
				c.Speedup[i] = c.MedianMs[0] / c.MedianMs[i]
			}
		}
	}
}

func median(v []float64) float64 {
	if len(v) == 0 {
		return 0
	}
	s := slices.Clone(v)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

// load1 is the host's 1-minute load average (0 if unknown).
func load1() float64 {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return 0
	}
	f := strings.Fields(string(b))
	if len(f) == 0 {
		return 0
	}
	v, _ := strconv.ParseFloat(f[0], 64)
	return v
}

// WriteSpeedupTable prints r: per row the median times and the speedup
// over the first vCPU count, then the goal and why rows are missing.
func WriteSpeedupTable(w io.Writer, r *SpeedupResult) error {
	mode := map[bool]string{true: "quick", false: "full"}[r.Quick]
	fmt.Fprintf(w, "Parallel speedup (%s mode), medians of %d run(s); host load average %.1f before, %.1f after\n", mode, r.Completed, r.LoadAvg[0], r.LoadAvg[1])
	fmt.Fprintf(w, "VM: %s, %d MiB, %s; one worker per vCPU\n", r.VM.Machine, r.VM.MemoryMiB, r.VM.Accel)
	head := fmt.Sprintf("%-4s %-8s %-9s", "key", "workload", "where")
	for _, n := range r.CPUs {
		head += fmt.Sprintf(" %11s", fmt.Sprintf("%d vCPU ms", n))
	}
	for _, n := range r.CPUs[1:] {
		head += fmt.Sprintf(" %9s", fmt.Sprintf("x%d", n))
	}
	fmt.Fprintln(w, head)
	for _, c := range r.Configs {
		line := fmt.Sprintf("%-4s %-8s %-9s", c.Key, c.Workload, c.Where)
		if c.Unavailable != "" {
			fmt.Fprintf(w, "%s  not available: %s\n", line, firstLine(c.Unavailable))
			continue
		}
		for i := range r.CPUs {
			line += fmt.Sprintf(" %11s", fmtMsOrDash(c.MedianMs[i]))
		}
		for i := range r.CPUs[1:] {
			line += fmt.Sprintf(" %9s", fmtSpeedup(c.Speedup[i+1]))
		}
		fmt.Fprintln(w, line)
	}
	if len(r.CPUs) > 1 {
		last := len(r.CPUs) - 1
		for _, wl := range []string{"go", "js"} {
			n, l := r.speedupOf(wl, "native", last), r.speedupOf(wl, "Linux VM", last)
			if n == 0 || l == 0 {
				continue
			}
			fmt.Fprintf(w, "%s: native x%d = %.2f (goal >= 1.7: %s), Linux VM %.2f (native/Linux VM %.2f)\n",
				wl, r.CPUs[last], n, yesNo(n >= 1.7), l, n/l)
		}
	}
	for _, c := range r.Configs {
		for _, run := range c.Runs {
			if run.Error != "" {
				fmt.Fprintf(w, "%s rep %d on %d vCPU(s) failed: %s\n", c.Key, run.Rep, run.CPUs, firstLine(run.Error))
			}
		}
	}
	return nil
}

func (r *SpeedupResult) speedupOf(workload, where string, i int) float64 {
	for _, c := range r.Configs {
		if c.Workload == workload && c.Where == where && c.Unavailable == "" {
			return c.Speedup[i]
		}
	}
	return 0
}

func fmtMsOrDash(ms float64) string {
	if ms == 0 {
		return "-"
	}
	return fmt.Sprintf("%.0f", ms)
}

func fmtSpeedup(x float64) string {
	if x == 0 {
		return "-"
	}
	return fmt.Sprintf("%.2f", x)
}

func yesNo(b bool) string {
	if b {
		return "met"
	}
	return "not met"
}

// WriteSpeedupChart draws the speedups as SVG bars: one group per
// workload, one bar per place (native, Linux VM), with the ideal (the
// vCPU count) and the 1.7 goal marked.
func WriteSpeedupChart(w io.Writer, r *SpeedupResult) error {
	if len(r.CPUs) < 2 {
		return fmt.Errorf("benchmarks: speedup chart: one vCPU count, no speedup")
	}
	last := len(r.CPUs) - 1
	top := math.Max(2, float64(r.CPUs[last]))
	const width, height, left, bottom, topPad = 520, 300, 50, 40, 30
	plotH := float64(height - bottom - topPad)
	y := func(v float64) float64 { return topPad + plotH*(1-v/top) }
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" font-family="sans-serif" font-size="12">`+"\n", width, height)
	fmt.Fprintf(&b, `<text x="%d" y="18">Speedup on %d vCPUs over %d (medians; load avg %.1f)</text>`+"\n", left, r.CPUs[last], r.CPUs[0], r.LoadAvg[1])
	for v := 0.0; v <= top; v += 0.5 {
		fmt.Fprintf(&b, `<line x1="%d" x2="%d" y1="%.1f" y2="%.1f" stroke="#ddd"/><text x="%d" y="%.1f" text-anchor="end">%.1f</text>`+"\n",
			left, width-10, y(v), y(v), left-5, y(v)+4, v)
	}
	fmt.Fprintf(&b, `<line x1="%d" x2="%d" y1="%.1f" y2="%.1f" stroke="#e15759" stroke-dasharray="4"/><text x="%d" y="%.1f" fill="#e15759">goal 1.7</text>`+"\n",
		left, width-10, y(1.7), y(1.7), width-70, y(1.7)-4)
	x := float64(left + 20)
	for gi, wl := range []string{"go", "js"} {
		for pi, where := range []string{"native", "Linux VM"} {
			v := r.speedupOf(wl, where, last)
			bx := x + float64(gi)*220 + float64(pi)*80
			if v > 0 {
				fmt.Fprintf(&b, `<rect x="%.1f" y="%.1f" width="60" height="%.1f" fill="%s"/><text x="%.1f" y="%.1f" text-anchor="middle">%.2f</text>`+"\n",
					bx, y(v), y(0)-y(v), barColors[pi], bx+30, y(v)-4, v)
			} else {
				fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" text-anchor="middle">n/a</text>`+"\n", bx+30, y(0)-4)
			}
			fmt.Fprintf(&b, `<text x="%.1f" y="%d" text-anchor="middle">%s %s</text>`+"\n", bx+30, height-bottom+16, wl, where)
		}
	}
	b.WriteString("</svg>\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// SaveSpeedup writes <name>.json (every run), <name>.txt (the table) and
// <name>.svg (the chart) into dir and returns their paths.
func SaveSpeedup(r *SpeedupResult, dir, name string) ([]string, error) {
	return saveFiles(dir, name, r,
		func(w io.Writer) error { return WriteSpeedupTable(w, r) },
		func(w io.Writer) error {
			var b bytes.Buffer
			if WriteSpeedupChart(&b, r) != nil {
				return errNoChart
			}
			_, err := w.Write(b.Bytes())
			return err
		})
}

// --- the configurations ---

func (e *speedupEnv) timeout() time.Duration {
	if e.opts.RunTimeout > 0 {
		return e.opts.RunTimeout
	}
	return 10 * time.Minute
}

func (e *speedupEnv) vmFor(cpus int) launch.VM {
	vm := e.vm
	vm.CPUs = cpus
	vm.Timeout = e.timeout()
	return vm
}

func prepareGoNativeSpeedup(ctx context.Context, e *speedupEnv) error {
	root, err := linuxvm.ModuleRoot(".")
	if err != nil {
		return fmt.Errorf("linking the Go workload: %w", err)
	}
	e.goImage = filepath.Join(e.work, "gonative.elf")
	return image.Link(ctx, image.LinkOptions{Pkg: "./benchmarks/speedup/gonative", Out: e.goImage, Dir: root})
}

func runGoNativeSpeedup(ctx context.Context, e *speedupEnv, cpus int) ([]byte, error) {
	c := e.vmFor(cpus).QEMU(e.goImage)
	res, err := qemu.Run(ctx, c)
	if err == nil && (res.TimedOut || res.Crashed || res.ExitCode != 0) {
		err = fmt.Errorf("image ended with exit %d (timed out %v, crashed %v)", res.ExitCode, res.TimedOut, res.Crashed)
	}
	return res.Console, err
}

// linuxBase fetches the Linux VM's kernel and builds vminit, once.
func (e *speedupEnv) linuxBase(ctx context.Context) error {
	if e.kernel != "" {
		return nil
	}
	cache, err := linuxvm.DefaultCacheDir()
	if err != nil {
		return err
	}
	if e.kernel, e.kernPkg, err = linuxvm.Kernel(ctx, cache); err != nil {
		return err
	}
	root, err := linuxvm.ModuleRoot(".")
	if err != nil {
		return fmt.Errorf("building vminit: %w", err)
	}
	path := filepath.Join(e.work, "vminit")
	if err := linuxvm.BuildStatic(ctx, root, "./benchmarks/linuxvm/vminit", path); err != nil {
		return err
	}
	e.vminit, err = os.ReadFile(path)
	return err
}

// linuxInitrd writes key's initramfs: vminit, files, the command line.
func (e *speedupEnv) linuxInitrd(key string, files []linuxvm.File, cmdline string) error {
	var b bytes.Buffer
	all := append([]linuxvm.File{
		{Name: "/init", Mode: 0o755, Data: e.vminit},
		{Name: "/suite/cmdline", Mode: 0o644, Data: []byte(cmdline + "\n")},
	}, files...)
	if err := linuxvm.WriteInitramfs(&b, all); err != nil {
		return err
	}
	p := filepath.Join(e.work, "initrd-"+key+".gz")
	if err := os.WriteFile(p, b.Bytes(), 0o644); err != nil {
		return fmt.Errorf("benchmarks: %w", err)
	}
	e.initrds[key] = p
	return nil
}

func (e *speedupEnv) runLinux(ctx context.Context, key string, cpus int) ([]byte, error) {
	c := e.vmFor(cpus).QEMU(e.kernel)
	res, err := linuxvm.Boot(ctx, c, e.kernel, e.initrds[key])
	return res.Console, err
}

func prepareGoLinuxSpeedup(ctx context.Context, e *speedupEnv) error {
	if err := e.linuxBase(ctx); err != nil {
		return err
	}
	data, err := staticProgram(ctx, e.work, "./benchmarks/speedup/golinux", "the Go workload")
	if err != nil {
		return err
	}
	return e.linuxInitrd("gl", []linuxvm.File{{Name: "/golinux", Mode: 0o755, Data: data}}, "/golinux")
}

func runGoLinuxSpeedup(ctx context.Context, e *speedupEnv, cpus int) ([]byte, error) {
	return e.runLinux(ctx, "gl", cpus)
}

// ebbnodeBinary builds (once) the static ebbnode the JS rows run, unless
// SpeedupOptions.Ebbnode names one, and checks on the host that it has
// worker_threads: without it the JS rows are not available.
func (e *speedupEnv) ebbnodeBinary(ctx context.Context) (string, error) {
	if e.ebbnode != "" {
		return e.ebbnode, nil
	}
	bin := e.opts.Ebbnode
	if bin == "" {
		root, err := linuxvm.ModuleRoot(".")
		if err != nil {
			return "", fmt.Errorf("no ebbnode binary given and %w", err)
		}
		bin = filepath.Join(e.work, "ebbnode")
		fmt.Fprintln(e.log, "building ebbnode")
		if err := linuxvm.BuildStatic(ctx, root, "./cmd/ebbnode", bin); err != nil {
			return "", err
		}
	}
	script := filepath.Join(e.work, "workers.js")
	if err := os.WriteFile(script, SpeedupScript, 0o644); err != nil {
		return "", fmt.Errorf("benchmarks: %w", err)
	}
	out, err := exec.CommandContext(ctx, bin, "exec", script, "2", "1000").CombinedOutput()
	if err != nil {
		return "", &UnavailableError{Reason: fmt.Sprintf("ebbnode exec workers.js fails on the host (%v): %s", err, errorLine(string(out)))}
	}
	e.ebbnode = bin
	return bin, nil
}

func prepareJSNativeSpeedup(ctx context.Context, e *speedupEnv) error {
	bin, err := e.ebbnodeBinary(ctx)
	if err != nil {
		return err
	}
	var rt string
	if e.opts.Ebbnode == "" {
		root, err := linuxvm.ModuleRoot(".")
		if err != nil {
			return fmt.Errorf("linking the native runtime: %w", err)
		}
		rt = filepath.Join(e.work, image.RuntimeName)
		if err := image.Link(ctx, image.LinkOptions{Pkg: "./cmd/ebbnode-native", Out: rt, Dir: root}); err != nil {
			return fmt.Errorf("linking the native runtime: %w", err)
		}
	} else if rt, err = image.FindRuntime(bin); err != nil {
		return err
	}
	e.jsImage = filepath.Join(e.work, "workers.img")
	warnings, err := launch.BuildApp(rt, filepath.Join(e.work, "workers.js"), nil, e.jsImage)
	for _, w := range warnings {
		fmt.Fprintf(e.log, "jn: warning: %v\n", w)
	}
	if err != nil {
		return fmt.Errorf("building the JS workload's image: %w", err)
	}
	return nil
}

func runJSNativeSpeedup(ctx context.Context, e *speedupEnv, cpus int) ([]byte, error) {
	var stdout, stderr bytes.Buffer
	vm := e.vmFor(cpus)
	vm.Log = &stderr
	out := launch.Boot(ctx, launch.Run{VM: vm, Image: e.jsImage, App: &offload.Config{
		Args:   []string{strconv.Itoa(cpus), strconv.Itoa(SpeedupJSItems)},
		Cwd:    filepath.ToSlash(e.work),
		Stdout: &stdout,
		Stderr: &stderr,
		Mounts: []offload.Mount{{Host: e.work, Guest: filepath.ToSlash(e.work)}},
	}})
	if err := out.Err(); err != nil {
		out.Report(&stderr)
		return append(stdout.Bytes(), stderr.Bytes()...), err
	}
	return stdout.Bytes(), nil
}

func prepareJSLinuxSpeedup(ctx context.Context, e *speedupEnv) error {
	bin, err := e.ebbnodeBinary(ctx)
	if err != nil {
		return err
	}
	if err := linuxvm.CheckStatic(bin); err != nil {
		return err
	}
	if err := e.linuxBase(ctx); err != nil {
		return err
	}
	data, err := os.ReadFile(bin)
	if err != nil {
		return fmt.Errorf("benchmarks: %w", err)
	}
	for _, n := range e.opts.cpus() {
		if err := e.linuxInitrd("jl"+strconv.Itoa(n), []linuxvm.File{
			{Name: "/ebbnode", Mode: 0o755, Data: data},
			{Name: "/suite/workers.js", Mode: 0o644, Data: SpeedupScript},
		}, fmt.Sprintf("/ebbnode exec /suite/workers.js %d %d", n, SpeedupJSItems)); err != nil {
			return err
		}
	}
	return nil
}

func runJSLinuxSpeedup(ctx context.Context, e *speedupEnv, cpus int) ([]byte, error) {
	return e.runLinux(ctx, "jl"+strconv.Itoa(cpus), cpus)
}

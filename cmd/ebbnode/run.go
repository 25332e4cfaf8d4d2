package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/cobra"
	"golang.org/x/sys/unix"

	"github.com/ebbnode/ebbnode/host/image"
	"github.com/ebbnode/ebbnode/host/launch"
	"github.com/ebbnode/ebbnode/host/qemu"
	"github.com/ebbnode/ebbnode/netstack"
)

type runOptions struct {
	machine string
	memory  int
	cpus    int
	accel   string
	timeout time.Duration
	gdb     bool
	verbose bool
	debug   string   // --debug: the kernel's ebbnode.debug switches
	cpuprof string   // --cpuprofile: host file for the guest's CPU profile
	net     string   // --net: user, tap:IFNAME or none
	publish []string // -p: [HOSTIP:]HOSTPORT:GUESTPORT[/tcp|/udp]
	ip      string   // --ip: ADDR/BITS[,GATEWAY[,DNS]], tap only

	// App images only (see runapp.go).
	env      []string
	envAll   bool
	mounts   []string
	includes []string
}

func init() {
	var o runOptions
	cmd := &cobra.Command{
		Use:   "run [flags] app.img|app.js [-- args...]",
		Short: "Boot an ebbnode image under QEMU, serving its files and stdio",
		Long: `Boot an ebbnode image under QEMU and return its exit status.

An app image (made by "ebbnode build app.js") runs its script natively while
this process serves the image's offloaded I/O over a virtio-serial channel
(the Messenger): the script's standard input, output and error (byte-exact),
its arguments (after the image, or after --), the environment given with -e
and --env-all (nothing else: the default environment is empty), the exit
status, and files under the granted directories. A .js file is built to a
temporary image first (as "ebbnode build" would).

File grants: --mount HOST[:GUEST][:ro] (repeatable) lets the script reach
the host directory HOST at guest path GUEST (default: the same path), read
and write unless :ro. Without --mount, the current working directory is
granted read-write at its own path, so relative paths reach the files they
would under node. Nothing outside the grants is reachable: ".." and
symbolic links cannot leave them. process.cwd() is the current working
directory.

The kernel's serial console is shown (on standard error) only with
--verbose; if the guest ends without reporting the script's exit (a panic,
a crash, a timeout), the end of the console, with any backtrace, is printed
on standard error.

Network: --net user (the default) gives the guest one virtio-net device on
QEMU's user networking, which needs no root: the guest is 10.0.2.15/24,
its gateway 10.0.2.2 is this host's loopback (an image's outbound
connections to 10.0.2.2 reach services on 127.0.0.1 here), DNS is
10.0.2.3, and other outbound connections go wherever this host can reach
(QEMU's default). --net user:restrict cuts the guest off from everything,
the host included (QEMU's restrict=on): only the -p forwards remain.
Nothing outside reaches the
guest except through -p [HOSTIP:]HOSTPORT:GUESTPORT[/tcp|/udp]
(repeatable, TCP by default), which forwards HOSTIP:HOSTPORT on this host
(HOSTIP 127.0.0.1 unless given) to GUESTPORT in the guest. --net
tap:IFNAME attaches an existing tap device instead (faster; configure it
and reach the guest at its own address; -p does not apply); the guest
then takes its address from --ip ADDR/BITS[,GATEWAY[,DNS]] (passed on the
kernel command line as ebbnode.ip=; the gateway defaults to the subnet's
first address, DNS to the gateway; there is no DHCP client), else
10.0.2.15/24. --net none
attaches no network device. The guest reaches the network only where the
image has a network driver and stack.

A raw image (a Go program that imports the kernel, linked by host/image
Link, with no app attached) gets no Messenger: its serial console is
streamed to standard output.

Before QEMU starts, the image must be a regular file of at most 512 MiB,
bootable, with its app bundle intact and the SHA-256 digest recorded by
"ebbnode build" (or Link) matching every loaded segment; the flags must be
in range (--memory 32 to 16384 MiB, --cpus 1 to 32), no guest path
granted twice, every -p host port free (else the port and the process
holding it are named), and a --net tap device must exist, be a tap and
open. Anything else is one line on standard error and status 1,
with nothing started.

If the host side fails while the guest runs (the Messenger server meets a
protocol error, the stream breaks, the socket is lost), QEMU is stopped at
once and one line names the cause. The run's private directory (the
Messenger socket, the image built from a .js file) is removed however the
run ends; one left by a run killed with SIGKILL is removed by the next run.

Exit status: the script's (the guest's, for raw images); 124 if --timeout
passed; 125 if the guest crashed without an exit status (e.g. a triple
fault); 127 after a kernel panic; 130 on SIGINT (Ctrl-C), SIGTERM, SIGHUP
or SIGPIPE (a closed output pipe) — QEMU is stopped; 1 if the image or a
flag is bad, QEMU cannot run it, or the host side failed.

Profiling: --cpuprofile FILE writes a CPU profile of the app's run (the
JavaScript runtime's set-up and the script, sampled at 100 Hz by the
kernel's SIGPROF) to the host file FILE in pprof format, for "go tool
pprof -top FILE"; the guest writes it through a grant of its own, not
FILE's directory. --debug LIST passes the kernel's debug switches
(ebbnode.debug=LIST) and shows the kernel console on standard error:
"boot" prints where the boot's time went, stage by stage (firmware, clock
calibration, kernel, Go runtime and package inits, system Ebbs, jsrt,
first write); "syscalls" the system-call counts and trap profile at exit;
"mmap" every mapping.

KVM is used when the host CPU has vmx/svm and /dev/kvm works (kvm-pvm
cannot run these guests); otherwise TCG, which is slower, and a one-line
notice says so on a terminal's standard error (always with --verbose).`,
		Example: `  ebbnode run app.img -- --port 8080
  ebbnode run examples/hello.js -- Ada          # builds, boots, prints "Hello, Ada! ..."
  ebbnode run -e DEBUG=1 --mount ./data:/data:ro app.img
  ebbnode run -p 8080:8080 examples/http.js   # then: curl 127.0.0.1:8080
  ebbnode run --net tap:tap0 --ip 10.0.3.2/24 server.img
  ebbnode run --machine microvm --memory 256 --timeout 30s hello.elf
  ebbnode run --gdb app.img    # then: gdb -ex 'target remote localhost:1234' bin/ebbnode-native.elf`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if o.gdb && !cmd.Flags().Changed("timeout") {
				o.timeout = 0 // a debugging session takes as long as it takes
			}
			return runCommand(cmd, args[0], args[1:], o)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.machine, "machine", launch.Default.Machine, "QEMU machine: q35 or microvm")
	f.IntVar(&o.memory, "memory", launch.Default.MemoryMiB, fmt.Sprintf("guest memory in MiB (%d to %d)", launch.MinMemoryMiB, launch.MaxMemoryMiB))
	f.IntVar(&o.cpus, "cpus", launch.Default.CPUs, fmt.Sprintf("virtual CPUs (1 to %d)", launch.MaxCPUs))
	f.StringVar(&o.accel, "accel", qemu.AccelAuto, "accelerator: auto, kvm or tcg")
	f.DurationVar(&o.timeout, "timeout", launch.Default.Timeout, "kill the guest after this long (0: no limit; none by default with --gdb)")
	f.BoolVar(&o.gdb, "gdb", false, "start QEMU's gdb stub on localhost:1234 and wait for a debugger before the first instruction")
	f.BoolVar(&o.verbose, "verbose", false, "show the accelerator choice, the QEMU command line and the kernel console on standard error")
	f.StringVar(&o.debug, "debug", "", "kernel debug switches, comma-separated (boot: where the boot's time went; syscalls; mmap): ebbnode.debug= on the kernel command line, with the kernel console on standard error")
	f.StringVar(&o.cpuprof, "cpuprofile", "", "write a CPU profile of the app's run (pprof format: go tool pprof reads it) to this host file")
	f.StringArrayVarP(&o.env, "env", "e", nil, "set KEY=VALUE in the script's environment (repeatable)")
	f.BoolVar(&o.envAll, "env-all", false, "pass this process's whole environment to the script (-e entries override)")
	f.StringArrayVar(&o.mounts, "mount", nil, "grant the host directory HOST at guest path GUEST: HOST[:GUEST][:ro] (repeatable; default: the working directory, read-write)")
	f.StringVar(&o.net, "net", launch.NetString(launch.Default.Net), "network: user (QEMU user networking, no root), user:restrict (no outbound traffic), tap:IFNAME (an existing tap device) or none")
	f.StringArrayVarP(&o.publish, "publish", "p", nil, "forward a host port to the guest: [HOSTIP:]HOSTPORT:GUESTPORT[/tcp|/udp] (repeatable; HOSTIP defaults to 127.0.0.1; --net user only)")
	f.StringVar(&o.ip, "ip", "", "the guest's static address on a --net tap network: ADDR/BITS[,GATEWAY[,DNS]] (gateway: the subnet's first address, DNS: the gateway, unless given; no DHCP)")
	f.StringArrayVar(&o.includes, "include", nil, "when running a .js file: also bundle this file or directory tree (repeatable)")
	rootCmd.AddCommand(cmd)
}

// runCommand dispatches on what path is: a script is built first; an app
// image is served; a raw image is only booted. Every failure has been
// reported on stderr by the time it returns.
func runCommand(cmd *cobra.Command, path string, args []string, o runOptions) error {
	stderr := cmd.ErrOrStderr()
	fail := func(err error) error {
		fmt.Fprintf(stderr, "ebbnode: %v\n", err)
		return exitError{1}
	}
	vm, err := o.vm(stderr)
	if err != nil {
		return fail(err)
	}
	// The host side of the network too (Boot checks again, just
	// before QEMU starts).
	if err := launch.CheckNet(vm.Net); err != nil {
		return fail(err)
	}
	// The grants are checked before anything is built or booted.
	cfg, err := appConfig(o, args)
	if err != nil {
		return fail(err)
	}
	ctx, stop := stopOnSignals(cmd.Context())
	defer stop()
	r := launch.Run{VM: vm, Image: path}
	if isScript(path) {
		// The image goes in the run's private directory, which goes
		// with the run however it ends (a SIGKILLed run's is swept by
		// the next).
		if r.Dir, err = launch.NewRunDir(); err != nil {
			return fail(err)
		}
		defer os.RemoveAll(r.Dir)
		r.Image = filepath.Join(r.Dir, "app.img")
		if err := buildImage(path, r.Image, o.includes, stderr); err != nil {
			return fail(err)
		}
	}
	if o.cpuprof != "" {
		if err := checkProfilePath(o.cpuprof); err != nil {
			return fail(err)
		}
		if r.Dir == "" {
			if r.Dir, err = launch.NewRunDir(); err != nil {
				return fail(err)
			}
			defer os.RemoveAll(r.Dir)
		}
		if err := grantProfileDir(&cfg, r.Dir); err != nil {
			return fail(err)
		}
	}
	im, err := launch.Inspect(r.Image)
	app := im.App
	r.Checked = &im // Boot need not read and hash the image again
	switch {
	case err != nil:
		return fail(err)
	case !app && len(args) > 0:
		return fail(fmt.Errorf("%s is a raw image (no app): it takes no arguments", path))
	case !app && o.cpuprof != "":
		return fail(fmt.Errorf("--cpuprofile %s: %s is a raw image (no app, no Messenger to write the profile through)", o.cpuprof, path))
	case !app:
		r.VM.Console = cmd.OutOrStdout() // a raw image's console is its output
	default:
		r.App = &cfg
		if o.verbose || o.debug != "" {
			r.VM.Console = stderr
		}
	}
	accel, notice, err := qemu.ResolveAccel(o.accel, qemu.DefaultHost)
	if err != nil {
		return fail(err)
	}
	r.VM.Accel = accel
	symbols := path // what gdb reads symbols from
	if app && o.gdb {
		// App images carry no symbol table (host/image compact); the
		// runtime they are built from has it, at the same addresses.
		if symbols, err = findRuntime(stderr); err != nil {
			symbols = image.RuntimeName
		}
	}
	r.Started = func(qemuArgs []string) { announce(stderr, o, notice, qemuArgs, symbols) }
	out := launch.Boot(ctx, r)
	out.Report(stderr)
	if o.cpuprof != "" {
		if err := saveProfile(r.Dir, o.cpuprof); err != nil {
			fmt.Fprintf(stderr, "ebbnode: --cpuprofile %s: %v\n", o.cpuprof, err)
			if out.Code == 0 {
				return exitError{1}
			}
		}
	}
	if out.Code != 0 {
		return exitError{out.Code}
	}
	return nil
}

// vm turns run's flags into VM settings, checked, with errors naming the
// flag.
func (o runOptions) vm(stderr io.Writer) (launch.VM, error) {
	vm := launch.VM{
		Machine:   o.machine,
		MemoryMiB: o.memory,
		CPUs:      o.cpus,
		Accel:     o.accel,
		Timeout:   o.timeout,
		GDB:       o.gdb,
		Log:       stderr, // QEMU's own warnings and errors
	}
	if o.debug != "" {
		if strings.ContainsAny(o.debug, " \t\n") {
			return vm, fmt.Errorf("--debug %q: want switches separated by commas, no spaces", o.debug)
		}
		vm.Append = "ebbnode.debug=" + o.debug
	}
	n, err := o.network()
	if err != nil {
		return vm, err
	}
	vm.Net = n
	if o.ip != "" {
		c, err := netstack.ParseIPConfig(o.ip)
		if err != nil {
			return vm, fmt.Errorf("--ip %w", err)
		}
		if n.Mode != qemu.NetTap {
			return vm, fmt.Errorf("--ip %s: a static address needs --net tap:IFNAME (the network is %s, whose address is 10.0.2.15)", o.ip, launch.NetString(n))
		}
		vm.Append = netstack.CmdlineKey + c.String()
	}
	var se *launch.SettingError
	if err := vm.Validate(); errors.As(err, &se) {
		return vm, fmt.Errorf("--%s %v: %s", se.Setting, se.Value, se.Reason)
	} else if err != nil {
		return vm, err
	}
	return vm, nil
}

// network turns --net and -p into the VM's network, with errors naming
// the flag.
func (o runOptions) network() (qemu.Net, error) {
	n, err := launch.ParseNet(o.net)
	if err != nil {
		return n, fmt.Errorf("--net %q: %w", o.net, err)
	}
	for _, p := range o.publish {
		f, err := launch.ParseForward(p)
		if err != nil {
			return n, fmt.Errorf("-p %q: %w", p, err)
		}
		n.Forwards = append(n.Forwards, f)
	}
	if len(n.Forwards) > 0 && n.Mode != qemu.NetUser {
		return n, fmt.Errorf("-p %s: port forwards need --net user (the network is %s)", o.publish[0], launch.NetString(n))
	}
	return n, nil
}

// stopSignals end a run as Ctrl-C does: QEMU stopped, the run's files
// removed, exit status 130. SIGPIPE (a closed output pipe, as in
// "ebbnode run app.img | head -1") would otherwise kill ebbnode outright
// and leave them behind.
var stopSignals = []os.Signal{os.Interrupt, syscall.SIGTERM, syscall.SIGHUP, syscall.SIGPIPE}

// stopOnSignals returns a context canceled, with the signal as its cause,
// by the first of stopSignals.
func stopOnSignals(parent context.Context) (context.Context, func()) {
	ctx, cancel := context.WithCancelCause(parent)
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, stopSignals...)
	go func() {
		for {
			select {
			case s := <-ch:
				// Once SIGPIPE is caught, every write to a broken pipe
				// or socket raises it, the Messenger's socket after
				// QEMU died included: only a closed stdout or stderr
				// stops the run.
				if s == syscall.SIGPIPE && !outputClosed() {
					continue
				}
				cancel(signalError{s.(syscall.Signal)})
			case <-ctx.Done():
			}
			return
		}
	}()
	return ctx, func() { signal.Stop(ch); cancel(nil) }
}

// outputClosed reports whether stdout or stderr is a pipe or socket whose
// reader has gone (poll reports POLLERR or POLLHUP on its write end).
func outputClosed() bool {
	fds := []unix.PollFd{{Fd: 1, Events: unix.POLLOUT}, {Fd: 2, Events: unix.POLLOUT}}
	if n, err := unix.Poll(fds, 0); err != nil || n == 0 {
		return false
	}
	for _, f := range fds {
		if f.Revents&(unix.POLLERR|unix.POLLHUP) != 0 {
			return true
		}
	}
	return false
}

// signalError names the signal that stopped a run.
type signalError struct{ sig syscall.Signal }

func (e signalError) Error() string {
	switch e.sig {
	case syscall.SIGINT:
		return "SIGINT"
	case syscall.SIGTERM:
		return "SIGTERM"
	case syscall.SIGHUP:
		return "SIGHUP"
	case syscall.SIGPIPE:
		return "SIGPIPE: output closed"
	}
	return e.sig.String()
}

// isScript reports whether path names a script rather than an image.
func isScript(path string) bool {
	switch filepath.Ext(path) {
	case ".js", ".cjs", ".mjs":
		return true
	}
	return false
}

// shellQuote joins args for display, quoting those a shell would split.
func shellQuote(args []string) string {
	q := make([]string, len(args))
	for i, a := range args {
		if a == "" || strings.ContainsAny(a, " \t\n'\"\\$*?;&|<>()") {
			a = "'" + strings.ReplaceAll(a, "'", `'\''`) + "'"
		}
		q[i] = a
	}
	return strings.Join(q, " ")
}

// isTerminal reports whether w is a terminal. The TCG notice goes to a
// person watching stderr, but never into a redirected stderr, which must
// carry exactly what the script wrote.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// announce tells the user, as QEMU starts, what run does: the TCG notice
// (on a terminal, or with --verbose), the QEMU command line (--verbose)
// and how to attach a debugger (--gdb) that reads symbols from the file
// symbols.
func announce(stderr io.Writer, o runOptions, notice string, qemuArgs []string, symbols string) {
	if notice != "" && (o.verbose || isTerminal(stderr)) {
		fmt.Fprintln(stderr, notice)
	}
	if o.verbose {
		fmt.Fprintf(stderr, "ebbnode: %s %s\n", qemu.Binary, shellQuote(qemuArgs))
	}
	if o.gdb {
		fmt.Fprintf(stderr, "ebbnode: QEMU waits for a debugger: gdb -ex 'target remote localhost:1234' %s\n", symbols)
	}
}

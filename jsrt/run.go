package jsrt

import (
	_ "embed"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/dop251/goja"

	"github.com/ebbnode/ebbnode/jsrt/bundle"
	"github.com/ebbnode/ebbnode/jsrt/internal/hostenv"
	"github.com/ebbnode/ebbnode/netstack"
	ebbrt "github.com/ebbnode/ebbnode/runtime"
	"github.com/ebbnode/ebbnode/runtime/vfs"
)

// FS is the file access of scripts and of the module loader: the
// runtime's file-system service, runtime/vfs.
type FS = vfs.FS

// OSFS is the host operating system's FS, the default.
type OSFS = vfs.OSFS

// Options says what Run runs and what it may touch.
type Options struct {
	// Script is the main module's path, absolute or relative to Cwd.
	Script string
	// Args are the script's own arguments (process.argv[2:]).
	Args []string
	// Env is the environment as KEY=VALUE strings (process.env).
	Env []string
	// Stdin, Stdout and Stderr are the script's standard streams; nil means
	// empty input and discarded output.
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	// Runtime is the Ebb runtime the script runs on, as events on its core
	// 0, one script per Runtime. Its file-system Ebb (vfs.FileSystem)
	// serves every file the script or the loader reads or writes, so it
	// must be installed (vfs.Install); its Network Ebb (netstack.Install)
	// serves sockets, if installed. The caller stops it after Run. Nil
	// means a one-core Runtime of Run's own whose file system and network
	// are the host's (OSFS, netstack.Hosted).
	Runtime *ebbrt.Runtime
	// Cwd is process.cwd(); empty means the host's working directory.
	Cwd string
	// ExecPath is process.argv[0] and process.execPath; empty means the
	// running binary.
	ExecPath string
	// Transform turns ES modules, TypeScript and CommonJS with syntax
	// goja lacks into CommonJS as the loader reads them (jsrt/transform's
	// File, on esbuild). Nil means such files load only pre-transformed,
	// as `ebbnode build` stores them: the native image has no esbuild.
	Transform bundle.Transformer
	// Ready, if set, is called once the JavaScript runtime is set up
	// (goja, the prelude, the core modules), just before the main module
	// runs: the native image marks a boot stage there.
	Ready func()
}

// Version is process.version: the node API level ebbnode follows, marked
// so that nobody mistakes it for node itself.
const Version = "v20.0.0-ebbnode"

// Run runs opts.Script to completion as node would: the main module, then
// the event loop until nothing keeps it alive (or process.exit). It returns
// the process exit code. An error means the script could not be started
// (for instance it does not exist); the error's text is one line that
// names the script.
//
// The main script runs only as events on core 0 of opts.Runtime; each
// worker_threads Worker on another core (a free one, or one added with
// Runtime.AddCore). Run may be called concurrently with different
// Runtimes (or none).
func Run(opts Options) (exitCode int, err error) {
	opts, err = withDefaults(opts)
	if err != nil {
		return 1, err
	}
	ebb := opts.Runtime
	if ebb == nil {
		ebb = ebbrt.New(ebbrt.Config{Cores: 1})
		defer ebb.Stop()
		if err := vfs.Install(ebb, OSFS{}); err != nil {
			return 1, err
		}
		if err := netstack.Install(ebb, netstack.Hosted()); err != nil {
			return 1, err
		}
	}
	fsys := fileSystemOf(ebb)
	if fsys == nil {
		return 1, fmt.Errorf("jsrt: Options.Runtime has no file-system Ebb (install one with vfs.Install)")
	}
	script := opts.Script
	if !filepath.IsAbs(script) {
		script = filepath.Join(opts.Cwd, script)
	}
	script = filepath.Clean(script)
	main, ok := newResolver(fsys).ResolveFile(script)
	if !ok {
		// node's wording, capital and all: scripts and users grep for it.
		return 1, fmt.Errorf("Cannot find module '%s'", script)
	}

	v := &vm{
		opts:     opts,
		fs:       fsys,
		mainPath: script,
		start:    time.Now(),
		done:     make(chan struct{}),
		hub:      newHub(ebb),
	}
	v.loop = &loop{ebb: ebb, core: ebb.Core(0)}
	v.loop.onEmpty = v.beforeExit
	v.loop.finish = v.naturalExit
	v.loop.start(func() {
		if err := v.safeSetup(); err != nil {
			fmt.Fprintf(opts.Stderr, "ebbnode: %v\n", err)
			v.exit(70)
			return
		}
		if opts.Ready != nil {
			opts.Ready()
		}
		v.runMain(main)
	})
	<-v.done
	// node ends every worker with the main thread.
	v.hub.shutdown()
	if v.closeNet != nil {
		v.closeNet() // sockets the script left open (process.exit)
	}
	return v.exitCode, nil
}

// fileSystemOf dereferences the file-system Ebb on core 0 (a Ref is
// dereferenced only from an event on its core), or returns nil if it is
// not installed. The rep is shared, so the loop and the goroutines of
// asynchronous calls use it from then on.
func fileSystemOf(ebb *ebbrt.Runtime) FS {
	got := make(chan FS, 1)
	ebb.SpawnRemote(0, func(c *ebbrt.Core) {
		defer func() {
			if recover() != nil { // not installed: the miss path panics
				got <- nil
			}
		}()
		got <- vfs.FileSystem.On(c)
	})
	return <-got
}

func withDefaults(o Options) (Options, error) {
	if o.Cwd == "" {
		wd, err := os.Getwd()
		if err != nil {
			return o, fmt.Errorf("working directory: %w", err)
		}
		o.Cwd = wd
	}
	if o.ExecPath == "" {
		if p, err := os.Executable(); err == nil {
			o.ExecPath = p
		} else {
			o.ExecPath = "ebbnode"
		}
	}
	if o.Stdin == nil {
		o.Stdin = eofReader{}
	}
	if o.Stdout == nil {
		o.Stdout = io.Discard
	}
	if o.Stderr == nil {
		o.Stderr = io.Discard
	}
	return o, nil
}

type eofReader struct{}

func (eofReader) Read([]byte) (int, error) { return 0, io.EOF }

// vm is one running script: its goja runtime, its loop and its exit state.
// Everything except done belongs to events on the loop's core.
type vm struct {
	actx     *hostenv.AsyncContext // the current async context (setup.go)
	opts     Options
	fs       FS     // the runtime's file-system Ebb
	mainPath string // process.argv[1]
	start    time.Time
	rt       *goja.Runtime
	loop     *loop
	mods     *loader

	// From prelude.js.
	process     *goja.Object
	fns         *goja.Object // prelude.js's exports
	runTop      goja.Callable
	hasTicks    goja.Callable
	enableTicks goja.Callable // prelude's enableAsyncContext
	emitExit    goja.Callable
	listenerCnt goja.Callable
	emit        goja.Callable

	rejections rejectionTracker
	goFn       func() // run by goRunner inside runTop
	goRunner   goja.Value

	exiting  bool
	exitCode int
	done     chan struct{}
	closeNet func() // closes the sockets the script left open; set by setup

	// worker_threads (workers.go): the hub shared by every vm of this Run,
	// what a worker knows of itself (nil on the main thread), the workers
	// this vm started, worker_threads.js once evaluated, and what runs
	// when a worker's vm exits.
	hub      *hub
	self     *workerSelf
	children []*workerHandle
	bchans   []*bchan // BroadcastChannels opened here, closed when a worker ends
	wtObj    *goja.Object
	onExit   func(code int)
	sabProto *goja.Object // SharedArrayBuffer.prototype (atomics.go)
	// clusterID is a cluster worker's id (cluster.go), 0 otherwise.
	clusterID int
}

//go:embed prelude.js
var preludeSrc string

var preludePrg = goja.MustCompile("node:internal/bootstrap", preludeSrc, true)

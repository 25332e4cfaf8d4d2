package child_process

import (
	"bytes"
	"strings"
	"testing"

	"github.com/dop251/goja"
	"github.com/dop251/goja_nodejs/require"

	"github.com/ebbnode/ebbnode/jsrt/internal/hostenv"
	"github.com/ebbnode/ebbnode/jsrt/modules/internal/jsmod"
)

// newRuntime is a goja runtime with the module's host environment: stdout
// into out, and an Async that queues done for drain (the "event loop").
func newRuntime(t *testing.T, out *bytes.Buffer) (*goja.Runtime, func()) {
	t.Helper()
	rt := goja.New()
	new(require.Registry).Enable(rt)
	completions := make(chan func(), 64)
	pending := 0
	hostenv.Set(rt, &hostenv.Env{
		Stdout: out, Stderr: out,
		Async: func(work, done func()) {
			pending++
			go func() { work(); completions <- done }()
		},
	})
	// The bits of process and the timers the module uses.
	if _, err := rt.RunString(`
		globalThis.__ticks = [];
		globalThis.process = { env: { PATH: '/usr/bin:/bin' }, cwd: () => '/', nextTick: (f, ...a) => __ticks.push(() => f(...a)),
			stderr: { write() {} } };
		globalThis.log = [];`); err != nil {
		t.Fatal(err)
	}
	drain := func() {
		for i := 0; i < 1000; i++ {
			if _, err := rt.RunString("{ const t = __ticks.splice(0); for (const f of t) f(); }"); err != nil {
				t.Fatal(err)
			}
			if pending == 0 && len(rt.Get("__ticks").Export().([]any)) == 0 {
				return
			}
			if pending > 0 {
				done := <-completions
				pending--
				done()
			}
		}
		t.Fatal("events never settled")
	}
	rt.Set("cp", jsmod.Get(rt, ModuleName))
	return rt, drain
}

// forceNative makes the module behave as in the image: no processes.
func forceNative(t *testing.T) {
	nativeOnce.Do(func() {})
	old := native
	native = true
	t.Cleanup(func() { native = old })
}

// TestNativeSpawnFails: in the image, require works and spawning fails
// as node reports a missing system call — an 'error' event (then 'close')
// for spawn, result.error for spawnSync, a throw for execSync — with
// ENOSYS and node's error shape.
func TestNativeSpawnFails(t *testing.T) {
	forceNative(t)
	var out bytes.Buffer
	rt, drain := newRuntime(t, &out)
	if _, err := rt.RunString(`
		const c = cp.spawn('echo', ['hi']);
		c.on('error', (e) => log.push('error ' + [e.message, e.code, e.errno, e.syscall, e.path, e.spawnargs].join('|')));
		c.on('exit', () => log.push('exit'));
		c.on('close', (code) => log.push('close ' + code));
		const r = cp.spawnSync('echo', ['hi']);
		log.push('sync ' + [r.error.code, r.error.syscall, r.status, r.pid].join('|'));
		try { cp.execSync('echo hi'); } catch (e) { log.push('execSync ' + e.code); }
	`); err != nil {
		t.Fatal(err)
	}
	drain()
	got := rt.Get("log").Export().([]any)
	want := []string{
		"sync ENOSYS|spawnSync echo||0",
		"execSync ENOSYS",
		"error spawn echo ENOSYS|ENOSYS|-38|spawn echo|echo|hi",
		"close -38",
	}
	if len(got) != len(want) {
		t.Fatalf("events %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("event %d: %q, want %q", i, got[i], want[i])
		}
	}
}

// TestHostedSpawn runs a real child through the same runtime shape.
func TestHostedSpawn(t *testing.T) {
	if isNative() {
		t.Fatal("hosted test running in the native image")
	}
	var out bytes.Buffer
	rt, drain := newRuntime(t, &out)
	if _, err := rt.RunString(`
		const c = cp.spawn('sh', ['-c', 'read x; echo got $x; exit 3']);
		let data = '';
		c.stdout.on('data', (d) => { data += d; });
		c.on('close', (code, sig) => log.push('close ' + code + ' ' + sig + ' ' + JSON.stringify(data)));
		c.stdin.end('line\n');
		cp.spawn('echo', ['inherited'], { stdio: 'inherit' });
	`); err != nil {
		t.Fatal(err)
	}
	drain()
	got := rt.Get("log").Export().([]any)
	if len(got) != 1 || got[0] != `close 3 null "got line\n"` {
		t.Errorf("events %q", got)
	}
	if !strings.Contains(out.String(), "inherited") {
		t.Errorf("stdio 'inherit' did not reach the runtime's stdout: %q", out.String())
	}
}

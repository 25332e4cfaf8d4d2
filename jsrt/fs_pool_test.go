package jsrt

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	ebbrt "github.com/ebbnode/ebbnode/runtime"
	"github.com/ebbnode/ebbnode/runtime/vfs"
)

// probeFS is the host's files, recording how many ReadFile calls run at
// once and marking the data a WriteFile is given (its first byte becomes
// 'Z' on the way), which shows whether the script's buffer was copied.
type probeFS struct {
	vfs.OSFS
	mu       sync.Mutex
	now, max int
	reads    atomic.Int64
}

func (p *probeFS) ReadFile(name string) ([]byte, error) {
	p.mu.Lock()
	p.now++
	p.max = max(p.max, p.now)
	p.mu.Unlock()
	defer func() {
		p.mu.Lock()
		p.now--
		p.mu.Unlock()
	}()
	if p.reads.Add(1) <= 400 {
		// Hold the first calls a moment, so that calls that are not
		// bounded pile up here (no assertion depends on the time).
		time.Sleep(5 * time.Millisecond)
	}
	return p.OSFS.ReadFile(name)
}

func (p *probeFS) WriteFile(name string, data []byte, appendMode bool, perm fs.FileMode) error {
	err := p.OSFS.WriteFile(name, data, appendMode, perm)
	if len(data) > 0 {
		data[0] = 'Z'
	}
	return err
}

func runProbe(t *testing.T, p *probeFS, src string, args ...string) string {
	t.Helper()
	dir := t.TempDir()
	script := filepath.Join(dir, "main.js")
	if err := os.WriteFile(script, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	ebb := ebbrt.New(ebbrt.Config{Cores: 1})
	defer ebb.Stop()
	if err := vfs.Install(ebb, p); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	code, err := Run(Options{Script: script, Args: append([]string{dir}, args...), Stdout: &out, Stderr: &errb, Runtime: ebb})
	if err != nil || code != 0 {
		t.Fatalf("Run: code %d, err %v, stderr %s", code, err, errb.String())
	}
	return out.String()
}

// TestAsyncFsCallsBounded: 5,000 concurrent fs.promises.readFile calls all
// complete with the right total, and no more than 16 run at once (fs's
// poolSize, queued beyond as on libuv's threadpool), so memory does not
// grow with the number of calls.
func TestAsyncFsCallsBounded(t *testing.T) {
	const calls = 5000
	p := &probeFS{}
	src := `const fs = require('fs');
const path = require('path');
const dir = process.argv[2], n = +process.argv[3];
for (let i = 0; i < 10; i++) fs.writeFileSync(path.join(dir, 'f' + i), 'x'.repeat(i + 1));
const all = [];
for (let i = 0; i < n; i++) all.push(fs.promises.readFile(path.join(dir, 'f' + (i % 10))));
let cb = 0;
for (let i = 0; i < 20; i++) fs.readFile(path.join(dir, 'f0'), () => cb++);
Promise.all(all).then((bufs) => console.log('total', bufs.reduce((s, b) => s + b.length, 0)));
process.on('exit', () => console.log('callbacks', cb));
`
	got := runProbe(t, p, src, fmt.Sprint(calls))
	// Each group of ten reads 1+2+...+10 = 55 bytes.
	if want := fmt.Sprintf("total %d\ncallbacks 20\n", calls/10*55); got != want {
		t.Errorf("stdout = %q, want %q", got, want)
	}
	if n := p.reads.Load(); n < calls+20 { // and the loader's read of main.js
		t.Errorf("ReadFile calls = %d, want at least %d", n, calls+20)
	}
	if p.max > 16 || p.max < 1 {
		t.Errorf("at most %d ReadFile calls ran at once, want 1 to 16", p.max)
	}
}

// TestSyncWriteSharesBuffer: writeFileSync and writeSync hand the FS the
// script's own buffer (no copy, so a large write does not need twice its
// size), while the callback forms hand it a copy, which the script may
// change while the write runs.
func TestSyncWriteSharesBuffer(t *testing.T) {
	p := &probeFS{}
	src := `const fs = require('fs');
const f = require('path').join(process.argv[2], 'out');
const a = Buffer.from('abc');
fs.writeFileSync(f, a);
const b = Buffer.from('abc');
fs.writeFile(f, b, (err) => console.log(a.toString(), b.toString(), err));
`
	if got, want := runProbe(t, p, src), "Zbc abc null\n"; got != want {
		t.Errorf("stdout = %q, want %q", got, want)
	}
}

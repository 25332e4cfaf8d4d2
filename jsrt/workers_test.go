package jsrt

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	ebbrt "github.com/ebbnode/ebbnode/runtime"
	"github.com/ebbnode/ebbnode/runtime/vfs"
)

// TestWorkersUseFreeCoresFirst: workers take the Runtime's configured cores
// that host no vm (one per vCPU) before adding any; two at once on a
// three-core Runtime add none, a third added while they run takes one
// more core, and the cores of finished workers are reused.
func TestWorkersUseFreeCoresFirst(t *testing.T) {
	dir := t.TempDir()
	script := filepath.Join(dir, "main.js")
	src := `const { Worker } = require('worker_threads');
const sab = new SharedArrayBuffer(4);
const ia = new Int32Array(sab);
// Each worker waits until released, so all three run at once.
const code = 'const ia = new Int32Array(require("worker_threads").workerData); Atomics.add(ia, 0, 1); Atomics.wait(ia, 0, 1); Atomics.wait(ia, 0, 2)';
function start(n) {
  return Array.from({ length: n }, () => new Promise((r) => new Worker(code, { eval: true, workerData: sab }).on('exit', r)));
}
(async () => {
  const first = start(2);
  while (Atomics.load(ia, 0) < 2);
  Atomics.store(ia, 0, 3); Atomics.notify(ia, 0);
  await Promise.all(first);
  ia[0] = 0;
  const second = start(3);
  while (Atomics.load(ia, 0) < 3);
  Atomics.store(ia, 0, 4); Atomics.notify(ia, 0);
  await Promise.all(second);
  ia[0] = 0;
  await Promise.all(start(3).concat([(async () => { while (Atomics.load(ia, 0) < 3); Atomics.store(ia, 0, 4); Atomics.notify(ia, 0); })()]));
  console.log('done');
})();
`
	if err := os.WriteFile(script, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	ebb := ebbrt.New(ebbrt.Config{Cores: 3})
	defer ebb.Stop()
	if err := vfs.Install(ebb, vfs.OSFS{}); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	code, err := Run(Options{Script: script, Stdout: &out, Stderr: &errb, Runtime: ebb})
	if err != nil || code != 0 || out.String() != "done\n" {
		t.Fatalf("Run: code %d, err %v, stdout %q, stderr %s", code, err, out.String(), errb.String())
	}
	// Two workers fit the configured cores 1 and 2; three at once need
	// one more, and the last three reuse those.
	if n := ebb.NumCores(); n != 4 {
		t.Fatalf("NumCores = %d after the runs, want 4", n)
	}
}

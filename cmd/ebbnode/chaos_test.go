package main

import (
	"bytes"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"syscall"
	"testing"
	"time"
)

// chaosScript moves data both ways through the Messenger while the test
// stalls the host: an 8 MiB file written by the guest, an 8 MiB file
// written by the host read back by the guest, 16 MiB on stdout, and 200
// small files written and read back concurrently. It reports the sha256
// of what it sent and received on stderr.
const chaosScript = `const fs = require('fs');
const crypto = require('crypto');
const sha = (b) => crypto.createHash('sha256').update(b).digest('hex');
const out = crypto.randomBytes(8 << 20);
fs.writeFileSync('g2h.bin', out);
process.stderr.write('wrote ' + sha(out) + '\n');
process.stderr.write('read ' + sha(fs.readFileSync('h2g.bin')) + '\n');
const h = crypto.createHash('sha256');
for (let i = 0; i < 16; i++) {
  const chunk = out.subarray((i % 8) << 20, ((i % 8) + 1) << 20);
  process.stdout.write(chunk);
  h.update(chunk);
}
process.stderr.write('stdout ' + h.digest('hex') + '\n');
fs.mkdirSync('many', {recursive: true});
const ps = [];
for (let i = 0; i < 200; i++) {
  ps.push(fs.promises.writeFile('many/' + i, 'file ' + i).then(() => fs.promises.readFile('many/' + i, 'utf8')).then((s) => {
    if (s !== 'file ' + i) throw new Error('many/' + i + ' read back ' + JSON.stringify(s));
  }));
}
Promise.all(ps).then(() => process.stderr.write('many ok\n'));
`

// TestRunAppChaos runs chaosScript natively while stopping the host
// process (SIGSTOP, SIGCONT) again and again, so QEMU finds the socket
// full in both directions: every byte must arrive, in order, and the run
// must end by itself well before its timeout.
func TestRunAppChaos(t *testing.T) {
	bin, _ := nativeTools(t)
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"chaos.js": chaosScript})
	h2g := make([]byte, 8<<20)
	rand.Read(h2g)
	if err := os.WriteFile(filepath.Join(dir, "h2g.bin"), h2g, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "run", "--memory", "256", "--timeout", "2m", "chaos.js")
	cmd.Dir = dir
	cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + dir}
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	stalls := 0
	var err error
stall:
	for {
		select {
		case err = <-done:
			break stall
		case <-time.After(200 * time.Millisecond):
		}
		cmd.Process.Signal(syscall.SIGSTOP)
		time.Sleep(300 * time.Millisecond)
		cmd.Process.Signal(syscall.SIGCONT)
		stalls++
	}
	if err != nil {
		t.Fatalf("ebbnode run: %v (after %d stalls)\nstderr:\n%s", err, stalls, stderr.String())
	}
	t.Logf("%d stalls of the host", stalls)
	sum := func(b []byte) string { s := sha256.Sum256(b); return hex.EncodeToString(s[:]) }
	report := func(key string) string {
		m := regexp.MustCompile(`(?m)^` + key + ` ([0-9a-f]{64})$`).FindStringSubmatch(stderr.String())
		if m == nil {
			t.Fatalf("stderr lacks the guest's %q line:\n%s", key, stderr.String())
		}
		return m[1]
	}
	g2h, _ := os.ReadFile(filepath.Join(dir, "g2h.bin"))
	if got, want := sum(g2h), report("wrote"); got != want {
		t.Errorf("guest->host file: host has %d bytes, sha256 %s; guest wrote sha256 %s", len(g2h), got, want)
	}
	if got, want := report("read"), sum(h2g); got != want {
		t.Errorf("host->guest file: guest read sha256 %s, want %s", got, want)
	}
	if got, want := sum(stdout.Bytes()), report("stdout"); got != want {
		t.Errorf("stdout: host got %d bytes, sha256 %s; guest wrote sha256 %s", stdout.Len(), got, want)
	}
	if !bytes.Contains(stderr.Bytes(), []byte("many ok\n")) {
		t.Errorf("concurrent small files did not all come back:\n%s", stderr.String())
	}
}

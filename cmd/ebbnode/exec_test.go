package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestExecCPUProfile: `ebbnode exec --cpuprofile FILE` runs the script as
// usual and leaves a Go CPU profile in FILE (gzip-compressed protobuf, as
// `go tool pprof` and `go build -pgo` read it); a FILE that cannot be
// created is a one-line error naming the flag.
func TestExecCPUProfile(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"spin.js": "let x = 0; for (let i = 0; i < 2e5; i++) x += i % 7; console.log(x);\n"})
	r := ebbnode(t, dir, nil, "", "exec", "--cpuprofile", "cpu.pprof", "spin.js")
	if r.code != 0 || r.stdout != "599994\n" {
		t.Fatalf("exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	b, err := os.ReadFile(filepath.Join(dir, "cpu.pprof"))
	if err != nil || !bytes.HasPrefix(b, []byte{0x1f, 0x8b}) {
		t.Fatalf("profile: %v, %d bytes, want gzip data", err, len(b))
	}
	r = ebbnode(t, dir, nil, "", "exec", "--cpuprofile", filepath.Join(dir, "no", "such", "dir", "p"), "spin.js")
	if r.code == 0 || !bytes.Contains([]byte(r.stderr), []byte("--cpuprofile")) || r.stdout != "" {
		t.Errorf("unwritable profile: exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
}

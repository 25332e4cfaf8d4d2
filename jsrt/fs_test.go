package jsrt

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	ebbrt "github.com/ebbnode/ebbnode/runtime"
	"github.com/ebbnode/ebbnode/runtime/vfs"
)

// readOnlyFS is the host's files with every change refused (EROFS), as a
// read-only grant is.
type readOnlyFS struct{ vfs.OSFS }

func (readOnlyFS) Mkdir(name string, _ bool, _ fs.FileMode) error {
	return &fs.PathError{Op: "mkdir", Path: name, Err: syscall.EROFS}
}

// TestScriptUsesFileSystemEbb runs a script on a Runtime whose file-system
// Ebb refuses mkdir: the script must see that FS (not the host's), and a
// recursive mkdir of a directory that exists must still succeed, as node's
// does on a read-only mount, while creating one fails with EROFS.
func TestScriptUsesFileSystemEbb(t *testing.T) {
	dir := t.TempDir()
	script := filepath.Join(dir, "main.js")
	src := `const fs = require('fs');
console.log(fs.mkdirSync(process.argv[2], { recursive: true }));
try { fs.mkdirSync(process.argv[2] + '/new', { recursive: true }); } catch (e) { console.log(e.code); }
`
	if err := os.WriteFile(script, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	ebb := ebbrt.New(ebbrt.Config{Cores: 1})
	defer ebb.Stop()
	if err := vfs.Install(ebb, readOnlyFS{}); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	code, err := Run(Options{Script: script, Args: []string{dir}, Stdout: &out, Stderr: &errb, Runtime: ebb})
	if err != nil || code != 0 {
		t.Fatalf("Run: code %d, err %v, stderr %s", code, err, errb.String())
	}
	if got, want := out.String(), "undefined\nEROFS\n"; got != want {
		t.Errorf("stdout = %q, want %q", got, want)
	}
}

// TestRuntimeWithoutFileSystem: a Runtime with no file-system Ebb is an
// error naming the missing piece, not a crash.
func TestRuntimeWithoutFileSystem(t *testing.T) {
	ebb := ebbrt.New(ebbrt.Config{Cores: 1})
	defer ebb.Stop()
	_, err := Run(Options{Script: "main.js", Runtime: ebb})
	if err == nil || !strings.Contains(err.Error(), "vfs.Install") {
		t.Errorf("Run without a file system = %v, want an error naming vfs.Install", err)
	}
}

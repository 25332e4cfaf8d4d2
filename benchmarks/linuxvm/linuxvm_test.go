package linuxvm

import (
	"bytes"
	"compress/gzip"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/cavaliergopher/cpio"

	"github.com/ebbnode/ebbnode/host/qemu"
)

func TestWriteInitramfs(t *testing.T) {
	var b bytes.Buffer
	files := []File{
		{Name: "/init", Mode: 0o755, Data: []byte("init")},
		{Name: "/suite/deep/x.js", Mode: 0o644, Data: []byte("x")},
		{Name: "/suite/cmdline", Mode: 0o644, Data: []byte("/init")},
	}
	if err := WriteInitramfs(&b, files); err != nil {
		t.Fatal(err)
	}
	zr, err := gzip.NewReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	r := cpio.NewReader(zr)
	var got []string
	for {
		h, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		data, _ := io.ReadAll(r)
		got = append(got, h.Name+" "+h.Mode.String()+" "+string(data))
	}
	want := []string{
		"suite 040755 ",
		"suite/deep 040755 ",
		"init 0100755 init",
		"suite/deep/x.js 0100644 x",
		"suite/cmdline 0100644 /init",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("archive:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, bad := range []string{"init", "/a/../b", "/"} {
		if err := WriteInitramfs(io.Discard, []File{{Name: bad}}); err == nil {
			t.Errorf("name %q accepted", bad)
		}
	}
}

// TestBoot boots Debian's kernel with vminit and a small static payload:
// the payload's output must reach the console and its exit status must come
// back, for a success and a failure.
func TestBoot(t *testing.T) {
	ctx := context.Background()
	cache, err := DefaultCacheDir()
	if err != nil {
		t.Fatal(err)
	}
	kernel, pkg, err := Kernel(ctx, cache)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(pkg, "linux-image-") {
		t.Errorf("kernel package %q", pkg)
	}
	root, err := ModuleRoot(".")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, p := range []string{"vminit", "testdata/hello"} {
		if err := BuildStatic(ctx, root, "./benchmarks/linuxvm/"+p, filepath.Join(dir, filepath.Base(p))); err != nil {
			t.Fatal(err)
		}
	}
	read := func(name string) []byte {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	for _, code := range []string{"0", "3"} {
		initrd := filepath.Join(dir, "initrd"+code)
		f, err := os.Create(initrd)
		if err != nil {
			t.Fatal(err)
		}
		err = WriteInitramfs(f, []File{
			{Name: "/init", Mode: 0o755, Data: read("vminit")},
			{Name: "/hello", Mode: 0o755, Data: read("hello")},
			{Name: "/suite/cmdline", Mode: 0o644, Data: []byte("/hello world " + code + "\n")},
		})
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			t.Fatal(err)
		}
		vm := qemu.Config{Machine: qemu.MachineQ35, MemoryMiB: 256, CPUs: 1, Accel: qemu.AccelAuto, Timeout: 5 * time.Minute}
		res, err := Boot(ctx, vm, kernel, initrd)
		if !strings.Contains(string(res.Console), "hello from the VM: world "+code) {
			t.Errorf("exit %s: payload output missing; console:\n%s", code, res.Console)
		}
		switch {
		case code == "0" && err != nil:
			t.Errorf("exit 0: %v", err)
		case code == "3" && (err == nil || !strings.Contains(err.Error(), "exited with status 3")):
			t.Errorf("exit 3: error %v, want one naming status 3", err)
		}
		if res.Crashed || res.ExitCode != map[string]int{"0": 0, "3": 3}[code] {
			t.Errorf("exit %s: QEMU result %+v (isa-debug-exit not reached?)", code, res.ExitCode)
		}
		t.Logf("exit %s: booted and ran in %v (%s)", code, res.Wall, res.Accel)
	}
}

func TestCheckStatic(t *testing.T) {
	// The test binary of a cgo-enabled toolchain may or may not be static;
	// /bin/sh on Debian never is.
	if err := CheckStatic("/bin/sh"); err == nil || !strings.Contains(err.Error(), "dynamically linked") {
		t.Errorf("/bin/sh: %v", err)
	}
	if err := CheckStatic("linuxvm.go"); err == nil {
		t.Error("a Go source file passed as an executable")
	}
}

package main

import (
	"context"
	"errors"
	"net"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"testing/fstest"

	"github.com/ebbnode/ebbnode/host/offload"
	"github.com/ebbnode/ebbnode/runtime/messenger"
	"github.com/ebbnode/ebbnode/runtime/vfs"
)

// TestImageFS runs the native image's file system, the bundle overlaid on
// a messenger.Client, against the real host side over a pipe: bundled
// files come from the bundle, everything else from the granted directory,
// and nothing outside it.
func TestImageFS(t *testing.T) {
	host := t.TempDir()
	g, h := net.Pipe()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		offload.Serve(ctx, h, offload.Config{Mounts: []offload.Mount{{Host: host, Guest: host}}})
	}()
	t.Cleanup(func() {
		cancel()
		g.Close()
		h.Close()
		<-done
	})
	c, err := messenger.NewClient(g)
	if err != nil {
		t.Fatal(err)
	}
	bundle := fstest.MapFS{"app.js": {Data: []byte("bundled"), Mode: 0o644}}
	var fsys vfs.FS = vfs.NewOverlay(bundle, host, c)

	if err := os.WriteFile(filepath.Join(host, "app.js"), []byte("host copy"), 0o644); err != nil {
		t.Fatal(err)
	}
	if b, err := fsys.ReadFile(filepath.Join(host, "app.js")); err != nil || string(b) != "bundled" {
		t.Errorf("ReadFile(app.js) = %q, %v; want the bundle's", b, err)
	}
	out := filepath.Join(host, "out.txt")
	if err := fsys.WriteFile(out, []byte("new"), false, 0o644); err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(out); err != nil || string(b) != "new" {
		t.Errorf("host out.txt = %q, %v", b, err)
	}
	f, err := fsys.OpenFile(out, os.O_RDWR|os.O_APPEND, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.Write([]byte("+")); err != nil {
		t.Error(err)
	}
	f.Close()
	if err := fsys.RemoveAll(filepath.Join(host, "nothing")); err != nil {
		t.Errorf("RemoveAll of a missing path = %v, want nil", err)
	}
	if b, _ := os.ReadFile(out); string(b) != "new+" {
		t.Errorf("after append through OpenFile = %q", b)
	}
	for _, p := range []string{filepath.Join(host, "../../etc/passwd"), "/etc/passwd"} {
		_, err := fsys.ReadFile(p)
		if !errors.Is(err, syscall.ENOENT) && !errors.Is(err, syscall.EACCES) {
			t.Errorf("ReadFile(%s) = %v, want ENOENT or EACCES", p, err)
		}
	}
}

// TestImageTmp: /tmp is in memory unless a grant covers it; a directory
// granted under /tmp stays the host's.
func TestImageTmp(t *testing.T) {
	host := t.TempDir() // under /tmp
	serve := func(guest string) *messenger.Client {
		g, h := net.Pipe()
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan struct{})
		go func() {
			defer close(done)
			offload.Serve(ctx, h, offload.Config{Mounts: []offload.Mount{{Host: host, Guest: guest}}})
		}()
		t.Cleanup(func() {
			cancel()
			g.Close()
			h.Close()
			<-done
		})
		c, err := messenger.NewClient(g)
		if err != nil {
			t.Fatal(err)
		}
		return c
	}

	c := serve(host)
	fsys, err := withTmp(c, c, "/app")
	if err != nil {
		t.Fatal(err)
	}
	if err := fsys.Mkdir("/tmp/scratch-ebbnode-test", false, 0o700); err != nil {
		t.Fatalf("mkdir in the in-memory /tmp: %v", err)
	}
	if err := fsys.WriteFile("/tmp/scratch-ebbnode-test/f", []byte("x"), false, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat("/tmp/scratch-ebbnode-test"); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the in-memory /tmp reached the host: %v", err)
	}
	if err := fsys.WriteFile(filepath.Join(host, "g"), []byte("y"), false, 0o600); err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(filepath.Join(host, "g")); err != nil || string(b) != "y" {
		t.Errorf("a grant under /tmp was not the host's: %q, %v", b, err)
	}

	// The bundle's root under /tmp is routed as a grant is: a file there
	// is the host's (which refuses it: the host did not grant that
	// directory), not the in-memory /tmp's.
	root := filepath.Join("/tmp", filepath.Base(t.TempDir())+"-root")
	fsys, err = withTmp(c, c, root)
	if err != nil {
		t.Fatal(err)
	}
	if err := fsys.Mkdir(root, false, 0o700); err == nil {
		t.Errorf("mkdir of the bundle's root under /tmp landed in memory")
	}

	c = serve("/tmp")
	if fsys, err := withTmp(c, c, "/app"); err != nil || fsys != vfs.FS(c) {
		t.Errorf("with /tmp granted, withTmp = %T, %v; want the host's FS", fsys, err)
	}
}

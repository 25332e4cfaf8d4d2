package offload

import (
	"context"
	"errors"
	"net"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ebbnode/ebbnode/host/qemu"
	"github.com/ebbnode/ebbnode/kernel/boottest"
	"github.com/ebbnode/ebbnode/runtime/messenger"
)

// TestNativeMalformedFrame boots a Go guest (testdata/badguest) on the
// Messenger's channel as `ebbnode run` attaches it (a virtserialport,
// port 1, on a socket this process listens on): after a good handshake
// the guest sends a frame with reserved flag bits. Serve must end with
// that protocol error, not wait for more.
func TestNativeMalformedFrame(t *testing.T) {
	img, err := boottest.Build(context.Background(), "./testdata/badguest")
	t.Cleanup(boottest.Cleanup)
	if err != nil {
		t.Fatal(err)
	}
	sock := filepath.Join(t.TempDir(), "m.sock")
	ln, err := net.Listen("unix", sock)
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	type vmResult struct {
		r   qemu.Result
		err error
	}
	vm := make(chan vmResult, 1)
	var console syncBuffer
	go func() {
		r, err := qemu.Run(ctx, qemu.Config{Kernel: img, MemoryMiB: 64, Timeout: boottest.DefaultTimeout, Console: &console, ExtraArgs: qemu.Channel{Socket: sock}.Args(qemu.MachineQ35)})
		vm <- vmResult{r, err}
	}()
	conn, err := ln.Accept()
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	served := make(chan error, 1)
	go func() {
		_, err := Serve(ctx, conn, Config{})
		served <- err
	}()
	select {
	case err = <-served:
	case r := <-vm:
		t.Fatalf("the guest ended before Serve did: %v; console:\n%s", r.err, console.Bytes())
	}
	if !errors.Is(err, messenger.ErrBadFlags) || !strings.Contains(err.Error(), "reserved frame flags") {
		t.Fatalf("Serve = %v, want the reserved-flags error; console:\n%s", err, console.Bytes())
	}
	conn.Close()
	cancel()
	<-vm
}

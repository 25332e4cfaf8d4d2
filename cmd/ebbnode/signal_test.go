package main

import (
	"context"
	"syscall"
	"testing"
	"time"
)

// TestSIGPIPEFromASocketDoesNotStopTheRun: with SIGPIPE caught, a write to
// a broken socket (the Messenger's, after QEMU died) raises it too; only a
// closed stdout or stderr may stop the run, or a guest's own exit status
// would be reported as an interrupt.
func TestSIGPIPEFromASocketDoesNotStopTheRun(t *testing.T) {
	ctx, stop := stopOnSignals(context.Background())
	defer stop()
	fds, err := syscall.Socketpair(syscall.AF_UNIX, syscall.SOCK_STREAM, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer syscall.Close(fds[0])
	syscall.Close(fds[1])
	if _, err := syscall.Write(fds[0], []byte("x")); err != syscall.EPIPE {
		t.Fatalf("write to a broken socket: %v, want EPIPE", err)
	}
	select {
	case <-ctx.Done():
		t.Fatalf("the run was stopped: %v", context.Cause(ctx))
	case <-time.After(500 * time.Millisecond):
	}
}

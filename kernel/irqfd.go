package kernel

import (
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"syscall"
	"time"

	"github.com/ebbnode/ebbnode/libc"
)

// IRQ is a device vector's interrupts as a file the Go runtime polls
// (ebb_irq_fd): a goroutine waiting in Wait is parked in the netpoller,
// holding neither a thread nor a P, where WaitIRQ keeps a thread in a
// blocking system call.
type IRQ struct {
	f      *os.File
	vector int
}

// OpenIRQ opens vector's descriptor. It fails on a kernel without
// ebb_irq_fd (hosted: ENOSYS) and when the runtime could not add the
// descriptor to its poller; callers then fall back to WaitIRQ.
func OpenIRQ(vector int) (*IRQ, error) {
	if vector < FirstDeviceVector || vector > LastDeviceVector {
		return nil, fmt.Errorf("kernel: OpenIRQ: vector %d is not a device vector (%d-%d)", vector, FirstDeviceVector, LastDeviceVector)
	}
	fd, _, e := syscall.Syscall(libc.SysEbbIRQFD, uintptr(vector), 0, 0)
	if e != 0 {
		return nil, fmt.Errorf("kernel: OpenIRQ(%d): %w", vector, e)
	}
	f := os.NewFile(fd, fmt.Sprintf("irq%d", vector))
	// Deadlines work only on descriptors in the netpoller.
	if err := f.SetReadDeadline(time.Time{}); err != nil {
		f.Close()
		return nil, fmt.Errorf("kernel: OpenIRQ(%d): not pollable: %w", vector, err)
	}
	return &IRQ{f: f, vector: vector}, nil
}

// ErrIRQClosed is returned by Wait after Close.
var ErrIRQClosed = errors.New("kernel: IRQ descriptor closed")

// Wait blocks until the vector has interrupted since the previous Wait
// (or OpenIRQ) and returns how many times.
func (q *IRQ) Wait() (uint64, error) {
	var b [8]byte
	if _, err := q.f.Read(b[:]); err != nil {
		if errors.Is(err, os.ErrClosed) {
			return 0, ErrIRQClosed
		}
		return 0, fmt.Errorf("kernel: IRQ %d: %w", q.vector, err)
	}
	return binary.LittleEndian.Uint64(b[:]), nil
}

// Close releases the descriptor; a Wait in progress returns ErrIRQClosed.
func (q *IRQ) Close() error { return q.f.Close() }

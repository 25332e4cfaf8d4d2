package qemu

import "testing"

func TestDecodeStatus(t *testing.T) {
	tests := []struct {
		status, code int
		crashed      bool
	}{
		{1, 0, false}, // guest wrote 0
		{7, 3, false}, // guest wrote 3 (os.Exit(3))
		{255, ExitPanic, false},
		{0, ExitCrash, true},  // triple fault with -no-reboot
		{2, ExitCrash, true},  // even: not from isa-debug-exit
		{-1, ExitCrash, true}, // killed by a signal
	}
	for _, tt := range tests {
		code, crashed := DecodeStatus(tt.status)
		if code != tt.code || crashed != tt.crashed {
			t.Errorf("DecodeStatus(%d) = %d, %v; want %d, %v", tt.status, code, crashed, tt.code, tt.crashed)
		}
	}
}

func TestQEMUError(t *testing.T) {
	stderr := "qemu-system-x86_64: warning: TCG doesn't support requested feature\n" +
		"qemu-system-x86_64: Error loading uncompressed kernel without PVH ELF Note\n"
	if got, want := qemuError([]byte(stderr)), "Error loading uncompressed kernel without PVH ELF Note"; got != want {
		t.Errorf("qemuError = %q, want %q", got, want)
	}
	if got := qemuError([]byte("qemu-system-x86_64: warning: x\nguest text\n")); got != "" {
		t.Errorf("qemuError(warnings only) = %q, want empty", got)
	}
}

func TestTailBuffer(t *testing.T) {
	tb := &tailBuffer{max: 4}
	for _, s := range []string{"ab", "cdef", "ghijklm", "n"} {
		tb.Write([]byte(s))
	}
	if got := string(tb.Bytes()); got != "klmn" {
		t.Errorf("tail = %q, want %q", got, "klmn")
	}
}

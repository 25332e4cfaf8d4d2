package offload

import (
	"io"
	"os"
	"path/filepath"
	"testing"
)

// Benchmarks of one request's round trip over net.Pipe (no VM): the floor
// that the virtio transport adds its own cost to.

func benchSession(b *testing.B) (*session, string) {
	dir := b.TempDir()
	s := startSession(b, Config{Stdout: io.Discard, Mounts: []Mount{{Host: dir, Guest: "/app"}}})
	b.Cleanup(func() { s.c.Exit(0); s.wait() })
	return s, dir
}

func BenchmarkStdoutWrite64(b *testing.B) {
	s, _ := benchSession(b)
	p := make([]byte, 64)
	b.SetBytes(64)
	for b.Loop() {
		if _, err := s.c.Stdout().Write(p); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkStat(b *testing.B) {
	s, dir := benchSession(b)
	os.WriteFile(filepath.Join(dir, "f"), []byte("x"), 0o644)
	for b.Loop() {
		if _, err := s.c.Stat("/app/f"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkReadFile1MiB(b *testing.B) {
	s, dir := benchSession(b)
	os.WriteFile(filepath.Join(dir, "f"), make([]byte, 1<<20), 0o644)
	b.SetBytes(1 << 20)
	for b.Loop() {
		if _, err := s.c.ReadFile("/app/f"); err != nil {
			b.Fatal(err)
		}
	}
}

package kernel

import (
	"runtime"
	"testing"
)

func TestVectorStubs(t *testing.T) {
	seen := map[uintptr]int{}
	for v := 0; v < numVectors; v++ {
		a := vectorAddr(v)
		if a == 0 {
			t.Fatalf("vector %d has no stub", v)
		}
		if w, dup := seen[a]; dup {
			t.Fatalf("vectors %d and %d share stub %#x", w, v, a)
		}
		seen[a] = v
	}
}

// TestMemclrAligned covers memclr's SSE path: 16-aligned starts, sizes
// with whole 128-byte blocks and a remainder of words and bytes.
func TestMemclrAligned(t *testing.T) {
	for _, n := range []int{128, 129, 200, 4096, 4096 + 127, 2 << 20} {
		buf := make([]byte, n+64)
		for i := range buf {
			buf[i] = 0xAA
		}
		off := int((16 - sliceAddr(buf)%16) % 16)
		memclr(sliceAddr(buf)+uintptr(off), uintptr(n))
		for i, c := range buf {
			want := byte(0xAA)
			if i >= off && i < off+n {
				want = 0
			}
			if c != want {
				t.Fatalf("memclr(aligned, %d): byte %d = %#x, want %#x", n, i, c, want)
			}
		}
	}
}

func TestMemHelpers(t *testing.T) {
	for _, n := range []int{0, 1, 7, 8, 9, 21, 4096 + 5} {
		buf := make([]byte, n+16)
		for i := range buf {
			buf[i] = 0xAA
		}
		memclr(sliceAddr(buf)+3, uintptr(n))
		for i, c := range buf {
			want := byte(0xAA)
			if i >= 3 && i < 3+n {
				want = 0
			}
			if c != want {
				t.Fatalf("memclr(+3, %d): byte %d = %#x, want %#x", n, i, c, want)
			}
		}
		src := make([]byte, n+16)
		for i := range src {
			src[i] = byte(i)
		}
		dst := make([]byte, n+16)
		memcopy(sliceAddr(dst)+1, sliceAddr(src)+5, uintptr(n))
		for i, c := range dst {
			want := byte(0)
			if i >= 1 && i < 1+n {
				want = src[i+4]
			}
			if c != want {
				t.Fatalf("memcopy(%d): byte %d = %#x, want %#x", n, i, c, want)
			}
		}
		runtime.KeepAlive(buf)
		runtime.KeepAlive(src)
		runtime.KeepAlive(dst)
	}
}

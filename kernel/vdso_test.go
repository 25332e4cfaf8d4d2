package kernel

import (
	"encoding/binary"
	"testing"
	"unsafe"
)

// TestVDSOImage walks the image the way the Go runtime does
// (runtime/vdso_linux.go): program headers, dynamic table, SysV hash,
// version definitions, symbol.
func TestVDSOImage(t *testing.T) {
	base := buildVDSO()
	img := unsafe.Slice((*byte)(physPointer(base)), vdsoSize)
	le := binary.LittleEndian
	if string(img[:4]) != "\x7fELF" || le.Uint16(img[18:]) != 62 {
		t.Fatal("not an x86-64 ELF header")
	}
	phoff, phnum := le.Uint64(img[32:]), le.Uint16(img[56:])
	var loadOff uint64
	var dynOff uint64
	foundLoad := false
	for i := uint64(0); i < uint64(phnum); i++ {
		ph := img[phoff+56*i:]
		switch le.Uint32(ph) {
		case 1:
			if !foundLoad {
				foundLoad = true
				loadOff = uint64(base) + le.Uint64(ph[8:]) - le.Uint64(ph[16:])
			}
		case 2:
			dynOff = le.Uint64(ph[8:])
		}
	}
	if !foundLoad || dynOff == 0 {
		t.Fatal("no PT_LOAD or PT_DYNAMIC")
	}
	tags := map[int64]uint64{}
	for d := img[dynOff:]; ; d = d[16:] {
		tag := int64(le.Uint64(d))
		if tag == 0 {
			break
		}
		tags[tag] = le.Uint64(d[8:])
	}
	at := func(tag int64) []byte {
		v, ok := tags[tag]
		if !ok {
			t.Fatalf("dynamic tag %#x missing", tag)
		}
		return img[loadOff+v-uint64(base):]
	}
	strs, syms, hash, versym, verdef := at(5), at(6), at(4), at(0x6ffffff0), at(0x6ffffffc)
	cstr := func(off uint32) string {
		s := strs[off:]
		n := 0
		for s[n] != 0 {
			n++
		}
		return string(s[:n])
	}
	// Version LINUX_2.6 (hash 0x3ae75f6) must be defined with some index.
	verIdx := -1
	for def := verdef; ; {
		if le.Uint16(def[2:])&1 == 0 && le.Uint32(def[8:]) == 0x3ae75f6 {
			if cstr(le.Uint32(def[le.Uint32(def[12:]):])) == "LINUX_2.6" {
				verIdx = int(le.Uint16(def[4:]) & 0x7fff)
			}
		}
		next := le.Uint32(def[16:])
		if next == 0 {
			break
		}
		def = def[next:]
	}
	if verIdx < 0 {
		t.Fatal("version LINUX_2.6 not defined")
	}
	// Every key the runtime asks for must walk the hash chains without
	// leaving the table; only __vdso_clock_gettime resolves.
	nbucket, nchain := le.Uint32(hash), le.Uint32(hash[4:])
	bucket := func(i uint32) uint32 { return le.Uint32(hash[8+4*i:]) }
	chain := func(i uint32) uint32 {
		if i >= nchain {
			t.Fatalf("chain index %d outside %d chains", i, nchain)
		}
		return le.Uint32(hash[8+4*nbucket+4*i:])
	}
	found := map[string]uint64{}
	for _, key := range []struct {
		name string
		hash uint32
	}{{"__vdso_gettimeofday", 0x315ca59}, {"__vdso_clock_gettime", 0xd35ec75}, {"__vdso_getrandom", 0x25425d}} {
		for c := bucket(key.hash % nbucket); c != 0; c = chain(c) {
			s := syms[24*c:]
			if s[4]&0xf != 2 || s[4]>>4 != 1 || le.Uint16(s[6:]) == 0 || cstr(le.Uint32(s)) != key.name {
				continue
			}
			if int(le.Uint16(versym[2*c:])&0x7fff) != verIdx {
				continue
			}
			found[key.name] = loadOff + le.Uint64(s[8:])
			break
		}
	}
	if len(found) != 1 || found["__vdso_clock_gettime"] != uint64(vdsoClockGettimeAddr()) {
		t.Fatalf("resolved %x, want only __vdso_clock_gettime at %#x", found, vdsoClockGettimeAddr())
	}
}

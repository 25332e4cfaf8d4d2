package bundle

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
)

// FuzzRead feeds Read arbitrary bytes. Each input is tried as it is and
// sealed with a valid trailer, so the fuzzer reaches the tar and manifest
// checks behind the checksum. Read must never panic, and whatever it
// accepts must be a valid bundle: it writes back and reads back equal, and
// its FS opens every file.
func FuzzRead(f *testing.F) {
	good := encode(f, mustCollect(f, "testdata/app/app.js"))
	f.Add(good)
	f.Add(good[:len(good)-trailerSize])
	f.Add(good[:len(good)/2])
	f.Add([]byte{})
	small := &Bundle{Root: "/", Entry: "a.js", Files: []File{{Path: "a.js", Mode: 0o644, Data: []byte("x")}}}
	f.Add(encode(f, small)[:len(encode(f, small))-trailerSize])
	// A path over tar's 100-byte name field takes a PAX header.
	long := strings.Repeat("d/", 60) + "x.js"
	pax := &Bundle{Root: "/srv", Entry: long, Files: []File{{Path: long, Mode: 0o755, Data: []byte("y")}}}
	f.Add(encode(f, pax)[:len(encode(f, pax))-trailerSize])
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, in := range [][]byte{data, seal(data)} {
			b, err := read(in)
			if err != nil {
				continue
			}
			var buf bytes.Buffer
			if err := b.Write(&buf); err != nil {
				t.Fatalf("Read accepted a bundle Write refuses: %v", err)
			}
			again, err := read(buf.Bytes())
			if err != nil {
				t.Fatalf("rewritten bundle does not read: %v", err)
			}
			if !reflect.DeepEqual(again, b) {
				t.Fatalf("rewritten bundle reads back different:\n%+v\n%+v", again, b)
			}
			fsys := b.FS()
			for _, file := range b.Files {
				if _, err := fsys.Open(file.Path); err != nil {
					t.Fatalf("FS cannot open %q: %v", file.Path, err)
				}
			}
		}
	})
}

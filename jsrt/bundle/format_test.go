package bundle

import (
	"archive/tar"
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func encode(t testing.TB, b *Bundle) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := b.Write(&buf); err != nil {
		t.Fatalf("Write: %v", err)
	}
	return buf.Bytes()
}

func read(data []byte) (*Bundle, error) { return Read(bytes.NewReader(data), int64(len(data))) }

// stored is b without what the archive does not keep.
func stored(b *Bundle) *Bundle {
	c := *b
	c.Warnings, c.CoreModules = nil, nil
	return &c
}

func TestRoundTrip(t *testing.T) {
	b := mustCollect(t, "testdata/app/app.js", "testdata/app/assets")
	data := encode(t, b)
	got, err := read(data)
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	if !reflect.DeepEqual(got, stored(b)) {
		t.Errorf("read back %+v\nwant %+v", got, stored(b))
	}
	// The same files give the same bytes (reproducible images).
	if again := encode(t, got); !bytes.Equal(again, data) {
		t.Errorf("rewriting the read bundle changed its bytes")
	}
}

func TestReadAfterPrefix(t *testing.T) {
	// ebbnode build appends the bundle to the runtime ELF.
	b := mustCollect(t, "testdata/app/lib/dir/index.js")
	data := append([]byte("\x7fELF and the rest of a runtime image"), encode(t, b)...)
	got, err := read(data)
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	if !reflect.DeepEqual(got, stored(b)) {
		t.Errorf("read back %+v, want %+v", got, stored(b))
	}
}

func TestAppendReadImage(t *testing.T) {
	img := filepath.Join(t.TempDir(), "app.img")
	elf := []byte("\x7fELF runtime")
	if err := os.WriteFile(img, elf, 0o755); err != nil {
		t.Fatal(err)
	}
	b := mustCollect(t, "testdata/app/app.js")
	if err := Append(img, b); err != nil {
		t.Fatal(err)
	}
	got, err := ReadImage(img)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, stored(b)) {
		t.Errorf("read back %+v, want %+v", got, stored(b))
	}
	data, _ := os.ReadFile(img)
	if !bytes.HasPrefix(data, elf) {
		t.Errorf("Append changed the image's head")
	}
	if _, err := ReadImage(filepath.Join(t.TempDir(), "none.img")); err == nil {
		t.Errorf("ReadImage of a missing file: no error")
	}
}

// seal appends a valid trailer to archive, as Write does.
func seal(archive []byte) []byte {
	var tr [trailerSize]byte
	sum := sha256.Sum256(archive)
	copy(tr[0:32], sum[:])
	binary.LittleEndian.PutUint64(tr[32:40], uint64(len(archive)))
	binary.LittleEndian.PutUint32(tr[40:44], FormatVersion)
	copy(tr[48:56], magic)
	return append(append([]byte(nil), archive...), tr[:]...)
}

func TestReadRejectsDamage(t *testing.T) {
	good := encode(t, mustCollect(t, "testdata/app/app.js"))
	n := len(good)
	mod := func(f func(b []byte) []byte) []byte { return f(append([]byte(nil), good...)) }
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"empty", nil, "truncated: 0 bytes"},
		{"short", good[n-10:], "truncated: 10 bytes"},
		{"head cut", good[1:], "truncated: the trailer says"},
		{"tail cut", good[:n-1], "bad magic"},
		{"not a bundle", bytes.Repeat([]byte("x"), 100), "bad magic"},
		{"bit flip in a file", mod(func(b []byte) []byte { b[2000] ^= 1; return b }), "checksum mismatch"},
		{"bit flip in the checksum", mod(func(b []byte) []byte { b[n-trailerSize] ^= 1; return b }), "checksum mismatch"},
		{"version 2", mod(func(b []byte) []byte { b[n-16] = 2; return b }), "unsupported format version 2"},
		{"flags", mod(func(b []byte) []byte { b[n-12] = 1; return b }), "unknown flags 0x1"},
		{"huge length", mod(func(b []byte) []byte { b[n-17] = 0xff; return b }), "truncated: the trailer says"},
	}
	for _, tt := range tests {
		_, err := read(tt.data)
		if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.HasPrefix(err.Error(), "read bundle: ") {
			t.Errorf("%s: error %v, want one containing %q", tt.name, err, tt.want)
		}
	}
}

type member struct {
	name string
	typ  byte
	mode int64
	data string
}

const goodManifest = `{"version":1,"entry":"app.js","root":"/srv/app"}`

func archiveOf(t *testing.T, ms ...member) []byte {
	t.Helper()
	var buf bytes.Buffer
	tw := tar.NewWriter(&buf)
	for _, m := range ms {
		hdr := &tar.Header{Name: m.name, Typeflag: m.typ, Mode: m.mode, Size: int64(len(m.data))}
		if m.typ == 0 {
			hdr.Typeflag = tar.TypeReg
		}
		if m.mode == 0 {
			hdr.Mode = 0o644
		}
		if hdr.Typeflag != tar.TypeReg {
			hdr.Size = 0
			hdr.Linkname = "target"
		}
		if err := tw.WriteHeader(hdr); err != nil {
			t.Fatal(err)
		}
		if hdr.Size > 0 {
			if _, err := tw.Write([]byte(m.data)); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := tw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestReadRejectsBadArchives feeds archives whose checksum is right but
// whose contents are not a valid bundle.
func TestReadRejectsBadArchives(t *testing.T) {
	man := member{name: manifestName, data: goodManifest}
	app := member{name: "app.js", data: "1"}
	tests := []struct {
		name string
		ms   []member
		want string
	}{
		{"valid", []member{man, app}, ""},
		{"no members", nil, "manifest: EOF"},
		{"no manifest", []member{app}, `first member is "app.js"`},
		{"manifest second", []member{app, man}, `first member is "app.js"`},
		{"manifest not JSON", []member{{name: manifestName, data: "{"}, app}, "manifest: unexpected EOF"},
		{"manifest unknown field", []member{{name: manifestName, data: `{"version":1,"entry":"app.js","root":"/","x":1}`}, app}, `unknown field "x"`},
		{"manifest trailing data", []member{{name: manifestName, data: goodManifest + "{}"}, app}, "manifest: data after the JSON object"},
		{"manifest version", []member{{name: manifestName, data: `{"version":2,"entry":"app.js","root":"/"}`}, app}, "manifest: version 2"},
		{"relative root", []member{{name: manifestName, data: `{"version":1,"entry":"app.js","root":"srv"}`}, app}, `root "srv" is not a clean absolute path`},
		{"entry missing", []member{{name: manifestName, data: `{"version":1,"entry":"main.js","root":"/"}`}, app}, `entry "main.js" is not in the bundle`},
		{"entry escapes", []member{{name: manifestName, data: `{"version":1,"entry":"../app.js","root":"/"}`}, app}, `entry: member path "../app.js"`},
		{"dot dot", []member{man, app, {name: "../etc/passwd", data: "x"}}, `member path "../etc/passwd" is not a relative path`},
		{"inner dot dot", []member{man, app, {name: "lib/../../x", data: "x"}}, `member path "lib/../../x"`},
		{"absolute", []member{man, app, {name: "/etc/passwd", data: "x"}}, `member path "/etc/passwd"`},
		{"dot", []member{man, app, {name: "./x", data: "x"}}, `member path "./x"`},
		{"long path", []member{man, app, {name: strings.Repeat("a/", 2100) + "x", data: "x"}}, "longer than 4096 bytes"},
		{"duplicate", []member{man, app, app}, `member "app.js" appears twice`},
		{"unsorted", []member{man, {name: "b.js", data: "x"}, app}, `member "app.js" is out of order`},
		{"file and dir", []member{man, app, {name: "lib", data: "x"}, {name: "lib/x.js", data: "x"}}, `member "lib" is a file and a directory`},
		{"reserved", []member{man, app, {name: ".ebbnode/x", data: "x"}}, "reserved"},
		{"symlink", []member{man, app, {name: "link", typ: tar.TypeSymlink}}, `member "link": type '2' is not a regular file`},
		{"directory", []member{man, app, {name: "dir/", typ: tar.TypeDir}}, `member "dir/": type '5'`},
		{"setuid", []member{man, {name: "app.js", mode: 0o4755, data: "1"}}, "mode 04755 has more than permission bits"},
	}
	for _, tt := range tests {
		_, err := read(seal(archiveOf(t, tt.ms...)))
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("%s: %v", tt.name, err)
		case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
			t.Errorf("%s: error %v, want one containing %q", tt.name, err, tt.want)
		}
	}
}

func TestWriteRejectsInvalid(t *testing.T) {
	tests := []struct {
		name string
		b    Bundle
	}{
		{"escaping path", Bundle{Root: "/a", Entry: "x", Files: []File{{Path: "x"}, {Path: "../y"}}}},
		{"no entry", Bundle{Root: "/a", Entry: "x"}},
		{"relative root", Bundle{Root: "a", Entry: "x", Files: []File{{Path: "x"}}}},
		{"mode", Bundle{Root: "/a", Entry: "x", Files: []File{{Path: "x", Mode: 0o777 | os.ModeSymlink}}}},
	}
	for _, tt := range tests {
		var buf bytes.Buffer
		if err := tt.b.Write(&buf); err == nil || buf.Len() != 0 {
			t.Errorf("%s: Write error %v, wrote %d bytes; want an error and nothing written", tt.name, err, buf.Len())
		}
	}
}

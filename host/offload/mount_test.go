package offload

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

func TestParseMount(t *testing.T) {
	dir := t.TempDir()
	file := writeHostFile(t, dir, "file", "")
	wd, _ := os.Getwd()
	tests := []struct {
		in      string
		want    Mount
		wantErr string
	}{
		{in: dir, want: Mount{Host: dir, Guest: dir}},
		{in: dir + ":ro", want: Mount{Host: dir, Guest: dir, ReadOnly: true}},
		{in: dir + ":rw", want: Mount{Host: dir, Guest: dir}},
		{in: dir + ":/data", want: Mount{Host: dir, Guest: "/data"}},
		{in: dir + ":/data/:ro", want: Mount{Host: dir, Guest: "/data", ReadOnly: true}},
		{in: dir + ":/", want: Mount{Host: dir, Guest: "/"}},
		{in: ".", want: Mount{Host: wd, Guest: wd}},
		{in: "", wantErr: `mount "": empty host directory`},
		{in: ":/data", wantErr: `mount ":/data": empty host directory`},
		{in: dir + ":data", wantErr: `guest path "data" must be absolute`},
		{in: dir + ":/a:/b", wantErr: "too many ':'-separated fields"},
		{in: dir + ":/a:rx", wantErr: "too many ':'-separated fields"},
		{in: dir + "/none:/a", wantErr: "host directory: stat " + dir + "/none: no such file"},
		{in: file, wantErr: "is not a directory"},
	}
	for _, tc := range tests {
		got, err := ParseMount(tc.in)
		if tc.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("ParseMount(%q) = %v, %v; want error containing %q", tc.in, got, err, tc.wantErr)
			}
			if err != nil && !strings.Contains(err.Error(), `"`+tc.in+`"`) {
				t.Errorf("ParseMount(%q) error %q does not name the value", tc.in, err)
			}
			continue
		}
		if err != nil || got != tc.want {
			t.Errorf("ParseMount(%q) = %+v, %v; want %+v", tc.in, got, err, tc.want)
		}
	}
}

func TestDefaultMounts(t *testing.T) {
	ms, err := DefaultMounts()
	if err != nil {
		t.Fatal(err)
	}
	wd, _ := os.Getwd()
	if len(ms) != 1 || ms[0] != (Mount{Host: wd, Guest: filepath.ToSlash(wd)}) {
		t.Fatalf("DefaultMounts = %+v, want the working directory read-write at its own path", ms)
	}
}

func TestResolve(t *testing.T) {
	dir := t.TempDir()
	tab, err := openMounts([]Mount{
		{Host: dir, Guest: "/"},
		{Host: dir, Guest: "/a"},
		{Host: dir, Guest: "/a/b"},
		{Host: dir, Guest: "/ab"},
	})
	if err != nil {
		t.Fatal(err)
	}
	defer tab.close()
	tests := []struct {
		in        string
		guest     string
		rel       string
		wantErrno syscall.Errno
	}{
		{in: "/", guest: "/", rel: "."},
		{in: "/x/y", guest: "/", rel: "x/y"},
		{in: "/a", guest: "/a", rel: "."},
		{in: "/a/", guest: "/a", rel: "."},
		{in: "/a/x", guest: "/a", rel: "x"},
		{in: "/a/x/", guest: "/a", rel: "x/"},
		{in: "/a/b/c", guest: "/a/b", rel: "c"},
		{in: "/a/bc", guest: "/a", rel: "bc"},
		{in: "/ab/c", guest: "/ab", rel: "c"},
		{in: "/a/b/../../ab/./c", guest: "/ab", rel: "c"},
		{in: "/../../a/x", guest: "/a", rel: "x"},
		{in: "//a//x", guest: "/a", rel: "x"},
		{in: "a/x", wantErrno: syscall.EINVAL},
		{in: "", wantErrno: syscall.ENOENT},
		{in: "/a/\x00", wantErrno: syscall.EINVAL},
	}
	for _, tc := range tests {
		m, rel, err := tab.resolve(tc.in)
		if tc.wantErrno != 0 {
			if err != tc.wantErrno {
				t.Errorf("resolve(%q) err = %v, want %v", tc.in, err, tc.wantErrno)
			}
			continue
		}
		if err != nil || m.Guest != tc.guest || rel != tc.rel {
			t.Errorf("resolve(%q) = %v %q %v; want %s %q", tc.in, m, rel, err, tc.guest, tc.rel)
		}
	}

	// Without a "/" mount, paths under no mount do not exist.
	only, err := openMounts([]Mount{{Host: dir, Guest: "/a"}})
	if err != nil {
		t.Fatal(err)
	}
	defer only.close()
	for _, p := range []string{"/", "/ab", "/b/a", "/a/../b"} {
		if _, _, err := only.resolve(p); err != syscall.ENOENT {
			t.Errorf("resolve(%q) err = %v, want ENOENT", p, err)
		}
	}
}

package offload

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/ebbnode/ebbnode/runtime/messenger"
)

// FuzzServe feeds arbitrary request streams (after a valid handshake) to
// Serve with a read-only and a read-write mount. Serve must not panic or
// hang, and must not change the read-only mount or anything beside the
// read-write one.
func FuzzServe(f *testing.F) {
	var hello bytes.Buffer
	messenger.NewWriter(&hello).WriteMessage(messenger.TypeHello, 0, messenger.Encode(&messenger.Hello{Magic: messenger.Magic, Version: messenger.Version}))
	seeds := []messenger.Message{
		&messenger.ArgsRequest{},
		&messenger.WriteRequest{FD: 1, Data: []byte("x")},
		&messenger.ReadStdinRequest{Max: 10},
		&messenger.ReadFileRequest{Path: "/ro/f"},
		&messenger.WriteFileRequest{Path: "/rw/f", Perm: 0o644, Data: []byte("d")},
		&messenger.StatRequest{Path: "/ro/link"},
		&messenger.ReadDirRequest{Path: "/ro"},
		&messenger.MkdirRequest{Path: "/rw/a/b", Perm: 0o755, All: true},
		&messenger.RemoveRequest{Path: "/rw/a", Kind: messenger.RemoveAll},
		&messenger.RenameRequest{From: "/rw/f", To: "/rw/../ro/g"},
		&messenger.OpenRequest{Path: "/rw/h", Flags: 0o102, Perm: 0o600},
		&messenger.FWriteRequest{Handle: 1, Offset: -1, Data: []byte("w")},
		&messenger.FReadRequest{Handle: 1, Offset: 0, Max: 4},
		&messenger.FStatRequest{Handle: 1},
		&messenger.CloseRequest{Handle: 1},
		&messenger.TruncateRequest{Path: "/rw/f", Size: 3},
		&messenger.ChmodRequest{Path: "/ro/f", Perm: 0o777},
		&messenger.UtimesRequest{Path: "/rw/f", Atime: 1, Mtime: 2},
		&messenger.SymlinkRequest{Target: "../ro/f", Path: "/rw/l"},
		&messenger.ReadlinkRequest{Path: "/ro/link"},
		&messenger.ExitRequest{Status: 1},
	}
	for i, m := range seeds {
		var b bytes.Buffer
		messenger.NewWriter(&b).WriteMessage(m.Type(), uint32(i+1), messenger.Encode(m))
		f.Add(b.Bytes())
	}
	base := f.TempDir()
	ro := filepath.Join(base, "ro")
	writeHostFile(f, ro, "f", "content")
	writeHostFile(f, base, "outside", "outside")
	if err := os.Symlink("../outside", filepath.Join(ro, "link")); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		rw, err := os.MkdirTemp(base, "rw")
		if err != nil {
			t.Fatal(err)
		}
		defer os.RemoveAll(rw)
		before := snapshotExcept(t, base, rw)
		in := io.MultiReader(bytes.NewReader(hello.Bytes()), bytes.NewReader(data))
		conn := struct {
			io.Reader
			io.Writer
		}{in, io.Discard}
		Serve(context.Background(), conn, Config{Mounts: []Mount{
			{Host: ro, Guest: "/ro", ReadOnly: true},
			{Host: rw, Guest: "/rw"},
		}})
		if after := snapshotExcept(t, base, rw); !sameSnapshot(before, after) {
			t.Fatalf("files outside the read-write mount changed:\nbefore %v\nafter  %v", before, after)
		}
	})
}

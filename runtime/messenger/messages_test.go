package messenger

import (
	"errors"
	"io/fs"
	"reflect"
	"strings"
	"testing"
)

// sampleMessages holds one message of every type, with non-zero fields, so
// that a round trip checks every field's encoding.
func sampleMessages() []Message {
	st := Stat{Dev: 1, Ino: 2, Nlink: 3, Rdev: 4, Mode: 0o100644, Uid: 5, Gid: 6,
		Size: 7, Blksize: 4096, Blocks: 8, Atime: -9, Mtime: 1 << 60, Ctime: 11}
	return []Message{
		&Hello{Magic: Magic, Version: Version},
		&Hello{Magic: Magic, Version: Version, IsReply: true},
		&ArgsRequest{},
		&ArgsReply{Args: []string{"node", "app.js", ""}, Env: []string{"A=b", "PATH=/bin"}, Cwd: "/home/u", Mounts: []string{"/home/u", "/tmp/x"}, CPUProfile: "/p/cpu.pprof"},
		&WriteRequest{FD: StderrFD, Data: []byte{0, 1, 2, 0xff}},
		&ReadStdinRequest{Max: 4096},
		&ReadStdinReply{Data: []byte("tail"), EOF: true},
		&ExitRequest{Status: -3},
		&ReadFileRequest{Path: "/x/y"},
		&WriteFileRequest{Path: "/x", Perm: 0o4755, Append: true, Data: []byte("data")},
		&StatRequest{Path: "/x", NoFollow: true},
		&StatReply{Of: TypeStat, Stat: st},
		&StatReply{Of: TypeFStat, Stat: st},
		&ReadDirRequest{Path: "/d"},
		&ReadDirReply{Entries: []Dirent{{Name: "a", Type: DTReg}, {Name: "b", Type: DTDir}, {Name: "", Type: DTLnk}}},
		&MkdirRequest{Path: "/d/e", Perm: 0o750, All: true},
		&RemoveRequest{Path: "/d", Kind: RemoveAll},
		&RenameRequest{From: "/a", To: "/b"},
		&OpenRequest{Path: "/f", Flags: 0o1101, Perm: 0o600},
		&OpenReply{Handle: 77},
		&FReadRequest{Handle: 77, Offset: -1, Max: 100},
		&FWriteRequest{Handle: 77, Offset: 1 << 40, Data: []byte("w")},
		&FWriteReply{N: 1},
		&FStatRequest{Handle: 77},
		&CloseRequest{Handle: 77},
		&ReadFileReply{Data: []byte("file")},
		&ReadFileReply{Data: []byte("head"), More: true},
		&DataReply{Of: TypeFRead, Data: []byte{}},
		&Ack{Of: TypeWrite},
		&Ack{Of: TypeExit},
		&Ack{Of: TypeWriteFile},
		&Ack{Of: TypeMkdir},
		&Ack{Of: TypeRemove},
		&Ack{Of: TypeRename},
		&Ack{Of: TypeClose},
		&ErrorReply{Errno: 2, Detail: "why"},
		&TruncateRequest{Path: "/t", Size: 1 << 33},
		&ChmodRequest{Path: "/c", Perm: 0o4755},
		&UtimesRequest{Path: "/u", Atime: -5, Mtime: 1 << 60},
		&SymlinkRequest{Target: "../a", Path: "/l"},
		&ReadlinkRequest{Path: "/l"},
		&ReadlinkReply{Target: "../a"},
		&Ack{Of: TypeTruncate},
		&Ack{Of: TypeChmod},
		&Ack{Of: TypeUtimes},
		&Ack{Of: TypeSymlink},
	}
}

func TestMessageRoundTrip(t *testing.T) {
	seen := make(map[Type]bool)
	for _, m := range sampleMessages() {
		seen[m.Type()] = true
		got, err := Decode(m.Type(), Encode(m))
		if err != nil {
			t.Errorf("%v: %v", m.Type(), err)
			continue
		}
		if !reflect.DeepEqual(normalize(got), normalize(m)) {
			t.Errorf("%v: decoded %#v, want %#v", m.Type(), got, m)
		}
	}
	// Every type Decode knows has a sample, so none goes untested.
	for t16 := 0; t16 <= 0xffff; t16++ {
		if typ := Type(t16); newMessage(typ) != nil && !seen[typ] {
			t.Errorf("no sample message for %v", typ)
		}
	}
}

// normalize maps empty byte slices to nil so that DeepEqual compares
// contents.
func normalize(m Message) Message {
	v := reflect.ValueOf(m).Elem()
	for i := 0; i < v.NumField(); i++ {
		f := v.Field(i)
		if f.Kind() == reflect.Slice && f.Len() == 0 {
			f.Set(reflect.Zero(f.Type()))
		}
	}
	return m
}

func TestDecodeErrors(t *testing.T) {
	stat := Encode(&StatRequest{Path: "/x"})
	withLast := func(b byte) []byte { return append(append([]byte(nil), stat[:len(stat)-1]...), b) }
	tests := []struct {
		name    string
		typ     Type
		payload []byte
		wantIs  error
		want    string
	}{
		{"unknown type", 0x0999, nil, ErrUnknownType, "0x0999"},
		{"short", TypeStat, stat[:3], errShort, "decoding Stat"},
		{"trailing bytes", TypeStat, append(withLast(0), 0), nil, "1 unexpected trailing bytes"},
		{"bad bool", TypeStat, withLast(2), nil, "boolean byte is 2"},
		{"string longer than payload", TypeReadFile, []byte{0xff, 0xff, 0xff, 0x7f, 'a'}, errShort, "byte string of 2147483647 bytes"},
		{"huge list count", TypeArgs | Reply, []byte{0xff, 0xff, 0xff, 0xff}, errShort, "list of 4294967295 strings"},
		{"huge dirent count", TypeReadDir | Reply, []byte{0xff, 0xff, 0xff, 0xff, 0}, errShort, "4294967295 entries"},
		{"remove kind out of range", TypeRemove, append(Encode(&ReadFileRequest{Path: "/x"}), 4), nil, "remove kind 4"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m, err := Decode(tc.typ, tc.payload)
			if err == nil {
				t.Fatalf("decoded %#v, want an error", m)
			}
			if tc.wantIs != nil && !errors.Is(err, tc.wantIs) {
				t.Errorf("err = %v, want %v", err, tc.wantIs)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want it to contain %q", err, tc.want)
			}
		})
	}
}

func TestTypeString(t *testing.T) {
	for typ, want := range map[Type]string{
		TypeStat:              "Stat",
		TypeStat | Reply:      "Stat reply",
		TypeError:             "Error reply",
		Type(0x0abc):          "type 0x0abc",
		Type(0x0abc) | 0x8000: "type 0x8abc",
	} {
		if got := typ.String(); got != want {
			t.Errorf("%#x.String() = %q, want %q", uint16(typ), got, want)
		}
	}
}

func TestModeConversions(t *testing.T) {
	for _, st := range []uint32{0o100644, 0o040755, 0o120777, 0o010600, 0o140700, 0o020666, 0o060660, 0o104755, 0o042775, 0o041777} {
		if got := ModeBits(FileMode(st)); got != st {
			t.Errorf("ModeBits(FileMode(%#o)) = %#o", st, got)
		}
	}
	for _, dt := range []uint8{DTReg, DTDir, DTLnk, DTFifo, DTSock, DTChr, DTBlk} {
		if got := DirentType(DirentMode(dt)); got != dt {
			t.Errorf("DirentType(DirentMode(%d)) = %d", dt, got)
		}
	}
	if got, want := PermMode(0o4750|0o100000), fs.ModeSetuid|0o750; got != want {
		t.Errorf("PermMode(0o104750) = %v, want %v (type bits ignored)", got, want)
	}
}

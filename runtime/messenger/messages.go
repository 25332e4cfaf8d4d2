package messenger

import (
	"errors"
	"fmt"
)

// ErrUnknownType is returned by Decode for a type this version does not
// define.
var ErrUnknownType = errors.New("messenger: unknown message type")

// Message is one decoded message. Only this package defines messages; the
// layout of each is in the package documentation.
type Message interface {
	// Type is the message's wire type.
	Type() Type
	encode(e *encoder)
	decode(d *decoder)
}

// Encode returns m's payload.
func Encode(m Message) []byte {
	var e encoder
	m.encode(&e)
	return e.b
}

// Decode decodes a payload of type t. It never panics; a payload that is
// short, has trailing bytes or holds an out-of-range field is an error.
// Byte slices in the result alias payload.
func Decode(t Type, payload []byte) (Message, error) {
	m := newMessage(t)
	if m == nil {
		return nil, fmt.Errorf("%w %#04x", ErrUnknownType, uint16(t))
	}
	d := decoder{b: payload}
	m.decode(&d)
	if err := d.done(); err != nil {
		return nil, fmt.Errorf("messenger: decoding %v: %w", t, err)
	}
	return m, nil
}

// newMessage returns a zero message of type t, or nil.
func newMessage(t Type) Message {
	switch t {
	case TypeHello:
		return &Hello{}
	case TypeHello | Reply:
		return &Hello{IsReply: true}
	case TypeArgs:
		return &ArgsRequest{}
	case TypeArgs | Reply:
		return &ArgsReply{}
	case TypeWrite:
		return &WriteRequest{}
	case TypeReadStdin:
		return &ReadStdinRequest{}
	case TypeReadStdin | Reply:
		return &ReadStdinReply{}
	case TypeExit:
		return &ExitRequest{}
	case TypeReadFile:
		return &ReadFileRequest{}
	case TypeWriteFile:
		return &WriteFileRequest{}
	case TypeStat:
		return &StatRequest{}
	case TypeStat | Reply, TypeFStat | Reply:
		return &StatReply{Of: t &^ Reply}
	case TypeReadDir:
		return &ReadDirRequest{}
	case TypeReadDir | Reply:
		return &ReadDirReply{}
	case TypeMkdir:
		return &MkdirRequest{}
	case TypeRemove:
		return &RemoveRequest{}
	case TypeRename:
		return &RenameRequest{}
	case TypeOpen:
		return &OpenRequest{}
	case TypeOpen | Reply:
		return &OpenReply{}
	case TypeFRead:
		return &FReadRequest{}
	case TypeReadFile | Reply:
		return &ReadFileReply{}
	case TypeFRead | Reply:
		return &DataReply{Of: TypeFRead}
	case TypeFWrite:
		return &FWriteRequest{}
	case TypeFWrite | Reply:
		return &FWriteReply{}
	case TypeFStat:
		return &FStatRequest{}
	case TypeClose:
		return &CloseRequest{}
	case TypeWrite | Reply, TypeExit | Reply, TypeWriteFile | Reply, TypeMkdir | Reply,
		TypeRemove | Reply, TypeRename | Reply, TypeClose | Reply:
		return &Ack{Of: t &^ Reply}
	case TypeError:
		return &ErrorReply{}
	}
	return newMoreMessage(t)
}

// Hello opens the stream (guest to host) and answers it (IsReply).
type Hello struct {
	Magic   uint32
	Version uint32
	IsReply bool // not on the wire: the type says it
}

func (m *Hello) Type() Type {
	if m.IsReply {
		return TypeHello | Reply
	}
	return TypeHello
}
func (m *Hello) encode(e *encoder) { e.u32(m.Magic); e.u32(m.Version) }
func (m *Hello) decode(d *decoder) { m.Magic = d.u32(); m.Version = d.u32() }

// ArgsRequest asks for the program's argv and environment.
type ArgsRequest struct{}

func (*ArgsRequest) Type() Type      { return TypeArgs }
func (*ArgsRequest) encode(*encoder) {}
func (*ArgsRequest) decode(*decoder) {}

// ArgsReply carries argv, the environment ("KEY=value" strings), the
// working directory the guest should start in (a guest path; empty when
// the host names none), the guest paths of the granted directories (so
// the guest knows which paths its own in-memory /tmp must not hide) and
// where the guest writes a CPU profile of its run (a guest path, `ebbnode
// run --cpuprofile`; empty: no profile).
type ArgsReply struct {
	Args, Env       []string
	Cwd, CPUProfile string
	Mounts          []string
}

func (*ArgsReply) Type() Type { return TypeArgs | Reply }
func (m *ArgsReply) encode(e *encoder) {
	e.strs(m.Args)
	e.strs(m.Env)
	e.str(m.Cwd)
	e.strs(m.Mounts)
	e.str(m.CPUProfile)
}
func (m *ArgsReply) decode(d *decoder) {
	m.Args = d.strs()
	m.Env = d.strs()
	m.Cwd = d.str()
	m.Mounts = d.strs()
	m.CPUProfile = d.str()
}

// WriteRequest writes Data to the host's stdout (FD 1) or stderr (FD 2).
// The host writes requests in the order they arrive and replies when the
// bytes are written.
type WriteRequest struct {
	FD   uint8
	Data []byte
}

func (*WriteRequest) Type() Type          { return TypeWrite }
func (m *WriteRequest) encode(e *encoder) { e.u8(m.FD); e.bytes(m.Data) }
func (m *WriteRequest) decode(d *decoder) { m.FD = d.u8(); m.Data = d.bytes() }

// ReadStdinRequest asks for up to Max bytes of stdin.
type ReadStdinRequest struct{ Max uint32 }

func (*ReadStdinRequest) Type() Type          { return TypeReadStdin }
func (m *ReadStdinRequest) encode(e *encoder) { e.u32(m.Max) }
func (m *ReadStdinRequest) decode(d *decoder) { m.Max = d.u32() }

// ReadStdinReply carries the bytes read; EOF says stdin has ended (Data
// may still hold the last bytes).
type ReadStdinReply struct {
	Data []byte
	EOF  bool
}

func (*ReadStdinReply) Type() Type          { return TypeReadStdin | Reply }
func (m *ReadStdinReply) encode(e *encoder) { e.bytes(m.Data); e.flag(m.EOF) }
func (m *ReadStdinReply) decode(d *decoder) { m.Data = d.bytes(); m.EOF = d.flag() }

// ExitRequest ends the program with Status. The host replies once every
// earlier write is done and then stops serving.
type ExitRequest struct{ Status int32 }

func (*ExitRequest) Type() Type          { return TypeExit }
func (m *ExitRequest) encode(e *encoder) { e.u32(uint32(m.Status)) }
func (m *ExitRequest) decode(d *decoder) { m.Status = int32(d.u32()) }

// ReadFileRequest asks for a file; the reply is a ReadFileReply.
type ReadFileRequest struct{ Path string }

func (*ReadFileRequest) Type() Type          { return TypeReadFile }
func (m *ReadFileRequest) encode(e *encoder) { e.str(m.Path) }
func (m *ReadFileRequest) decode(d *decoder) { m.Path = d.str() }

// WriteFileRequest creates or truncates Path (appends with Append) and
// writes Data. Perm is the permission bits for a new file.
type WriteFileRequest struct {
	Path   string
	Perm   uint32
	Append bool
	Data   []byte
}

func (*WriteFileRequest) Type() Type { return TypeWriteFile }
func (m *WriteFileRequest) encode(e *encoder) {
	e.str(m.Path)
	e.u32(m.Perm)
	e.flag(m.Append)
	e.bytes(m.Data)
}
func (m *WriteFileRequest) decode(d *decoder) {
	m.Path = d.str()
	m.Perm = d.u32()
	m.Append = d.flag()
	m.Data = d.bytes()
}

// StatRequest asks for a file's metadata, following a final symbolic link
// unless NoFollow (lstat).
type StatRequest struct {
	Path     string
	NoFollow bool
}

func (*StatRequest) Type() Type          { return TypeStat }
func (m *StatRequest) encode(e *encoder) { e.str(m.Path); e.flag(m.NoFollow) }
func (m *StatRequest) decode(d *decoder) { m.Path = d.str(); m.NoFollow = d.flag() }

// Stat is the metadata of a file, as Linux's struct stat: Mode holds the
// file type (S_IFMT bits) and permissions; times are Unix nanoseconds.
type Stat struct {
	Dev, Ino, Nlink, Rdev uint64
	Mode, Uid, Gid        uint32
	Size, Blksize, Blocks int64
	Atime, Mtime, Ctime   int64
}

func (s *Stat) encode(e *encoder) {
	e.u64(s.Dev)
	e.u64(s.Ino)
	e.u32(s.Mode)
	e.u64(s.Nlink)
	e.u32(s.Uid)
	e.u32(s.Gid)
	e.u64(s.Rdev)
	e.i64(s.Size)
	e.i64(s.Blksize)
	e.i64(s.Blocks)
	e.i64(s.Atime)
	e.i64(s.Mtime)
	e.i64(s.Ctime)
}

func (s *Stat) decode(d *decoder) {
	s.Dev = d.u64()
	s.Ino = d.u64()
	s.Mode = d.u32()
	s.Nlink = d.u64()
	s.Uid = d.u32()
	s.Gid = d.u32()
	s.Rdev = d.u64()
	s.Size = d.i64()
	s.Blksize = d.i64()
	s.Blocks = d.i64()
	s.Atime = d.i64()
	s.Mtime = d.i64()
	s.Ctime = d.i64()
}

// StatReply answers Stat and FStat requests.
type StatReply struct {
	Of   Type // TypeStat or TypeFStat; not on the wire
	Stat Stat
}

func (m *StatReply) Type() Type        { return m.Of | Reply }
func (m *StatReply) encode(e *encoder) { m.Stat.encode(e) }
func (m *StatReply) decode(d *decoder) { m.Stat.decode(d) }

// ReadDirRequest asks for a directory's entries.
type ReadDirRequest struct{ Path string }

func (*ReadDirRequest) Type() Type          { return TypeReadDir }
func (m *ReadDirRequest) encode(e *encoder) { e.str(m.Path) }
func (m *ReadDirRequest) decode(d *decoder) { m.Path = d.str() }

// Dirent is one directory entry: its name and DT_* type.
type Dirent struct {
	Name string
	Type uint8
}

// ReadDirReply lists a directory's entries sorted by name, without "." and
// "..".
type ReadDirReply struct{ Entries []Dirent }

func (*ReadDirReply) Type() Type { return TypeReadDir | Reply }
func (m *ReadDirReply) encode(e *encoder) {
	e.u32(uint32(len(m.Entries)))
	for _, ent := range m.Entries {
		e.u8(ent.Type)
		e.str(ent.Name)
	}
}
func (m *ReadDirReply) decode(d *decoder) {
	n := d.u32()
	// Each entry takes at least 5 bytes: check before allocating.
	if d.err == nil && uint64(n) > uint64(len(d.b))/5 {
		d.fail(fmt.Errorf("%w: %d entries in %d bytes", errShort, n, len(d.b)))
		return
	}
	m.Entries = make([]Dirent, 0, n)
	for i := uint32(0); i < n && d.err == nil; i++ {
		t := d.u8()
		m.Entries = append(m.Entries, Dirent{Type: t, Name: d.str()})
	}
}

// MkdirRequest creates a directory; All also creates missing parents and
// accepts an existing directory.
type MkdirRequest struct {
	Path string
	Perm uint32
	All  bool
}

func (*MkdirRequest) Type() Type          { return TypeMkdir }
func (m *MkdirRequest) encode(e *encoder) { e.str(m.Path); e.u32(m.Perm); e.flag(m.All) }
func (m *MkdirRequest) decode(d *decoder) { m.Path = d.str(); m.Perm = d.u32(); m.All = d.flag() }

// RemoveRequest removes Path as Kind says.
type RemoveRequest struct {
	Path string
	Kind RemoveKind
}

func (*RemoveRequest) Type() Type          { return TypeRemove }
func (m *RemoveRequest) encode(e *encoder) { e.str(m.Path); e.u8(uint8(m.Kind)) }
func (m *RemoveRequest) decode(d *decoder) {
	m.Path = d.str()
	m.Kind = RemoveKind(d.u8())
	if m.Kind > RemoveAll {
		d.fail(fmt.Errorf("remove kind %d out of range", m.Kind))
	}
}

// RenameRequest moves From to To, replacing To if it is a file.
type RenameRequest struct{ From, To string }

func (*RenameRequest) Type() Type          { return TypeRename }
func (m *RenameRequest) encode(e *encoder) { e.str(m.From); e.str(m.To) }
func (m *RenameRequest) decode(d *decoder) { m.From = d.str(); m.To = d.str() }

// OpenRequest opens a file. Flags are Linux open(2) flags (O_RDONLY,
// O_CREAT, O_APPEND, ...); Perm is the permission bits for a new file.
type OpenRequest struct {
	Path  string
	Flags uint32
	Perm  uint32
}

func (*OpenRequest) Type() Type          { return TypeOpen }
func (m *OpenRequest) encode(e *encoder) { e.str(m.Path); e.u32(m.Flags); e.u32(m.Perm) }
func (m *OpenRequest) decode(d *decoder) { m.Path = d.str(); m.Flags = d.u32(); m.Perm = d.u32() }

// OpenReply names the opened file by a host-chosen handle.
type OpenReply struct{ Handle uint32 }

func (*OpenReply) Type() Type          { return TypeOpen | Reply }
func (m *OpenReply) encode(e *encoder) { e.u32(m.Handle) }
func (m *OpenReply) decode(d *decoder) { m.Handle = d.u32() }

// FReadRequest reads up to Max bytes of an open file at Offset, or at its
// current position when Offset is -1. The reply is a DataReply; no data
// means end of file.
type FReadRequest struct {
	Handle uint32
	Offset int64
	Max    uint32
}

func (*FReadRequest) Type() Type          { return TypeFRead }
func (m *FReadRequest) encode(e *encoder) { e.u32(m.Handle); e.i64(m.Offset); e.u32(m.Max) }
func (m *FReadRequest) decode(d *decoder) { m.Handle = d.u32(); m.Offset = d.i64(); m.Max = d.u32() }

// FWriteRequest writes Data to an open file at Offset, or at its current
// position when Offset is -1.
type FWriteRequest struct {
	Handle uint32
	Offset int64
	Data   []byte
}

func (*FWriteRequest) Type() Type          { return TypeFWrite }
func (m *FWriteRequest) encode(e *encoder) { e.u32(m.Handle); e.i64(m.Offset); e.bytes(m.Data) }
func (m *FWriteRequest) decode(d *decoder) {
	m.Handle = d.u32()
	m.Offset = d.i64()
	m.Data = d.bytes()
}

// FWriteReply says how many bytes were written.
type FWriteReply struct{ N uint32 }

func (*FWriteReply) Type() Type          { return TypeFWrite | Reply }
func (m *FWriteReply) encode(e *encoder) { e.u32(m.N) }
func (m *FWriteReply) decode(d *decoder) { m.N = d.u32() }

// FStatRequest asks for an open file's metadata; the reply is a StatReply.
type FStatRequest struct{ Handle uint32 }

func (*FStatRequest) Type() Type          { return TypeFStat }
func (m *FStatRequest) encode(e *encoder) { e.u32(m.Handle) }
func (m *FStatRequest) decode(d *decoder) { m.Handle = d.u32() }

// CloseRequest closes an open file.
type CloseRequest struct{ Handle uint32 }

func (*CloseRequest) Type() Type          { return TypeClose }
func (m *CloseRequest) encode(e *encoder) { e.u32(m.Handle) }
func (m *CloseRequest) decode(d *decoder) { m.Handle = d.u32() }

// ReadFileReply answers ReadFile with the file's first ChunkSize bytes at
// most; More says the file goes on, and the guest reads the rest through
// a handle (Open, FRead), so no message carries more than a chunk of file.
type ReadFileReply struct {
	Data []byte
	More bool
}

func (*ReadFileReply) Type() Type          { return TypeReadFile | Reply }
func (m *ReadFileReply) encode(e *encoder) { e.bytes(m.Data); e.flag(m.More) }
func (m *ReadFileReply) decode(d *decoder) { m.Data = d.bytes(); m.More = d.flag() }

// DataReply answers FRead requests.
type DataReply struct {
	Of   Type // TypeFRead; not on the wire
	Data []byte
}

func (m *DataReply) Type() Type        { return m.Of | Reply }
func (m *DataReply) encode(e *encoder) { e.bytes(m.Data) }
func (m *DataReply) decode(d *decoder) { m.Data = d.bytes() }

// Ack is the empty success reply of requests that return nothing.
type Ack struct{ Of Type }

func (m *Ack) Type() Type    { return m.Of | Reply }
func (*Ack) encode(*encoder) {}
func (*Ack) decode(*decoder) {}

// ErrorReply is the failure reply of any request: a Linux errno and, for
// protocol-level failures, a detail message (empty for ordinary errors
// such as ENOENT).
type ErrorReply struct {
	Errno  uint32
	Detail string
}

func (*ErrorReply) Type() Type          { return TypeError }
func (m *ErrorReply) encode(e *encoder) { e.u32(m.Errno); e.str(m.Detail) }
func (m *ErrorReply) decode(d *decoder) { m.Errno = d.u32(); m.Detail = d.str() }

package messenger

// Metadata and link messages (protocol version 2).

// newMoreMessage returns a zero message of type t among those in this
// file, or nil.
func newMoreMessage(t Type) Message {
	switch t {
	case TypeTruncate:
		return &TruncateRequest{}
	case TypeChmod:
		return &ChmodRequest{}
	case TypeUtimes:
		return &UtimesRequest{}
	case TypeSymlink:
		return &SymlinkRequest{}
	case TypeReadlink:
		return &ReadlinkRequest{}
	case TypeReadlink | Reply:
		return &ReadlinkReply{}
	case TypeTruncate | Reply, TypeChmod | Reply, TypeUtimes | Reply, TypeSymlink | Reply:
		return &Ack{Of: t &^ Reply}
	}
	return nil
}

// TruncateRequest sets a file's size, as truncate(2).
type TruncateRequest struct {
	Path string
	Size int64
}

func (*TruncateRequest) Type() Type          { return TypeTruncate }
func (m *TruncateRequest) encode(e *encoder) { e.str(m.Path); e.i64(m.Size) }
func (m *TruncateRequest) decode(d *decoder) { m.Path = d.str(); m.Size = d.i64() }

// ChmodRequest sets a file's permission bits (following symbolic links).
type ChmodRequest struct {
	Path string
	Perm uint32 // st_mode permission bits (0o7777)
}

func (*ChmodRequest) Type() Type          { return TypeChmod }
func (m *ChmodRequest) encode(e *encoder) { e.str(m.Path); e.u32(m.Perm) }
func (m *ChmodRequest) decode(d *decoder) { m.Path = d.str(); m.Perm = d.u32() }

// UtimesRequest sets a file's access and modification times, in Unix
// nanoseconds (following symbolic links).
type UtimesRequest struct {
	Path         string
	Atime, Mtime int64
}

func (*UtimesRequest) Type() Type { return TypeUtimes }
func (m *UtimesRequest) encode(e *encoder) {
	e.str(m.Path)
	e.i64(m.Atime)
	e.i64(m.Mtime)
}
func (m *UtimesRequest) decode(d *decoder) {
	m.Path = d.str()
	m.Atime = d.i64()
	m.Mtime = d.i64()
}

// SymlinkRequest creates the symbolic link Path holding Target.
type SymlinkRequest struct{ Target, Path string }

func (*SymlinkRequest) Type() Type          { return TypeSymlink }
func (m *SymlinkRequest) encode(e *encoder) { e.str(m.Target); e.str(m.Path) }
func (m *SymlinkRequest) decode(d *decoder) { m.Target = d.str(); m.Path = d.str() }

// ReadlinkRequest asks for a symbolic link's target.
type ReadlinkRequest struct{ Path string }

func (*ReadlinkRequest) Type() Type          { return TypeReadlink }
func (m *ReadlinkRequest) encode(e *encoder) { e.str(m.Path) }
func (m *ReadlinkRequest) decode(d *decoder) { m.Path = d.str() }

// ReadlinkReply carries a symbolic link's target.
type ReadlinkReply struct{ Target string }

func (*ReadlinkReply) Type() Type          { return TypeReadlink | Reply }
func (m *ReadlinkReply) encode(e *encoder) { e.str(m.Target) }
func (m *ReadlinkReply) decode(d *decoder) { m.Target = d.str() }

package messenger

import "fmt"

// Type is a message type, the u16 at offset 4 of every frame header.
// Requests go from guest to host; each reply has its request's type with the
// Reply bit set, or is TypeError.
type Type uint16

// Message types. The numbers are the wire format: never renumber them
// without bumping Version.
const (
	TypeHello     Type = 0x0001
	TypeArgs      Type = 0x0002
	TypeWrite     Type = 0x0003 // write to stdout or stderr
	TypeReadStdin Type = 0x0004
	TypeExit      Type = 0x0005

	TypeReadFile  Type = 0x0010
	TypeWriteFile Type = 0x0011
	TypeStat      Type = 0x0012
	TypeReadDir   Type = 0x0013
	TypeMkdir     Type = 0x0014
	TypeRemove    Type = 0x0015
	TypeRename    Type = 0x0016
	TypeTruncate  Type = 0x0017
	TypeChmod     Type = 0x0018
	TypeUtimes    Type = 0x0019
	TypeSymlink   Type = 0x001a
	TypeReadlink  Type = 0x001b

	TypeOpen   Type = 0x0020
	TypeFRead  Type = 0x0021
	TypeFWrite Type = 0x0022
	TypeFStat  Type = 0x0023
	TypeClose  Type = 0x0024

	// Reply is or-ed into a request's type to form its success reply.
	Reply Type = 0x8000
	// TypeError is the failure reply to any request.
	TypeError Type = 0xffff
)

var typeNames = map[Type]string{
	TypeHello:     "Hello",
	TypeArgs:      "Args",
	TypeWrite:     "Write",
	TypeReadStdin: "ReadStdin",
	TypeExit:      "Exit",
	TypeReadFile:  "ReadFile",
	TypeWriteFile: "WriteFile",
	TypeStat:      "Stat",
	TypeReadDir:   "ReadDir",
	TypeMkdir:     "Mkdir",
	TypeRemove:    "Remove",
	TypeRename:    "Rename",
	TypeTruncate:  "Truncate",
	TypeChmod:     "Chmod",
	TypeUtimes:    "Utimes",
	TypeSymlink:   "Symlink",
	TypeReadlink:  "Readlink",
	TypeOpen:      "Open",
	TypeFRead:     "FRead",
	TypeFWrite:    "FWrite",
	TypeFStat:     "FStat",
	TypeClose:     "Close",
}

// String names the type, e.g. "Stat" or "Stat reply"; unknown types print
// in hex.
func (t Type) String() string {
	if t == TypeError {
		return "Error reply"
	}
	if n, ok := typeNames[t&^Reply]; ok {
		if t&Reply != 0 {
			return n + " reply"
		}
		return n
	}
	return fmt.Sprintf("type %#04x", uint16(t))
}

// IsReply reports whether t is a reply (success or error).
func (t Type) IsReply() bool { return t&Reply != 0 }

// Handshake constants: the guest's first message is a Hello carrying Magic
// and Version; the host answers with its own. Any difference is fatal.
const (
	Magic   uint32 = 0x4e424245 // "EBBN" as little-endian bytes
	Version uint32 = 3          // 3: ArgsReply.CPUProfile
)

// RemoveKind says which removal a Remove request asks for, so that the
// guest's unlink, rmdir and rm -r keep their distinct errors.
type RemoveKind uint8

const (
	RemoveAny  RemoveKind = 0 // a file or an empty directory (os.Remove)
	RemoveFile RemoveKind = 1 // not a directory (unlink: EISDIR on a directory)
	RemoveDir  RemoveKind = 2 // an empty directory (rmdir: ENOTDIR otherwise)
	RemoveAll  RemoveKind = 3 // a file or a whole tree; absent is success
)

// Directory entry types in ReadDir replies: Linux's DT_* values.
const (
	DTUnknown uint8 = 0
	DTFifo    uint8 = 1
	DTChr     uint8 = 2
	DTDir     uint8 = 4
	DTBlk     uint8 = 6
	DTReg     uint8 = 8
	DTLnk     uint8 = 10
	DTSock    uint8 = 12
)

// StdoutFD and StderrFD are the fds a Write request may name.
const (
	StdoutFD uint8 = 1
	StderrFD uint8 = 2
)

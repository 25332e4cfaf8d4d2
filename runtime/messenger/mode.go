package messenger

import (
	"io/fs"
	"time"
)

// Linux st_mode bits. The wire carries Linux's numbers whatever the host's
// GOOS, so they are spelled out here rather than taken from syscall.
const (
	sIFMT   = 0o170000
	sIFSOCK = 0o140000
	sIFLNK  = 0o120000
	sIFREG  = 0o100000
	sIFBLK  = 0o060000
	sIFDIR  = 0o040000
	sIFCHR  = 0o020000
	sIFIFO  = 0o010000
	sISUID  = 0o4000
	sISGID  = 0o2000
	sISVTX  = 0o1000
)

// PermBits converts the permission part of a FileMode (rwx bits, setuid,
// setgid, sticky) to st_mode bits for the wire.
func PermBits(m fs.FileMode) uint32 {
	b := uint32(m.Perm())
	if m&fs.ModeSetuid != 0 {
		b |= sISUID
	}
	if m&fs.ModeSetgid != 0 {
		b |= sISGID
	}
	if m&fs.ModeSticky != 0 {
		b |= sISVTX
	}
	return b
}

// FileMode converts a Linux st_mode to a FileMode.
func FileMode(st uint32) fs.FileMode {
	m := fs.FileMode(st & 0o777)
	if st&sISUID != 0 {
		m |= fs.ModeSetuid
	}
	if st&sISGID != 0 {
		m |= fs.ModeSetgid
	}
	if st&sISVTX != 0 {
		m |= fs.ModeSticky
	}
	switch st & sIFMT {
	case sIFDIR:
		m |= fs.ModeDir
	case sIFLNK:
		m |= fs.ModeSymlink
	case sIFIFO:
		m |= fs.ModeNamedPipe
	case sIFSOCK:
		m |= fs.ModeSocket
	case sIFCHR:
		m |= fs.ModeDevice | fs.ModeCharDevice
	case sIFBLK:
		m |= fs.ModeDevice
	case sIFREG:
	default:
		m |= fs.ModeIrregular
	}
	return m
}

// ModeBits converts a FileMode's type and permissions to st_mode bits.
func ModeBits(m fs.FileMode) uint32 {
	b := PermBits(m)
	switch {
	case m&fs.ModeDir != 0:
		b |= sIFDIR
	case m&fs.ModeSymlink != 0:
		b |= sIFLNK
	case m&fs.ModeNamedPipe != 0:
		b |= sIFIFO
	case m&fs.ModeSocket != 0:
		b |= sIFSOCK
	case m&fs.ModeCharDevice != 0:
		b |= sIFCHR
	case m&fs.ModeDevice != 0:
		b |= sIFBLK
	default:
		b |= sIFREG
	}
	return b
}

// DirentMode converts a DT_* type to FileMode type bits.
func DirentMode(dt uint8) fs.FileMode {
	switch dt {
	case DTDir:
		return fs.ModeDir
	case DTLnk:
		return fs.ModeSymlink
	case DTFifo:
		return fs.ModeNamedPipe
	case DTSock:
		return fs.ModeSocket
	case DTChr:
		return fs.ModeDevice | fs.ModeCharDevice
	case DTBlk:
		return fs.ModeDevice
	case DTReg:
		return 0
	}
	return fs.ModeIrregular
}

// DirentType converts FileMode type bits to a DT_* type.
func DirentType(m fs.FileMode) uint8 {
	switch {
	case m&fs.ModeDir != 0:
		return DTDir
	case m&fs.ModeSymlink != 0:
		return DTLnk
	case m&fs.ModeNamedPipe != 0:
		return DTFifo
	case m&fs.ModeSocket != 0:
		return DTSock
	case m&fs.ModeCharDevice != 0:
		return DTChr
	case m&fs.ModeDevice != 0:
		return DTBlk
	case m.IsRegular():
		return DTReg
	}
	return DTUnknown
}

// FileInfo is the fs.FileInfo of a Stat reply. On linux/amd64 Sys returns
// a *syscall.Stat_t (so callers that read inode numbers and times from it,
// like jsrt's fs.Stats, see the host's values); elsewhere it returns *Stat.
type FileInfo struct {
	name string
	Stat Stat
}

func (fi *FileInfo) Name() string       { return fi.name }
func (fi *FileInfo) Size() int64        { return fi.Stat.Size }
func (fi *FileInfo) Mode() fs.FileMode  { return FileMode(fi.Stat.Mode) }
func (fi *FileInfo) ModTime() time.Time { return time.Unix(0, fi.Stat.Mtime) }
func (fi *FileInfo) IsDir() bool        { return fi.Stat.Mode&sIFMT == sIFDIR }
func (fi *FileInfo) Sys() any           { return fi.sys() }

// PermMode converts st_mode permission bits (rwx, setuid, setgid, sticky)
// from the wire to a FileMode; file-type bits are ignored.
func PermMode(b uint32) fs.FileMode {
	m := fs.FileMode(b & 0o777)
	if b&sISUID != 0 {
		m |= fs.ModeSetuid
	}
	if b&sISGID != 0 {
		m |= fs.ModeSetgid
	}
	if b&sISVTX != 0 {
		m |= fs.ModeSticky
	}
	return m
}

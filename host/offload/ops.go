package offload

import (
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"syscall"

	"github.com/ebbnode/ebbnode/runtime/messenger"
)

// fileOp serves one file request. Every path goes through the mount table,
// and every host access through the mount's os.Root, so neither ".." nor a
// symbolic link (final or intermediate) reaches outside a mount.
func (s *server) fileOp(m messenger.Message) (messenger.Message, error) {
	switch m := m.(type) {
	case *messenger.ReadFileRequest:
		return s.readFile(m)
	case *messenger.WriteFileRequest:
		return s.writeFile(m)
	case *messenger.StatRequest:
		return s.stat(m)
	case *messenger.ReadDirRequest:
		return s.readDir(m)
	case *messenger.MkdirRequest:
		return s.mkdir(m)
	case *messenger.RemoveRequest:
		return s.remove(m)
	case *messenger.RenameRequest:
		return s.rename(m)
	case *messenger.OpenRequest:
		return s.open(m)
	case *messenger.FReadRequest:
		return s.fread(m)
	case *messenger.FWriteRequest:
		return s.fwrite(m)
	case *messenger.FStatRequest:
		return s.fstat(m)
	case *messenger.CloseRequest:
		return s.closeFile(m)
	}
	if reply, ok, err := s.fileOpMore(m); ok {
		return reply, err
	}
	return nil, fmt.Errorf("offload: no handler for %v: %w", m.Type(), syscall.ENOSYS)
}

func ack(t messenger.Type) messenger.Message { return &messenger.Ack{Of: t} }

func (s *server) readFile(m *messenger.ReadFileRequest) (messenger.Message, error) {
	mt, rel, err := s.mounts.resolve(m.Path)
	if err != nil {
		return nil, err
	}
	f, err := mt.root.Open(rel)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if fi.IsDir() {
		return nil, syscall.EISDIR
	}
	// One chunk at most, whatever the file's size: the guest reads the
	// rest through a handle, so a reply never holds more than a chunk of
	// host memory. Stat sizes are only a hint (files in /proc report 0).
	buf := make([]byte, min(max(fi.Size(), 0), messenger.ChunkSize)+1)
	n, err := io.ReadFull(f, buf)
	switch {
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return &messenger.ReadFileReply{Data: buf[:n]}, nil
	case err != nil:
		return nil, err
	case n <= messenger.ChunkSize:
		// The file was larger than Stat said: look for more.
		return s.readMore(f, buf)
	}
	return &messenger.ReadFileReply{Data: buf[:messenger.ChunkSize], More: true}, nil
}

// readMore reads up to a chunk of a file that held more than its Stat size,
// buf being full.
func (s *server) readMore(f io.Reader, buf []byte) (messenger.Message, error) {
	full := make([]byte, messenger.ChunkSize+1)
	n := copy(full, buf)
	k, err := io.ReadFull(f, full[n:])
	n += k
	switch {
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return &messenger.ReadFileReply{Data: full[:n]}, nil
	case err != nil:
		return nil, err
	}
	return &messenger.ReadFileReply{Data: full[:messenger.ChunkSize], More: true}, nil
}

func (s *server) writeFile(m *messenger.WriteFileRequest) (messenger.Message, error) {
	mt, rel, err := s.mounts.resolveWrite(m.Path)
	if err != nil {
		return nil, err
	}
	flag := os.O_WRONLY | os.O_CREATE | os.O_TRUNC
	if m.Append {
		flag = os.O_WRONLY | os.O_CREATE | os.O_APPEND
	}
	f, err := openConfined(mt, rel, flag, messenger.PermMode(m.Perm))
	if err != nil {
		return nil, err
	}
	_, werr := f.Write(m.Data)
	cerr := f.Close()
	if werr != nil {
		return nil, werr
	}
	if cerr != nil {
		return nil, cerr
	}
	return ack(messenger.TypeWriteFile), nil
}

func (s *server) stat(m *messenger.StatRequest) (messenger.Message, error) {
	mt, rel, err := s.mounts.resolve(m.Path)
	if err != nil {
		return nil, err
	}
	var fi os.FileInfo
	if m.NoFollow {
		fi, err = mt.root.Lstat(rel)
	} else {
		fi, err = mt.root.Stat(rel)
	}
	if err != nil {
		return nil, err
	}
	return &messenger.StatReply{Of: messenger.TypeStat, Stat: statOf(fi)}, nil
}

func (s *server) readDir(m *messenger.ReadDirRequest) (messenger.Message, error) {
	mt, rel, err := s.mounts.resolve(m.Path)
	if err != nil {
		return nil, err
	}
	f, err := mt.root.Open(rel)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	ents, err := f.ReadDir(-1)
	if err != nil {
		return nil, err
	}
	sort.Slice(ents, func(i, j int) bool { return ents[i].Name() < ents[j].Name() })
	out := make([]messenger.Dirent, len(ents))
	for i, e := range ents {
		out[i] = messenger.Dirent{Name: e.Name(), Type: messenger.DirentType(e.Type())}
	}
	return &messenger.ReadDirReply{Entries: out}, nil
}

func (s *server) mkdir(m *messenger.MkdirRequest) (messenger.Message, error) {
	mt, rel, err := s.mounts.resolve(m.Path)
	if err != nil {
		return nil, err
	}
	if mt.ReadOnly {
		if err := readOnlyMkdir(mt, rel, m.All); err != nil {
			return nil, err
		}
		return ack(messenger.TypeMkdir), nil
	}
	perm := messenger.PermMode(m.Perm)
	if m.All {
		err = mt.root.MkdirAll(rel, perm)
	} else {
		err = mt.root.Mkdir(rel, perm)
	}
	if err != nil {
		return nil, err
	}
	return ack(messenger.TypeMkdir), nil
}

// readOnlyMkdir answers mkdir on a read-only mount as Linux does: an
// existing name is EEXIST (recursively, an existing directory is no
// change: success), anything else EROFS.
func readOnlyMkdir(mt *openMount, rel string, all bool) error {
	if all {
		if fi, err := mt.root.Stat(rel); err == nil && fi.IsDir() {
			return nil
		}
		return syscall.EROFS
	}
	if _, err := mt.root.Lstat(strings.TrimSuffix(rel, "/")); err == nil {
		return syscall.EEXIST
	}
	return syscall.EROFS
}

// isMountRoot reports whether rel names the mount's own directory, which
// the guest may not remove or rename (as with a mount point: EBUSY).
func isMountRoot(rel string) bool { return rel == "." || rel == "./" }

func (s *server) remove(m *messenger.RemoveRequest) (messenger.Message, error) {
	mt, rel, err := s.mounts.resolveWrite(m.Path)
	if err != nil {
		return nil, err
	}
	if isMountRoot(rel) {
		return nil, syscall.EBUSY
	}
	switch m.Kind {
	case messenger.RemoveAll:
		err = mt.root.RemoveAll(rel)
	case messenger.RemoveFile, messenger.RemoveDir:
		// os.Root has no unlink- or rmdir-only call: check the type first.
		// A race with a concurrent change only changes which errno the
		// guest sees; the removal itself stays inside the root.
		fi, lerr := mt.root.Lstat(rel)
		switch {
		case lerr != nil:
			return nil, lerr
		case m.Kind == messenger.RemoveFile && fi.IsDir():
			return nil, syscall.EISDIR
		case m.Kind == messenger.RemoveDir && !fi.IsDir():
			return nil, syscall.ENOTDIR
		}
		err = mt.root.Remove(rel)
	default:
		err = mt.root.Remove(rel)
	}
	if err != nil {
		return nil, err
	}
	return ack(messenger.TypeRemove), nil
}

func (s *server) rename(m *messenger.RenameRequest) (messenger.Message, error) {
	from, relFrom, err := s.mounts.resolve(m.From)
	if err != nil {
		return nil, err
	}
	to, relTo, err := s.mounts.resolve(m.To)
	if err != nil {
		return nil, err
	}
	// rename(2) checks for two file systems before a read-only one.
	switch {
	case from != to:
		return nil, syscall.EXDEV
	case from.ReadOnly:
		return nil, syscall.EROFS
	case isMountRoot(relFrom) || isMountRoot(relTo):
		return nil, syscall.EBUSY
	}
	if err := renameIn(from.root, relFrom, relTo); err != nil {
		return nil, err
	}
	return ack(messenger.TypeRename), nil
}

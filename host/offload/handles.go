package offload

import (
	"errors"
	"io"
	"os"
	"strings"
	"sync"
	"syscall"

	"github.com/ebbnode/ebbnode/runtime/messenger"
)

// maxOpenFiles bounds the files one guest holds open (EMFILE beyond).
const maxOpenFiles = 1024

// openFlags are the open(2) flags a guest may pass; the rest are EINVAL.
const openFlags = syscall.O_ACCMODE | syscall.O_CREAT | syscall.O_EXCL | syscall.O_TRUNC |
	syscall.O_APPEND | syscall.O_SYNC | syscall.O_DSYNC | syscall.O_NOFOLLOW |
	syscall.O_DIRECTORY | syscall.O_NONBLOCK | syscall.O_CLOEXEC | syscall.O_NOCTTY

// openFile is a guest's open file.
type openFile struct {
	f      *os.File
	append bool // WriteAt is refused on O_APPEND files: writes go to the end
}

// handleTable maps handles to open files.
//
// Concurrency: safe for concurrent use.
type handleTable struct {
	mu   sync.Mutex
	m    map[uint32]*openFile // under mu
	next uint32               // under mu
}

func (t *handleTable) add(f *openFile) (uint32, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if len(t.m) >= maxOpenFiles {
		return 0, syscall.EMFILE
	}
	for {
		t.next++
		if _, used := t.m[t.next]; !used && t.next != 0 {
			break
		}
	}
	t.m[t.next] = f
	return t.next, nil
}

func (t *handleTable) get(h uint32) (*openFile, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if f := t.m[h]; f != nil {
		return f, nil
	}
	return nil, syscall.EBADF
}

func (t *handleTable) remove(h uint32) (*openFile, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	f := t.m[h]
	if f == nil {
		return nil, syscall.EBADF
	}
	delete(t.m, h)
	return f, nil
}

func (t *handleTable) closeAll() {
	t.mu.Lock()
	defer t.mu.Unlock()
	for h, f := range t.m {
		f.f.Close()
		delete(t.m, h)
	}
}

// openConfined opens rel in mount mt as open(2) would: creating through a
// trailing slash is EISDIR once the parent is found (os.Root would say
// ENOTDIR or ENOENT).
func openConfined(mt *openMount, rel string, flags int, perm os.FileMode) (*os.File, error) {
	if flags&os.O_CREATE != 0 && strings.HasSuffix(rel, "/") {
		dir, _ := splitRel(rel)
		fi, err := mt.root.Stat(dir)
		switch {
		case err != nil:
			return nil, err
		case !fi.IsDir():
			return nil, syscall.ENOTDIR
		}
		return nil, syscall.EISDIR
	}
	return mt.root.OpenFile(rel, flags, perm)
}

func (s *server) open(m *messenger.OpenRequest) (messenger.Message, error) {
	flags := int(m.Flags)
	if flags&^openFlags != 0 {
		return nil, syscall.EINVAL
	}
	writes := flags&syscall.O_ACCMODE != syscall.O_RDONLY || flags&(syscall.O_CREAT|syscall.O_TRUNC) != 0
	resolve := s.mounts.resolve
	if writes {
		resolve = s.mounts.resolveWrite
	}
	mt, rel, err := resolve(m.Path)
	if err != nil {
		return nil, err
	}
	f, err := openConfined(mt, rel, flags, messenger.PermMode(m.Perm))
	if err != nil {
		return nil, err
	}
	h, err := s.files.add(&openFile{f: f, append: flags&syscall.O_APPEND != 0})
	if err != nil {
		f.Close()
		return nil, err
	}
	return &messenger.OpenReply{Handle: h}, nil
}

func (s *server) fread(m *messenger.FReadRequest) (messenger.Message, error) {
	of, err := s.files.get(m.Handle)
	if err != nil {
		return nil, err
	}
	if m.Offset < -1 {
		return nil, syscall.EINVAL
	}
	buf := make([]byte, min(m.Max, messenger.ChunkSize))
	var n int
	if m.Offset == -1 {
		n, err = of.f.Read(buf)
	} else {
		n, err = of.f.ReadAt(buf, m.Offset)
	}
	if err != nil && !errors.Is(err, io.EOF) {
		return nil, err
	}
	return &messenger.DataReply{Of: messenger.TypeFRead, Data: buf[:n]}, nil
}

func (s *server) fwrite(m *messenger.FWriteRequest) (messenger.Message, error) {
	of, err := s.files.get(m.Handle)
	if err != nil {
		return nil, err
	}
	var n int
	switch {
	case m.Offset < -1:
		return nil, syscall.EINVAL
	case m.Offset == -1 || of.append:
		// On Linux pwrite to an O_APPEND file appends; os.File.WriteAt
		// refuses instead, so do what the guest's kernel would.
		n, err = of.f.Write(m.Data)
	default:
		n, err = of.f.WriteAt(m.Data, m.Offset)
	}
	if err != nil {
		return nil, err
	}
	return &messenger.FWriteReply{N: uint32(n)}, nil
}

func (s *server) fstat(m *messenger.FStatRequest) (messenger.Message, error) {
	of, err := s.files.get(m.Handle)
	if err != nil {
		return nil, err
	}
	fi, err := of.f.Stat()
	if err != nil {
		return nil, err
	}
	return &messenger.StatReply{Of: messenger.TypeFStat, Stat: statOf(fi)}, nil
}

func (s *server) closeFile(m *messenger.CloseRequest) (messenger.Message, error) {
	of, err := s.files.remove(m.Handle)
	if err != nil {
		return nil, err
	}
	if err := of.f.Close(); err != nil {
		return nil, err
	}
	return ack(messenger.TypeClose), nil
}

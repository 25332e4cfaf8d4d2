package messenger

import (
	"errors"
	"io"
	"io/fs"
	"path"
	"sync"
)

// File is a file opened on the host with Client.Open. It satisfies jsrt's
// File interface (io.Reader, io.Writer, io.ReaderAt, io.WriterAt,
// io.Closer and Stat).
//
// Concurrency: ReadAt, WriteAt and Stat may be called concurrently; Read
// and Write share the host file's position, as with *os.File.
type File struct {
	c      *Client
	name   string
	handle uint32

	mu     sync.Mutex
	closed bool // under mu
}

// Open opens a file on the host. flag takes os.O_* flags (Linux values on
// the wire); perm applies to a created file.
func (c *Client) Open(name string, flag int, perm fs.FileMode) (*File, error) {
	m, err := c.roundTrip(&OpenRequest{Path: name, Flags: uint32(flag), Perm: PermBits(perm)})
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	return &File{c: c, name: name, handle: m.(*OpenReply).Handle}, nil
}

// Name returns the name the file was opened with.
func (f *File) Name() string { return f.name }

func (f *File) checkOpen(op string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.closed {
		return &fs.PathError{Op: op, Path: f.name, Err: fs.ErrClosed}
	}
	return nil
}

// read reads one chunk at off (-1: the current position).
func (f *File) read(op string, p []byte, off int64) (int, error) {
	if err := f.checkOpen(op); err != nil {
		return 0, err
	}
	if len(p) == 0 {
		return 0, nil
	}
	m, err := f.c.roundTrip(&FReadRequest{Handle: f.handle, Offset: off, Max: uint32(min(len(p), ChunkSize))})
	if err != nil {
		return 0, &fs.PathError{Op: op, Path: f.name, Err: err}
	}
	data := m.(*DataReply).Data
	if len(data) > len(p) {
		return 0, &fs.PathError{Op: op, Path: f.name, Err: errors.New("messenger: host returned more bytes than asked")}
	}
	if len(data) == 0 {
		return 0, io.EOF
	}
	return copy(p, data), nil
}

// Read reads from the file's current position.
func (f *File) Read(p []byte) (int, error) { return f.read("read", p, -1) }

// ReadAt reads len(p) bytes at off, or fewer with io.EOF at the end.
func (f *File) ReadAt(p []byte, off int64) (int, error) {
	if off < 0 {
		return 0, &fs.PathError{Op: "readat", Path: f.name, Err: errors.New("negative offset")}
	}
	n := 0
	for n < len(p) {
		k, err := f.read("read", p[n:], off+int64(n))
		n += k
		if err != nil {
			return n, err
		}
	}
	return n, nil
}

// write writes p at off (-1: the current position), in chunks.
func (f *File) write(p []byte, off int64) (int, error) {
	if err := f.checkOpen("write"); err != nil {
		return 0, err
	}
	n := 0
	for {
		chunk := p[n:min(len(p), n+ChunkSize)]
		o := off
		if off >= 0 {
			o = off + int64(n)
		}
		m, err := f.c.roundTrip(&FWriteRequest{Handle: f.handle, Offset: o, Data: chunk})
		if err != nil {
			return n, &fs.PathError{Op: "write", Path: f.name, Err: err}
		}
		w := int(m.(*FWriteReply).N)
		if w > len(chunk) {
			return n, &fs.PathError{Op: "write", Path: f.name, Err: errors.New("messenger: host wrote more bytes than sent")}
		}
		n += w
		if w < len(chunk) {
			return n, &fs.PathError{Op: "write", Path: f.name, Err: io.ErrShortWrite}
		}
		if n == len(p) {
			return n, nil
		}
	}
}

// Write writes at the file's current position (the end with O_APPEND).
func (f *File) Write(p []byte) (int, error) { return f.write(p, -1) }

// WriteAt writes p at off.
func (f *File) WriteAt(p []byte, off int64) (int, error) {
	if off < 0 {
		return 0, &fs.PathError{Op: "writeat", Path: f.name, Err: errors.New("negative offset")}
	}
	return f.write(p, off)
}

// Stat returns the open file's metadata.
func (f *File) Stat() (fs.FileInfo, error) {
	if err := f.checkOpen("stat"); err != nil {
		return nil, err
	}
	m, err := f.c.roundTrip(&FStatRequest{Handle: f.handle})
	if err != nil {
		return nil, &fs.PathError{Op: "stat", Path: f.name, Err: err}
	}
	return &FileInfo{name: path.Base(f.name), Stat: m.(*StatReply).Stat}, nil
}

// Close closes the file on the host. A second Close returns fs.ErrClosed.
func (f *File) Close() error {
	f.mu.Lock()
	if f.closed {
		f.mu.Unlock()
		return &fs.PathError{Op: "close", Path: f.name, Err: fs.ErrClosed}
	}
	f.closed = true
	f.mu.Unlock()
	if _, err := f.c.roundTrip(&CloseRequest{Handle: f.handle}); err != nil {
		return &fs.PathError{Op: "close", Path: f.name, Err: err}
	}
	return nil
}

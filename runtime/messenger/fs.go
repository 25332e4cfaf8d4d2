package messenger

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"sort"
)

// The file operations mirror jsrt's FS interface (jsrt/modules/fs): names
// are absolute guest paths, and a failure is an *fs.PathError (or
// *os.LinkError for Rename) whose Err is the host's syscall.Errno, so
// callers map it exactly as they map errors from package os. When the
// stream itself failed, Err wraps ErrClosed instead.

// ReadFile returns the whole contents of the file. A file of up to
// ChunkSize bytes takes one request; the rest of a larger one is read
// through a handle, a chunk per request (see ReadFileReply).
func (c *Client) ReadFile(name string) ([]byte, error) {
	m, err := c.roundTrip(&ReadFileRequest{Path: name})
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	r := m.(*ReadFileReply)
	if !r.More {
		return r.Data, nil
	}
	return c.readRest(name, r.Data)
}

// readRest reads what follows head in the file through a handle.
func (c *Client) readRest(name string, head []byte) ([]byte, error) {
	f, err := c.Open(name, os.O_RDONLY, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data := head
	if fi, err := f.Stat(); err == nil && fi.Size() > int64(len(head)) {
		data = make([]byte, len(head), fi.Size()+1)
		copy(data, head)
	}
	for {
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
		n, err := f.ReadAt(data[len(data):cap(data)], int64(len(data)))
		data = data[:len(data)+n]
		if errors.Is(err, io.EOF) {
			return data, nil
		}
		if err != nil {
			return nil, err
		}
	}
}

// WriteFile creates or truncates the file, or appends to it with
// appendMode, and writes data. perm applies to a new file. Data of up to
// ChunkSize bytes takes one request; more is written through a handle, a
// chunk per request, so no message carries more than a chunk.
func (c *Client) WriteFile(name string, data []byte, appendMode bool, perm fs.FileMode) error {
	if len(data) > ChunkSize {
		return c.writeStreamed(name, data, appendMode, perm)
	}
	req := &WriteFileRequest{Path: name, Perm: PermBits(perm), Append: appendMode, Data: data}
	if _, err := c.roundTrip(req); err != nil {
		return &fs.PathError{Op: "open", Path: name, Err: err}
	}
	return nil
}

func (c *Client) writeStreamed(name string, data []byte, appendMode bool, perm fs.FileMode) error {
	flag := os.O_WRONLY | os.O_CREATE | os.O_TRUNC
	if appendMode {
		flag = os.O_WRONLY | os.O_CREATE | os.O_APPEND
	}
	f, err := c.Open(name, flag, perm)
	if err != nil {
		return err
	}
	_, werr := f.Write(data)
	cerr := f.Close()
	if werr != nil {
		return werr
	}
	return cerr
}

// Stat returns the file's metadata, following symbolic links.
func (c *Client) Stat(name string) (fs.FileInfo, error) { return c.stat("stat", name, false) }

// Lstat is Stat without following a final symbolic link.
func (c *Client) Lstat(name string) (fs.FileInfo, error) { return c.stat("lstat", name, true) }

func (c *Client) stat(op, name string, noFollow bool) (fs.FileInfo, error) {
	m, err := c.roundTrip(&StatRequest{Path: name, NoFollow: noFollow})
	if err != nil {
		return nil, &fs.PathError{Op: op, Path: name, Err: err}
	}
	return &FileInfo{name: path.Base(name), Stat: m.(*StatReply).Stat}, nil
}

// ReadDir returns the entries of a directory sorted by name.
func (c *Client) ReadDir(name string) ([]fs.DirEntry, error) {
	m, err := c.roundTrip(&ReadDirRequest{Path: name})
	if err != nil {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: err}
	}
	ents := m.(*ReadDirReply).Entries
	out := make([]fs.DirEntry, len(ents))
	for i, e := range ents {
		out[i] = &dirEntry{c: c, dir: name, Dirent: e}
	}
	// The host sends them sorted; sorting again costs little and keeps the
	// promise even for a host that does not.
	sort.Slice(out, func(i, j int) bool { return out[i].Name() < out[j].Name() })
	return out, nil
}

// Mkdir creates a directory; with all it also creates missing parents and
// succeeds if the directory exists.
func (c *Client) Mkdir(name string, all bool, perm fs.FileMode) error {
	if _, err := c.roundTrip(&MkdirRequest{Path: name, Perm: PermBits(perm), All: all}); err != nil {
		return &fs.PathError{Op: "mkdir", Path: name, Err: err}
	}
	return nil
}

// Remove removes a file or an empty directory, or with all a whole tree
// (succeeding when name does not exist), like os.Remove and os.RemoveAll.
func (c *Client) Remove(name string, all bool) error {
	if all {
		return c.remove("removeall", name, RemoveAll)
	}
	return c.remove("remove", name, RemoveAny)
}

// Unlink removes a file but not a directory (EISDIR), as unlink(2).
func (c *Client) Unlink(name string) error { return c.remove("unlink", name, RemoveFile) }

// Rmdir removes an empty directory, as rmdir(2).
func (c *Client) Rmdir(name string) error { return c.remove("rmdir", name, RemoveDir) }

func (c *Client) remove(op, name string, kind RemoveKind) error {
	if _, err := c.roundTrip(&RemoveRequest{Path: name, Kind: kind}); err != nil {
		return &fs.PathError{Op: op, Path: name, Err: err}
	}
	return nil
}

// Rename moves from to to, replacing to if it is a file.
func (c *Client) Rename(from, to string) error {
	if _, err := c.roundTrip(&RenameRequest{From: from, To: to}); err != nil {
		return &os.LinkError{Op: "rename", Old: from, New: to, Err: err}
	}
	return nil
}

// dirEntry is an fs.DirEntry from a ReadDir reply.
type dirEntry struct {
	c   *Client
	dir string
	Dirent
}

func (e *dirEntry) Name() string      { return e.Dirent.Name }
func (e *dirEntry) IsDir() bool       { return e.Dirent.Type == DTDir }
func (e *dirEntry) Type() fs.FileMode { return DirentMode(e.Dirent.Type) }
func (e *dirEntry) String() string    { return fs.FormatDirEntry(e) }

// Info asks the host for the entry's metadata (not following a symbolic
// link, as os.DirEntry does).
func (e *dirEntry) Info() (fs.FileInfo, error) {
	fi, err := e.c.Lstat(path.Join(e.dir, e.Dirent.Name))
	if err != nil {
		return nil, fmt.Errorf("messenger: dirent info: %w", err)
	}
	return fi, nil
}

package offload

import (
	"os"
	"path"
	"strings"
	"syscall"
	"time"

	"github.com/ebbnode/ebbnode/runtime/messenger"
)

// fileOpMore serves the metadata and link requests; ok is false for any
// other message.
func (s *server) fileOpMore(m messenger.Message) (reply messenger.Message, ok bool, err error) {
	switch m := m.(type) {
	case *messenger.TruncateRequest:
		reply, err = s.truncate(m)
	case *messenger.ChmodRequest:
		reply, err = s.chmod(m)
	case *messenger.UtimesRequest:
		reply, err = s.utimes(m)
	case *messenger.SymlinkRequest:
		reply, err = s.symlink(m)
	case *messenger.ReadlinkRequest:
		reply, err = s.readlink(m)
	default:
		return nil, false, nil
	}
	return reply, true, err
}

func (s *server) truncate(m *messenger.TruncateRequest) (messenger.Message, error) {
	if m.Size < 0 {
		return nil, syscall.EINVAL
	}
	mt, rel, err := s.mounts.resolveWrite(m.Path)
	if err != nil {
		return nil, err
	}
	// os.Root has no Truncate: open the file (confined) and truncate it.
	f, err := mt.root.OpenFile(rel, os.O_WRONLY, 0)
	if err != nil {
		return nil, err
	}
	terr := f.Truncate(m.Size)
	cerr := f.Close()
	if terr != nil {
		return nil, terr
	}
	if cerr != nil {
		return nil, cerr
	}
	return ack(messenger.TypeTruncate), nil
}

func (s *server) chmod(m *messenger.ChmodRequest) (messenger.Message, error) {
	mt, rel, err := s.mounts.resolveWrite(m.Path)
	if err != nil {
		return nil, err
	}
	if err := mt.root.Chmod(rel, messenger.PermMode(m.Perm)); err != nil {
		return nil, err
	}
	return ack(messenger.TypeChmod), nil
}

func (s *server) utimes(m *messenger.UtimesRequest) (messenger.Message, error) {
	mt, rel, err := s.mounts.resolveWrite(m.Path)
	if err != nil {
		return nil, err
	}
	if err := mt.root.Chtimes(rel, time.Unix(0, m.Atime), time.Unix(0, m.Mtime)); err != nil {
		return nil, err
	}
	return ack(messenger.TypeUtimes), nil
}

// symlink creates a link whose target stays inside the link's mount: a
// relative target must not climb out of it (lexically, from the link's
// directory), and an absolute guest target must lie in the same mount and
// is stored relative to the link, so the link means the same on the host.
// Anything else is EACCES, as for a path that escapes a grant.
func (s *server) symlink(m *messenger.SymlinkRequest) (messenger.Message, error) {
	mt, rel, err := s.mounts.resolveWrite(m.Path)
	if err != nil {
		return nil, err
	}
	if isMountRoot(rel) {
		return nil, syscall.EEXIST
	}
	target, err := s.linkTarget(mt, strings.TrimSuffix(rel, "/"), m.Target)
	if err != nil {
		return nil, err
	}
	if err := mt.root.Symlink(target, rel); err != nil {
		return nil, err
	}
	return ack(messenger.TypeSymlink), nil
}

// linkTarget checks target for a link at rel in mount mt and returns what
// to store.
func (s *server) linkTarget(mt *openMount, rel, target string) (string, error) {
	switch {
	case target == "":
		return "", syscall.ENOENT
	case strings.IndexByte(target, 0) >= 0:
		return "", syscall.EINVAL
	case strings.HasPrefix(target, "/"):
		tm, trel, err := s.mounts.resolve(target)
		if err != nil || tm != mt {
			return "", syscall.EACCES
		}
		return relativeTo(path.Dir(rel), path.Clean(trel)), nil
	}
	if j := path.Join(path.Dir(rel), target); j == ".." || strings.HasPrefix(j, "../") {
		return "", syscall.EACCES
	}
	return target, nil
}

// relativeTo returns the path of to (clean, relative to a mount's root)
// from directory from (likewise).
func relativeTo(from, to string) string {
	split := func(p string) []string {
		if p == "." {
			return nil
		}
		return strings.Split(p, "/")
	}
	f, t := split(from), split(to)
	for len(f) > 0 && len(t) > 0 && f[0] == t[0] {
		f, t = f[1:], t[1:]
	}
	parts := make([]string, 0, len(f)+len(t))
	for range f {
		parts = append(parts, "..")
	}
	parts = append(parts, t...)
	if len(parts) == 0 {
		return "."
	}
	return strings.Join(parts, "/")
}

func (s *server) readlink(m *messenger.ReadlinkRequest) (messenger.Message, error) {
	mt, rel, err := s.mounts.resolve(m.Path)
	if err != nil {
		return nil, err
	}
	target, err := mt.root.Readlink(rel)
	if err != nil {
		return nil, err
	}
	return &messenger.ReadlinkReply{Target: target}, nil
}

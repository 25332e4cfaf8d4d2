package offload

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
)

// Mount grants the guest one host directory: guest paths at or under Guest
// reach the files at or under Host, and nothing else on the host.
type Mount struct {
	Host     string // host directory
	Guest    string // absolute, clean guest path it appears at
	ReadOnly bool   // writes fail with EROFS
}

func (m Mount) String() string {
	s := m.Host + ":" + m.Guest
	if m.ReadOnly {
		s += ":ro"
	}
	return s
}

// ParseMount parses a --mount value, "HOST[:GUEST][:ro|:rw]". HOST is made
// absolute and must be an existing directory; GUEST, when given, must be
// absolute and defaults to HOST's absolute path, so that paths look the same
// inside and outside the image. Host paths containing ':' cannot be named.
func ParseMount(s string) (Mount, error) {
	parts := strings.Split(s, ":")
	var m Mount
	if n := len(parts); n > 1 {
		switch parts[n-1] {
		case "ro":
			m.ReadOnly = true
			parts = parts[:n-1]
		case "rw":
			parts = parts[:n-1]
		}
	}
	if len(parts) > 2 {
		return Mount{}, fmt.Errorf("mount %q: too many ':'-separated fields (want HOST[:GUEST][:ro])", s)
	}
	if parts[0] == "" {
		return Mount{}, fmt.Errorf("mount %q: empty host directory (want HOST[:GUEST][:ro])", s)
	}
	host, err := filepath.Abs(parts[0])
	if err != nil {
		return Mount{}, fmt.Errorf("mount %q: %w", s, err)
	}
	m.Host = host
	m.Guest = filepath.ToSlash(host)
	if len(parts) == 2 {
		g := parts[1]
		if !strings.HasPrefix(g, "/") {
			return Mount{}, fmt.Errorf("mount %q: guest path %q must be absolute (start with /)", s, g)
		}
		m.Guest = path.Clean(g)
	}
	fi, err := os.Stat(host)
	if err != nil {
		return Mount{}, fmt.Errorf("mount %q: host directory: %w", s, err)
	}
	if !fi.IsDir() {
		return Mount{}, fmt.Errorf("mount %q: host path %s is not a directory", s, host)
	}
	return m, nil
}

// DefaultMounts is the grant when the user names none: the current working
// directory, read-write, at its own path. Relative paths in a script resolve
// against process.cwd() under node, so they reach the same files under
// ebbnode; nothing above or beside the working directory is reachable.
func DefaultMounts() ([]Mount, error) {
	wd, err := os.Getwd()
	if err != nil {
		return nil, fmt.Errorf("default mount: %w", err)
	}
	return []Mount{{Host: wd, Guest: filepath.ToSlash(wd)}}, nil
}

// openMount is a Mount with its directory open as an os.Root, which
// refuses any path, "..", or symbolic link that leads outside it.
type openMount struct {
	Mount
	root *os.Root
}

// mountTable maps guest paths to mounts.
//
// Concurrency: read-only after openMounts, so safe for concurrent use.
type mountTable struct {
	mounts []*openMount // longest guest path first
}

// openMounts opens every mount's host directory.
func openMounts(ms []Mount) (*mountTable, error) {
	t := &mountTable{}
	seen := make(map[string]bool)
	for _, m := range ms {
		if !strings.HasPrefix(m.Guest, "/") || path.Clean(m.Guest) != m.Guest {
			t.close()
			return nil, fmt.Errorf("mount %v: guest path must be absolute and clean", m)
		}
		if seen[m.Guest] {
			t.close()
			return nil, fmt.Errorf("mount %v: guest path %s is mounted twice", m, m.Guest)
		}
		seen[m.Guest] = true
		r, err := os.OpenRoot(m.Host)
		if err != nil {
			t.close()
			return nil, fmt.Errorf("mount %v: %w", m, err)
		}
		t.mounts = append(t.mounts, &openMount{Mount: m, root: r})
	}
	sort.SliceStable(t.mounts, func(i, j int) bool { return len(t.mounts[i].Guest) > len(t.mounts[j].Guest) })
	return t, nil
}

func (t *mountTable) close() {
	for _, m := range t.mounts {
		m.root.Close()
	}
}

// resolve finds the mount holding guest path p and p's name relative to
// the mount's root. p must be absolute; it is cleaned lexically first (as
// node's path.resolve does), so "/a/../b" is "/b". A path under no mount
// does not exist for the guest: ENOENT, and so does the empty path. A trailing slash is kept so that
// "file/" still fails with ENOTDIR.
func (t *mountTable) resolve(p string) (*openMount, string, error) {
	if p == "" {
		return nil, "", syscall.ENOENT // as open("") is
	}
	if !strings.HasPrefix(p, "/") || strings.IndexByte(p, 0) >= 0 {
		return nil, "", syscall.EINVAL
	}
	clean := path.Clean(p)
	for _, m := range t.mounts {
		var rel string
		switch {
		case clean == m.Guest:
			rel = "."
		case m.Guest == "/":
			rel = clean[1:]
		case strings.HasPrefix(clean, m.Guest+"/"):
			rel = clean[len(m.Guest)+1:]
		default:
			continue
		}
		if strings.HasSuffix(p, "/") && rel != "." {
			rel += "/"
		}
		return m, rel, nil
	}
	return nil, "", syscall.ENOENT
}

// resolveWrite is resolve for an operation that changes the file system:
// read-only mounts refuse with EROFS.
func (t *mountTable) resolveWrite(p string) (*openMount, string, error) {
	m, rel, err := t.resolve(p)
	if err != nil {
		return nil, "", err
	}
	if m.ReadOnly {
		return nil, "", syscall.EROFS
	}
	return m, rel, nil
}

// splitRel splits a mount-relative path (clean but for a possible
// trailing slash, not ".") into its parent and final name; the trailing
// slash stays on the name so the kernel applies its rule for it.
func splitRel(rel string) (dir, name string) {
	trimmed := strings.TrimSuffix(rel, "/")
	dir, name = path.Split(trimmed)
	if dir == "" {
		dir = "."
	}
	if trimmed != rel {
		name += "/"
	}
	return dir, name
}

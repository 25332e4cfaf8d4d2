package launch

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
)

// runDirPrefix names run directories: ebbnode-run-<owner pid>-<random>.
const runDirPrefix = "ebbnode-run-"

// NewRunDir makes the private directory (mode 0700: nobody else can reach
// the socket or the image in it) for one run's files, in the system's
// temporary directory. The caller removes it when the run ends. Its name
// carries this process's id, so that NewRunDir can first remove the
// directories of earlier runs whose process is gone — killed with SIGKILL,
// which no handler sees.
func NewRunDir() (string, error) {
	SweepStale(os.TempDir())
	dir, err := os.MkdirTemp("", runDirPrefix+strconv.Itoa(os.Getpid())+"-")
	if err != nil {
		return "", fmt.Errorf("run directory: %w", err)
	}
	return dir, nil
}

// SweepStale removes from tmp the run directories of this user whose owner
// process no longer exists, and returns what it removed.
func SweepStale(tmp string) []string {
	ents, err := os.ReadDir(tmp)
	if err != nil {
		return nil
	}
	var removed []string
	for _, e := range ents {
		pid, ok := ownerPID(e.Name())
		if !ok || !e.IsDir() || alive(pid) {
			continue
		}
		path := filepath.Join(tmp, e.Name())
		var st syscall.Stat_t
		if syscall.Lstat(path, &st) != nil || int(st.Uid) != os.Getuid() {
			continue // another user's: not ours to judge
		}
		if os.RemoveAll(path) == nil {
			removed = append(removed, path)
		}
	}
	return removed
}

// ownerPID parses the pid out of a run directory's name.
func ownerPID(name string) (int, bool) {
	rest, ok := strings.CutPrefix(name, runDirPrefix)
	if !ok {
		return 0, false
	}
	num, _, ok := strings.Cut(rest, "-")
	pid, err := strconv.Atoi(num)
	return pid, ok && err == nil && pid > 0
}

// alive reports whether process pid exists (a pid reused since only keeps
// a stale directory a little longer).
func alive(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}

package launch

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// portHolder names the process holding a local proto ("tcp" or "udp")
// port: "pid N (command)", from the sockets in /proc/net and the
// descriptors in /proc/*/fd. It returns "" when the socket or its process
// is not visible (another user's, another network namespace's).
func portHolder(proto string, port int) string {
	inodes := map[string]bool{}
	for _, table := range []string{proto, proto + "6"} {
		for _, ino := range socketInodes("/proc/net/"+table, proto, port) {
			inodes[ino] = true
		}
	}
	if len(inodes) == 0 {
		return ""
	}
	procs, _ := filepath.Glob("/proc/[0-9]*")
	for _, p := range procs {
		fds, err := os.ReadDir(filepath.Join(p, "fd"))
		if err != nil {
			continue
		}
		for _, fd := range fds {
			link, err := os.Readlink(filepath.Join(p, "fd", fd.Name()))
			ino, ok := strings.CutPrefix(link, "socket:[")
			if err != nil || !ok || !inodes[strings.TrimSuffix(ino, "]")] {
				continue
			}
			comm, _ := os.ReadFile(filepath.Join(p, "comm"))
			return fmt.Sprintf("pid %s (%s)", filepath.Base(p), strings.TrimSpace(string(comm)))
		}
	}
	return ""
}

// socketInodes returns the inodes of the sockets in a /proc/net table
// bound to port: listening ones for TCP, all for UDP.
func socketInodes(path, proto string, port int) []string {
	f, err := os.Open(path)
	if err != nil {
		return nil
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	sc.Scan() // the header
	for sc.Scan() {
		// sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode
		fs := strings.Fields(sc.Text())
		if len(fs) < 10 {
			continue
		}
		_, hexPort, ok := strings.Cut(fs[1], ":")
		p, err := strconv.ParseUint(hexPort, 16, 16)
		if !ok || err != nil || int(p) != port {
			continue
		}
		const tcpListen = "0A"
		if proto == "tcp" && fs[3] != tcpListen {
			continue
		}
		out = append(out, fs[9])
	}
	return out
}

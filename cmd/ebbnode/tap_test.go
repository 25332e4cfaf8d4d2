package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"
)

// tapServer answers with the client's address, its own (the image's
// address the connection reached) and eth0's IPv4 address as
// os.networkInterfaces lists it, and closes on /quit.
const tapServer = `'use strict';
const http = require('http');
const os = require('os');
const server = http.createServer((req, res) => {
  const eth0 = os.networkInterfaces().eth0.filter((a) => a.family === 'IPv4').map((a) => a.cidr);
  res.end('you are ' + req.socket.remoteAddress + ', I am ' + req.socket.localAddress + ' on eth0 ' + eth0.join(' ') + '\n');
  if (req.url === '/quit') server.close();
});
server.keepAliveTimeout = 0;
server.listen(8080, '0.0.0.0', () => console.log('listening'));
`

// TestRunTap: `ebbnode run --net tap:IF --ip ADDR/BITS` in a network
// namespace this test creates (with the tap device and the host's
// address in it): the image takes the address given (its eth0 shows it),
// and a client inside
// the namespace reaches its JS server there. The namespace goes at the end.
func TestRunTap(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("a network namespace and a tap device need root (CI runs as root)")
	}
	bin, _ := nativeTools(t)
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"server.js": tapServer})
	ns := fmt.Sprintf("ebbnode-test-%d", os.Getpid())
	ip := func(args ...string) {
		t.Helper()
		if out, err := exec.Command("ip", args...).CombinedOutput(); err != nil {
			t.Fatalf("ip %s: %v: %s", strings.Join(args, " "), err, out)
		}
	}
	ip("netns", "add", ns)
	t.Cleanup(func() { exec.Command("ip", "netns", "del", ns).Run() })
	ip("-n", ns, "link", "set", "lo", "up")
	ip("-n", ns, "tuntap", "add", "dev", "ebbtap9", "mode", "tap")
	ip("-n", ns, "addr", "add", "10.0.9.1/24", "dev", "ebbtap9")
	ip("-n", ns, "link", "set", "ebbtap9", "up")

	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "ip", "netns", "exec", ns, bin, "run", "--timeout", "4m",
		"--net", "tap:ebbtap9", "--ip", "10.0.9.2/24", "server.js")
	cmd.Dir = dir
	cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + dir}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Wait()
	defer cmd.Process.Kill()
	if lines := bufio.NewScanner(stdout); !lines.Scan() || lines.Text() != "listening" {
		t.Fatalf("server did not start: %q, stderr %q", lines.Text(), stderr.String())
	}
	get := func(path string) string {
		out, err := exec.Command("ip", "netns", "exec", ns, "curl", "-sS", "-m", "60", "http://10.0.9.2:8080"+path).CombinedOutput()
		if err != nil {
			t.Fatalf("curl %s in the namespace: %v: %s (stderr %q)", path, err, out, stderr.String())
		}
		return string(out)
	}
	if got, want := get("/"), "you are 10.0.9.1, I am 10.0.9.2 on eth0 10.0.9.2/24\n"; got != want {
		t.Errorf("GET / = %q, want %q", got, want)
	}
	get("/quit")
	if err := cmd.Wait(); err != nil {
		t.Errorf("run: %v, stderr %q", err, stderr.String())
	}
}

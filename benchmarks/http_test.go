package benchmarks

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// nodeServer starts script under node on a free loopback port and waits
// until it answers.
func nodeServer(t *testing.T, script []byte) *httpServer {
	t.Helper()
	if _, err := exec.LookPath("node"); err != nil {
		t.Fatalf("node is needed for configuration a: %v", err)
	}
	path := filepath.Join(t.TempDir(), "server.js")
	if err := os.WriteFile(path, script, 0o644); err != nil {
		t.Fatal(err)
	}
	port, err := freeLoopbackPort()
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	t.Cleanup(cancel)
	srv, err := startProcess(ctx, port, "node", path, strconv.Itoa(port), "127.0.0.1")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(srv.stop)
	if err := srv.waitReady(ctx, 30*time.Second); err != nil {
		t.Fatal(err)
	}
	return srv
}

// TestHTTPLoadNode: a bounded open-loop load (200 requests) against the
// benchmark's server under node: every response is checked, all are 200
// with 148 bytes. A server answering one byte short counts every
// response as bad, so the check is not vacuous.
func TestHTTPLoadNode(t *testing.T) {
	l := Load{Rate: 400, Requests: 200, Duration: 20 * time.Second, Connections: 4}
	srv := nodeServer(t, HTTPServerScript)
	st, err := RunLoad(context.Background(), srv.url, l)
	if err != nil {
		t.Fatal(err)
	}
	if st.Requests != 200 || st.OK != 200 || st.Bad != 0 {
		t.Errorf("requests %d ok %d bad %d (first bad: %s); want 200 all OK", st.Requests, st.OK, st.Bad, st.FirstBad)
	}
	if st.P50Ms <= 0 || st.P99Ms < st.P50Ms || st.Throughput <= 0 {
		t.Errorf("implausible stats %+v", st)
	}

	short := bytes.Replace(HTTPServerScript, []byte("padEnd(147"), []byte("padEnd(146"), 1)
	if bytes.Equal(short, HTTPServerScript) {
		t.Fatal("server.js no longer pads with padEnd(147: update the test")
	}
	st, err = RunLoad(context.Background(), nodeServer(t, short).url, Load{Rate: 200, Requests: 20, Duration: 20 * time.Second, Connections: 2})
	if err != nil {
		t.Fatal(err)
	}
	if st.OK != 0 || st.Bad != 20 || !strings.Contains(st.FirstBad, "status 200, 147 bytes") {
		t.Errorf("147-byte server: ok %d bad %d first %q; want all 20 bad", st.OK, st.Bad, st.FirstBad)
	}
}

// TestHTTPUnavailable: a server that ends before answering (as `ebbnode
// exec` does while its runtime has no http module) makes its
// configuration unavailable, quoting what it printed.
func TestHTTPUnavailable(t *testing.T) {
	port, err := freeLoopbackPort()
	if err != nil {
		t.Fatal(err)
	}
	srv, err := startProcess(context.Background(), port, "sh", "-c", `printf "x.js:1\nrequire('http')\n\nError: Cannot find module 'http'\n  at x.js:1\n" >&2; exit 1`)
	if err != nil {
		t.Fatal(err)
	}
	defer srv.stop()
	err = srv.waitReady(context.Background(), 30*time.Second)
	if !isUnavailable(err) || !strings.HasSuffix(err.Error(), ": Error: Cannot find module 'http'") {
		t.Errorf("waitReady = %v, want unavailable quoting the error", err)
	}
}

func TestRunLoadLoopbackOnly(t *testing.T) {
	for _, u := range []string{"http://10.0.2.15:8080/", "http://example.com/", "https://127.0.0.1/"} {
		if _, err := RunLoad(context.Background(), u, Load{Rate: 1, Requests: 1}); err == nil || !strings.Contains(err.Error(), "loopback") {
			t.Errorf("RunLoad(%s) = %v, want refused", u, err)
		}
	}
}

// TestRunHTTPHost runs a short session on configuration a (node) and b
// on an "ebbnode" whose runtime lacks http (a stand-in that ends at once
// with node's error): a is measured at saturation and at a fixed rate
// below it, b is recorded as unavailable with its reason, and the table,
// JSON and chart are written.
func TestRunHTTPHost(t *testing.T) {
	var log bytes.Buffer
	fake := filepath.Join(t.TempDir(), "ebbnode")
	script := "#!/bin/sh\necho \"Error: Cannot find module 'http'\" >&2\nexit 1\n"
	if err := os.WriteFile(fake, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	res, err := RunHTTP(context.Background(), HTTPOptions{Quick: true, Configs: []string{"a", "b"}, Duration: time.Second, Connections: 4, Log: &log, Ebbnode: fake})
	if err != nil {
		t.Fatalf("RunHTTP: %v\n%s", err, log.String())
	}
	a, d := res.config("a"), res.config("b")
	if a == nil || a.Saturation == nil || a.Fixed == nil || a.Saturation.Bad+a.Fixed.Bad != 0 {
		t.Fatalf("a: %+v\n%s", a, log.String())
	}
	if res.Rate < 1 || float64(res.Rate) >= a.Saturation.Throughput || a.Fixed.Rate != res.Rate {
		t.Errorf("fixed rate %d (a's ran at %d), saturation %.0f: want below saturation", res.Rate, a.Fixed.Rate, a.Saturation.Throughput)
	}
	if d == nil || d.Available || !strings.Contains(d.Unavailable, "Cannot find module 'http'") {
		t.Errorf("b: %+v, want unavailable with a reason", d)
	}
	dir := t.TempDir()
	paths, err := SaveHTTP(res, dir, "http-test")
	if err != nil || len(paths) != 3 {
		t.Fatalf("SaveHTTP = %v, %v", paths, err)
	}
	table, _ := os.ReadFile(filepath.Join(dir, "http-test.txt"))
	for _, want := range []string{"a node", "b ebbnode exec", "b (ebbnode exec): not available: ", "Cannot find module 'http'", "c/d"} {
		if !strings.Contains(string(table), want) {
			t.Errorf("table lacks %q:\n%s", want, table)
		}
	}
}

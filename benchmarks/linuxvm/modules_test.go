package linuxvm

import (
	"archive/tar"
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCopyModules: the wanted modules come out of the package's
// /lib/modules tree by name, others and other trees stay; a module the
// package lacks is named.
func TestCopyModules(t *testing.T) {
	var b bytes.Buffer
	tw := tar.NewWriter(&b)
	for name, body := range map[string]string{
		"./lib/modules/6.1/kernel/drivers/net/virtio_net.ko":   "net",
		"./lib/modules/6.1/kernel/net/core/failover.ko":        "failover",
		"./lib/modules/6.1/kernel/drivers/block/virtio_blk.ko": "blk",
		"./usr/share/doc/virtio_ring.ko":                       "not a module",
	} {
		if err := tw.WriteHeader(&tar.Header{Name: name, Mode: 0o644, Size: int64(len(body)), Typeflag: tar.TypeReg}); err != nil {
			t.Fatal(err)
		}
		tw.Write([]byte(body))
	}
	tw.Close()
	dir := t.TempDir()
	want := map[string]string{"virtio_net": filepath.Join(dir, "virtio_net.ko"), "failover": filepath.Join(dir, "failover.ko")}
	if err := copyModules(tar.NewReader(bytes.NewReader(b.Bytes())), want); err != nil {
		t.Fatal(err)
	}
	for n, body := range map[string]string{"virtio_net": "net", "failover": "failover"} {
		if got, err := os.ReadFile(want[n]); err != nil || string(got) != body {
			t.Errorf("%s: %q, %v; want %q", n, got, err, body)
		}
	}
	err := copyModules(tar.NewReader(bytes.NewReader(b.Bytes())), map[string]string{"virtio_ring": filepath.Join(dir, "virtio_ring.ko")})
	if err == nil || !strings.Contains(err.Error(), "no module virtio_ring") {
		t.Errorf("missing module: %v", err)
	}
}

package benchmarks

import (
	"context"
	"fmt"
	"path/filepath"
	"strconv"

	"github.com/ebbnode/ebbnode/benchmarks/linuxvm"
	"github.com/ebbnode/ebbnode/host/image"
	"github.com/ebbnode/ebbnode/host/qemu"
	"github.com/ebbnode/ebbnode/netstack"
)

// The native rows besides c: cg is the Go server (http/goserver built with
// -tags ebbnode) linked with the kernel into a raw image, its listener on
// netstack's native backend; ct and cgt are c and cg on the tap rows'
// device, the guest given tapGuestAddr on the kernel command line
// (ebbnode.ip=, as `ebbnode run --ip` passes it).

// prepareGoNativeHTTP links the Go server into a raw image, once.
func prepareGoNativeHTTP(ctx context.Context, e *httpEnv) error {
	e.goImgOnce.Do(func() {
		root, err := linuxvm.ModuleRoot(".")
		if err != nil {
			e.goImgErr = fmt.Errorf("linking the Go server: %w", err)
			return
		}
		img := filepath.Join(e.work, "goserver.img")
		fmt.Fprintln(e.log, "cg: linking the Go server with the kernel (benchmarks/http/goserver, -tags ebbnode)")
		if err := image.Link(ctx, image.LinkOptions{Pkg: "./benchmarks/http/goserver", Out: img, Dir: root,
			Env: []string{"GOFLAGS=-tags=ebbnode"}}); err != nil {
			e.goImgErr = fmt.Errorf("linking the Go server: %w", err)
			return
		}
		e.goImage = img
	})
	return e.goImgErr
}

func startGoNativeHTTP(ctx context.Context, e *httpEnv) (*httpServer, error) {
	port, err := freeLoopbackPort()
	if err != nil {
		return nil, err
	}
	vm := e.vm
	vm.Net = httpNet(port)
	return e.bootNative(ctx, loopbackURL(port), vm, e.goImage, false), nil
}

func prepareNativeTapHTTP(ctx context.Context, e *httpEnv) error {
	if err := e.prepareTap(ctx); err != nil {
		return err
	}
	if e.image != "" {
		return nil // c prepared it
	}
	return prepareNativeHTTP(ctx, e)
}

func prepareGoNativeTapHTTP(ctx context.Context, e *httpEnv) error {
	if err := e.prepareTap(ctx); err != nil {
		return err
	}
	return prepareGoNativeHTTP(ctx, e)
}

func startNativeTapHTTP(ctx context.Context, e *httpEnv) (*httpServer, error) {
	return e.startNativeTap(ctx, e.image, true)
}

func startGoNativeTapHTTP(ctx context.Context, e *httpEnv) (*httpServer, error) {
	return e.startNativeTap(ctx, e.goImage, false)
}

// startNativeTap boots image inside the namespace on its tap device, with
// the guest's address on the kernel command line; the server is reached
// at that address from inside the namespace.
func (e *httpEnv) startNativeTap(ctx context.Context, img string, app bool) (*httpServer, error) {
	ip, err := netstack.ParseIPConfig(tapGuestAddr)
	if err != nil {
		return nil, err
	}
	vm := e.vm
	vm.Net = qemu.Net{Mode: qemu.NetTap, Tap: tapName}
	vm.Netns = e.ns.name
	vm.Append = netstack.CmdlineKey + ip.String()
	s := e.bootNative(ctx, "http://"+tapGuestIP+":"+strconv.Itoa(HTTPGuestPort)+"/", vm, img, app)
	s.dial = e.ns.DialContext
	return s, nil
}

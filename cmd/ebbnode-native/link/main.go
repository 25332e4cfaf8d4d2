// Command link builds the prebuilt native runtime of ebbnode images: it
// links cmd/ebbnode-native with the kernel into a PVH image (host/image
// Link), which `ebbnode build` attaches app bundles to without a Go
// compiler. `make` runs it:
//
//	go run ./cmd/ebbnode-native/link -o bin/ebbnode-native.elf
//
// The runtime is linked without DWARF (host/image LinkOptions.DWARF);
// -dwarf keeps it for a gdb session with source lines.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"

	"github.com/ebbnode/ebbnode/host/image"
)

const pkg = "github.com/ebbnode/ebbnode/cmd/ebbnode-native"

func main() {
	out := flag.String("o", "bin/ebbnode-native.elf", "output image")
	dwarf := flag.Bool("dwarf", false, "keep DWARF (gdb's source view; about 3 MiB more in every app image)")
	flag.Parse()
	if flag.NArg() != 0 {
		fmt.Fprintln(os.Stderr, "usage: link [-o out.elf] [-dwarf]")
		os.Exit(2)
	}
	if err := image.Link(context.Background(), image.LinkOptions{Pkg: pkg, Out: *out, DWARF: *dwarf}); err != nil {
		fmt.Fprintf(os.Stderr, "link: %v\n", err)
		os.Exit(1)
	}
	if err := image.Check(*out); err != nil {
		fmt.Fprintf(os.Stderr, "link: %v\n", err)
		os.Exit(1)
	}
}

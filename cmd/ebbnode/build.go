package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/ebbnode/ebbnode/host/image"
	"github.com/ebbnode/ebbnode/host/launch"
)

type buildOptions struct {
	out      string
	includes []string
}

func init() {
	var o buildOptions
	cmd := &cobra.Command{
		Use:   "build [flags] app.js",
		Short: "Build a script and the modules it requires into one bootable image",
		Long: `build turns a script (CommonJS, ES module or TypeScript) into one bootable
x86_64 image: the prebuilt
native runtime (kernel, libc, Ebb runtime and jsrt, made by "make" as
bin/` + image.RuntimeName + `) with an app bundle attached: the script, every local
module and node_modules package it requires or imports (found by static
analysis of require('literal'), import and import('literal')), and whatever
--include names. ES modules, TypeScript and syntax goja lacks (for await,
async generators) are stored already transformed to CommonJS by esbuild,
so the image needs no compiler. No Go compiler is
needed. The image boots with "ebbnode run app.img", and plain
"qemu-system-x86_64 -kernel app.img" loads it too.

The runtime is found through $` + image.RuntimeEnv + `, else next to the ebbnode
executable. The image records a SHA-256 digest over every loaded segment
(the runtime and the bundle), which "ebbnode run" checks before booting. It
is written to a temporary file and renamed, so a failed build leaves no
image behind.

Requires whose argument is not a string literal cannot be followed: build
warns about them, and --include adds the files they load (a file, or a
directory tree).`,
		Example: `  ebbnode build examples/hello.js            # writes hello.img
  ebbnode build -o app.img --include templates src/app.js`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			out := o.out
			if out == "" {
				out = strings.TrimSuffix(filepath.Base(args[0]), filepath.Ext(args[0])) + ".img"
			}
			if err := buildImage(args[0], out, o.includes, cmd.ErrOrStderr()); err != nil {
				fmt.Fprintf(cmd.ErrOrStderr(), "ebbnode: %v\n", err)
				return exitError{1}
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVarP(&o.out, "output", "o", "", "image to write (default: the script's name with .img, in the current directory)")
	f.StringArrayVar(&o.includes, "include", nil, "also bundle this file or directory tree (repeatable)")
	rootCmd.AddCommand(cmd)
}

// buildImage bundles entry and writes the image to out. Warnings go to
// stderr; the error, if any, is one line.
func buildImage(entry, out string, includes []string, stderr io.Writer) error {
	if err := checkScript(entry); err != nil {
		return err
	}
	rt, err := findRuntime(stderr)
	if err != nil {
		return err
	}
	warnings, err := launch.BuildApp(rt, entry, includes, out)
	for _, w := range warnings {
		fmt.Fprintf(stderr, "ebbnode: warning: %v\n", w)
	}
	return err
}

// checkScript refuses what cannot be an entry script before analysis
// starts, so the error names the real problem.
func checkScript(entry string) error {
	fi, err := os.Stat(entry)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return fmt.Errorf("%s: no such file", entry)
	case err != nil:
		return err
	case fi.IsDir():
		return fmt.Errorf("%s: is a directory, not a JavaScript file", entry)
	case !fi.Mode().IsRegular():
		return fmt.Errorf("%s: not a regular file", entry)
	}
	switch filepath.Ext(entry) {
	case ".js", ".cjs", ".mjs", ".ts", ".mts", ".cts":
		return nil
	}
	return fmt.Errorf("%s: not a JavaScript file (want a .js, .cjs, .mjs, .ts, .mts or .cts script)", entry)
}

// findRuntime returns the prebuilt native runtime image for this
// executable (image.FindRuntime); with none beside it (a `go install`ed
// CLI) the one linked into the user cache (image.LinkCached), which the
// first build links, saying so on log.
func findRuntime(log io.Writer) (string, error) {
	exe, err := os.Executable()
	if err != nil {
		exe = ""
	}
	p, err := image.FindRuntime(exe)
	if err == nil || exe == "" || os.Getenv(image.RuntimeEnv) != "" {
		return p, err
	}
	return image.LinkCached(context.Background(), exe, log)
}

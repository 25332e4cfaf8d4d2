package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/ebbnode/ebbnode/host/image"
	"github.com/ebbnode/ebbnode/jsrt/bundle"
)

// runtimeEnv names the prebuilt native runtime image explicitly.
const runtimeEnv = "EBBNODE_RUNTIME"

// runtimeName is the native runtime's file name next to the ebbnode
// executable (make puts both in bin/).
const runtimeName = "ebbnode-native.elf"

type buildOptions struct {
	out      string
	includes []string
}

func init() {
	var o buildOptions
	cmd := &cobra.Command{
		Use:   "build [flags] app.js",
		Short: "Build a script and the modules it requires into one bootable image",
		Long: `build turns a CommonJS script into one bootable x86_64 image: the prebuilt
native runtime (kernel, libc, Ebb runtime and jsrt, made by "make" as
bin/` + runtimeName + `) with an app bundle attached: the script, every local
module and node_modules package it requires (found by static analysis of
require('literal') calls), and whatever --include names. No Go compiler is
needed. The image boots with "ebbnode run app.img", and plain
"qemu-system-x86_64 -kernel app.img" loads it too.

The runtime is found through $` + runtimeEnv + `, else next to the ebbnode
executable. The image is written to a temporary file and renamed, so a
failed build leaves no image behind.

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
	rt, err := findRuntime()
	if err != nil {
		return err
	}
	b, err := bundle.Collect(entry, includes)
	if err != nil {
		return err // a *bundle.SourceError reads "file:line: message"
	}
	for _, w := range b.Warnings {
		fmt.Fprintf(stderr, "ebbnode: warning: %v\n", w)
	}
	var buf bytes.Buffer
	if err := b.Write(&buf); err != nil {
		return fmt.Errorf("bundle: %w", err)
	}
	return image.WriteWithPayload(rt, out, buf.Bytes())
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
	}
	switch filepath.Ext(entry) {
	case ".js", ".cjs":
		return nil
	case ".mjs":
		return fmt.Errorf("%s: ES modules (.mjs) are not supported; ebbnode runs CommonJS scripts", entry)
	}
	return fmt.Errorf("%s: not a JavaScript file (want a .js or .cjs script)", entry)
}

// findRuntime returns the prebuilt native runtime image: $EBBNODE_RUNTIME,
// else ebbnode-native.elf beside the running executable.
func findRuntime() (string, error) {
	if p := os.Getenv(runtimeEnv); p != "" {
		if _, err := os.Stat(p); err != nil {
			return "", fmt.Errorf("native runtime $%s: %w", runtimeEnv, err)
		}
		return p, nil
	}
	exe, err := os.Executable()
	if err == nil {
		if exe, err = filepath.EvalSymlinks(exe); err == nil {
			p := filepath.Join(filepath.Dir(exe), runtimeName)
			if _, err := os.Stat(p); err == nil {
				return p, nil
			}
		}
	}
	return "", errors.New("native runtime not found: run 'make' (or set $" + runtimeEnv + ")")
}

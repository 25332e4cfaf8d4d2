package main

import (
	"fmt"
	"os"
	"runtime/pprof"

	"github.com/spf13/cobra"

	"github.com/ebbnode/ebbnode/jsrt"
	"github.com/ebbnode/ebbnode/jsrt/transform"
	"github.com/ebbnode/ebbnode/netstack"
	ebbrt "github.com/ebbnode/ebbnode/runtime"
	"github.com/ebbnode/ebbnode/runtime/vfs"
)

func init() {
	var cpuprofile string
	cmd := &cobra.Command{
		Use:   "exec [flags] script [args...]",
		Short: "Run a node-style script hosted, as an ordinary Linux process",
		Long: `exec runs a script the way "node script.js" would, on the Ebb runtime's
event loop in this process: process, console, timers, require (relative
files, node_modules, core modules) and fs on the host's files. ES modules
(.mjs, "type": "module"), TypeScript (.ts, .mts, .cts; types stripped) and
syntax goja lacks go through esbuild as they load (cached per process).
Arguments after the script are passed to it (process.argv[2:]); its exit
code is ebbnode's.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if cpuprofile != "" {
				// The engine's own profile (Go's runtime/pprof), e.g. for
				// the default.pgo files the build uses (benchmarks/README.md).
				f, err := os.Create(cpuprofile)
				if err != nil {
					return fmt.Errorf("--cpuprofile: %w", err)
				}
				if err := pprof.StartCPUProfile(f); err != nil {
					f.Close()
					return fmt.Errorf("--cpuprofile %s: %w", cpuprofile, err)
				}
				defer func() {
					pprof.StopCPUProfile()
					f.Close()
				}()
			}
			// Hosted, the system Ebbs are the file system alone (the
			// host's own); there is no Messenger to offload to.
			ebb := ebbrt.New(ebbrt.Config{Cores: 1})
			defer ebb.Stop()
			if err := vfs.Install(ebb, vfs.OSFS{}); err != nil {
				return err
			}
			if err := netstack.Install(ebb, netstack.Hosted()); err != nil {
				return err
			}
			code, err := jsrt.Run(jsrt.Options{
				Script:  args[0],
				Args:    args[1:],
				Env:     os.Environ(),
				Stdin:   os.Stdin,
				Stdout:  os.Stdout,
				Stderr:  os.Stderr,
				Runtime: ebb,
				// ES modules, TypeScript and syntax goja lacks, on esbuild.
				Transform: transform.File,
			})
			if err != nil {
				// As node: one line naming the script, exit status 1.
				fmt.Fprintf(os.Stderr, "Error: %v\n", err)
				return exitError{1}
			}
			if code != 0 {
				return exitError{code}
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&cpuprofile, "cpuprofile", "", "write a CPU profile of this process (Go's pprof format) to `FILE`")
	cmd.Flags().SetInterspersed(false)
	rootCmd.AddCommand(cmd)
}

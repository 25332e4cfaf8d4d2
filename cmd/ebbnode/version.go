package main

import (
	"fmt"
	"runtime"
	"runtime/debug"

	"github.com/spf13/cobra"
)

// version is set at link time by the Makefile (-X main.version=...).
var version = "dev"

func init() {
	rootCmd.AddCommand(&cobra.Command{
		Use:   "version",
		Short: "Print the ebbnode version and the Go toolchain it was built with",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			goja := "unknown"
			if bi, ok := debug.ReadBuildInfo(); ok {
				for _, d := range bi.Deps {
					if d.Path == "github.com/dop251/goja" {
						goja = d.Version
					}
				}
			}
			fmt.Fprintf(cmd.OutOrStdout(), "ebbnode %s (%s, %s/%s, goja %s)\n",
				version, runtime.Version(), runtime.GOOS, runtime.GOARCH, goja)
			return nil
		},
	})
}

// Command ebbnode builds node-style JavaScript apps into bootable EbbRT-style
// library-OS images, boots them under QEMU while serving their offloaded I/O,
// and runs the same runtime hosted as an ordinary Linux process.
//
// Each subcommand lives in its own file and registers itself with rootCmd
// from an init function.
package main

import (
	"errors"
	"fmt"
	"os"

	"github.com/spf13/cobra"
)

var rootCmd = &cobra.Command{
	Use:   "ebbnode",
	Short: "EbbRT rebuilt in Go: node-style JavaScript on a library OS",
	Long: `ebbnode runs node-style JavaScript on the Elastic Building Block Runtime
(EbbRT) rebuilt in Go. The same runtime runs hosted, as an ordinary Linux
process ("ebbnode exec app.js"), or natively as a bootable x86_64 image.`,
	SilenceUsage:  true,
	SilenceErrors: true,
}

// exitError carries a process exit status out of a subcommand without
// printing anything more: the subcommand has already said what went wrong.
type exitError struct{ code int }

func (e exitError) Error() string { return fmt.Sprintf("exit status %d", e.code) }

func main() {
	err := rootCmd.Execute()
	if err == nil {
		return
	}
	var ee exitError
	if errors.As(err, &ee) {
		os.Exit(ee.code)
	}
	fmt.Fprintf(os.Stderr, "ebbnode: %v\n", err)
	os.Exit(2)
}

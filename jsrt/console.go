package jsrt

import (
	_ "embed"
	"fmt"

	"github.com/dop251/goja"
)

//go:embed console.js
var consoleSrc string

var consolePrg = goja.MustCompile("node:internal/console", consoleSrc, true)

// installConsole defines the global console (console.js): log, info and
// debug print util.format's result on stdout, error, warn and trace on
// stderr, each write going straight to the Go writer, or through
// process.stdout/stderr once a script has made them (so cork() and a
// replaced write() see it, as in node).
func (v *vm) installConsole() error {
	fnv, err := v.rt.RunProgram(consolePrg)
	if err != nil {
		return fmt.Errorf("console: %w", err)
	}
	fn, _ := goja.AssertFunction(fnv)
	b := v.rt.NewObject()
	_ = b.Set("require", func(name string) goja.Value { return v.mods.requireCore(name) })
	_ = b.Set("write", func(fd int, data goja.Value) { v.writeFd(fd, data) })
	if _, err := fn(goja.Undefined(), v.rt.GlobalObject(), b); err != nil {
		return fmt.Errorf("console: %w", err)
	}
	return nil
}

// Package child_process implements node's 'child_process' module for
// ebbnode: spawn, exec and execFile with ChildProcess events, and
// spawnSync, execSync and execFileSync, with node's result and error
// shapes. Hosted, children are real processes (os/exec), their stdio
// pipes read on goroutines and delivered on the event loop through
// internal/hostenv's Async. In the native image there are no processes:
// the module loads, and every spawn fails as a missing system call would
// (ENOSYS), through the 'error' event or the sync result's error, never at
// require().
//
// The child's stdout and stderr are stream.Readables, its stdin a
// stream.Writable, as in node. fork (a child node with an IPC channel) is
// not provided.
package child_process

import (
	_ "embed"
	"sync"
	"syscall"

	"github.com/dop251/goja"

	_ "github.com/ebbnode/ebbnode/jsrt/modules/buffer"
	_ "github.com/ebbnode/ebbnode/jsrt/modules/events"
	_ "github.com/ebbnode/ebbnode/jsrt/modules/internal/errors"
	"github.com/ebbnode/ebbnode/jsrt/modules/internal/jsmod"
	_ "github.com/ebbnode/ebbnode/jsrt/modules/stream"
)

// ModuleName is the name require() knows this module by.
const ModuleName = "child_process"

//go:embed child_process.js
var source string

var src = jsmod.NewSource("node:child_process", source)

func init() {
	jsmod.Register(ModuleName, func(rt *goja.Runtime, exports *goja.Object) goja.Value {
		return src.Run(rt, exports, helpers(rt))
	})
}

var (
	nativeOnce sync.Once
	native     bool
)

// isNative reports whether this is the ebbnode native image: its kernel
// names itself "ebbnode" in uname, and it has no processes to spawn.
func isNative() bool {
	nativeOnce.Do(func() {
		var u syscall.Utsname
		if err := syscall.Uname(&u); err != nil {
			return
		}
		var b []byte
		for _, c := range u.Sysname {
			if c == 0 {
				break
			}
			b = append(b, byte(c))
		}
		native = string(b) == "ebbnode"
	})
	return native
}

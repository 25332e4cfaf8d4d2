// Package errors provides the internal module 'internal/errors': node-style
// errors carrying a `code` (ERR_INVALID_ARG_TYPE, ...) for the embedded
// modules to throw.
package errors

import (
	_ "embed"

	"github.com/dop251/goja"

	"github.com/ebbnode/ebbnode/jsrt/modules/internal/jsmod"
)

// ModuleName is the internal name embedded modules require.
const ModuleName = "internal/errors"

//go:embed errors.js
var source string

var src = jsmod.NewSource("node:internal/errors", source)

func init() {
	jsmod.RegisterInternal(ModuleName, func(rt *goja.Runtime, exports *goja.Object) goja.Value {
		return src.Run(rt, exports, nil)
	})
}

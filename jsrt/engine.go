package jsrt

import (
	_ "embed"
	"fmt"
	"os"
	"time"

	"github.com/dop251/goja"

	"github.com/ebbnode/ebbnode/jsrt/internal/engine"
)

//go:embed engine.js
var engineSrc string

var enginePrg = goja.MustCompile("node:internal/engine", engineSrc, true)

// installEngine runs engine.js, which replaces the goja built-ins whose
// visible behaviour differs from V8's.
func (v *vm) installEngine() error {
	rt := v.rt
	fnv, err := rt.RunProgram(enginePrg)
	if err != nil {
		return fmt.Errorf("engine patches: %w", err)
	}
	fn, _ := goja.AssertFunction(fnv)
	b := rt.NewObject()
	tz := os.Getenv("TZ")
	for name, f := range map[string]any{
		"jsonMessage": func(s goja.Value) string {
			str, ok := s.(goja.String)
			if !ok {
				return ""
			}
			units := make([]uint16, str.Length())
			for i := range units {
				units[i] = str.CharAt(i)
			}
			return engine.JSONSyntaxMessage(units)
		},
		"translateRegExp": func(p string) any {
			out, _, err := engine.TranslatePropertyEscapes(p)
			if err != nil {
				return map[string]any{"error": err.Error()}
			}
			return out
		},
		"namedGroups": func(p string) any {
			if names := engine.NamedGroups(p); names != nil {
				return names
			}
			return nil
		},
		"translateSets": func(p string) any {
			out, err := engine.TranslateUnicodeSets(p)
			if err != nil {
				return map[string]any{"error": err.Error()}
			}
			return out
		},
		"zoneName": func(ms float64) string {
			return engine.ZoneName(time.UnixMilli(int64(ms)), tz)
		},
	} {
		if err := b.Set(name, f); err != nil {
			return fmt.Errorf("engine patches: %w", err)
		}
	}
	if _, err := fn(goja.Undefined(), rt.GlobalObject(), b); err != nil {
		return fmt.Errorf("engine patches: %w", err)
	}
	return nil
}

package util_test

import (
	"testing"

	"github.com/ebbnode/ebbnode/jsrt/modules/util"
)

// BenchmarkInspectObject measures util.inspect on a small nested object,
// the typical console.log argument.
func BenchmarkInspectObject(b *testing.B) {
	rt := newRuntime(b)
	v, err := rt.RunString("({ id: 1, name: 'item1', tags: ['a', 'b'], nested: { x: 1 / 3 } })")
	if err != nil {
		b.Fatalf("build value: %v", err)
	}
	util.Inspect(rt, v)
	b.ResetTimer()
	for b.Loop() {
		util.Inspect(rt, v)
	}
}

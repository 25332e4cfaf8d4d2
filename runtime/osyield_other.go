//go:build !linux

package runtime

import goruntime "runtime"

// osYield lets other goroutines run where sched_yield(2) is not available.
func osYield() { goruntime.Gosched() }

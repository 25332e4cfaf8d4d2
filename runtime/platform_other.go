//go:build !linux

package runtime

import "time"

// Elsewhere than Linux there is no futex platform and no pinning: cores
// park on the thread platform's channel and run where the OS puts them.
const futexWakes = false

func newFutexPlatform(time.Duration) platform { panic("ebb runtime: no futex platform on this OS") }
func affinityCPUs() []int                     { return nil }
func pinThread(int) error                     { return nil }

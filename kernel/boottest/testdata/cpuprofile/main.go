// Command cpuprofile profiles itself with runtime/pprof, as on Linux:
// the runtime asks for SIGPROF through setitimer(ITIMER_PROF). It spins
// in spin for about a second of its own time, stops the profile, parses
// it and prints how many samples it holds and how many have spin on the
// stack.
package main

import (
	"bytes"
	"fmt"
	"os"
	"runtime/pprof"
	"time"

	"github.com/google/pprof/profile"

	_ "github.com/ebbnode/ebbnode/kernel"
)

//go:noinline
func spin(n int) uint64 {
	x := uint64(1)
	for i := 0; i < n; i++ {
		x = x*6364136223846793005 + 1442695040888963407
	}
	return x
}

func main() {
	var buf bytes.Buffer
	if err := pprof.StartCPUProfile(&buf); err != nil {
		fmt.Println("start:", err)
		os.Exit(1)
	}
	sum := uint64(0)
	for start := time.Now(); time.Since(start) < time.Second; {
		sum += spin(100000)
	}
	pprof.StopCPUProfile()
	p, err := profile.Parse(&buf)
	if err != nil {
		fmt.Println("parse:", err)
		os.Exit(1)
	}
	total, inSpin := 0, 0
	for _, s := range p.Sample {
		n := int(s.Value[0])
		total += n
		for _, l := range s.Location {
			for _, ln := range l.Line {
				if ln.Function != nil && ln.Function.Name == "main.spin" {
					inSpin += n
				}
			}
		}
	}
	fmt.Printf("samples=%d spin=%d (%d)\n", total, inSpin, sum&1)
}

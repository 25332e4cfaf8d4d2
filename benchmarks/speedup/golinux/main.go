// Command golinux is the speedup benchmark's Go workload as a static Linux
// program, run by vminit in the Linux VM.
package main

import "github.com/ebbnode/ebbnode/benchmarks/speedup/work"

func main() { work.Main() }

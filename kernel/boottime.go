package kernel

// Go-world side of the boot: this package's init runs once the runtime is
// up, just before the main package's own initialisation. With
// ebbnode.debug=boot it reports how long the machine took from the PVH
// entry to here, by the TSC (RDTSC is allowed in ring 3).

func init() {
	if !debugBoot || clock.tscHz == 0 {
		return
	}
	us := (rdtsc() - bootInfo.entryTSC) * 1000000 / clock.tscHz
	println("ebbnode: boot: entry to Go init", us, "us")
}

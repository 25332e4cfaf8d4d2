package kernel

// The ACPI tables, read once at boot for the MADT: which CPUs the machine
// has. PVH gives the RSDP's address in hvm_start_info; without it the
// BIOS area is searched, as the ACPI specification allows. The tables lie
// below 4 GiB, in the boot identity map. Trap world: //go:nosplit, no
// allocation.

// findRSDP returns the RSDP's address, or 0.
//
//go:nosplit
func findRSDP() uintptr {
	if p := uintptr(bootInfo.rsdp); p != 0 && p < identTop && isRSDP(p) {
		return p
	}
	ebda := uintptr(load32(0x40e)&0xffff) << 4 // real-mode segment of the EBDA
	if ebda >= 0x80000 && ebda < 0xa0000 {
		for p := ebda; p < ebda+1024; p += 16 {
			if isRSDP(p) {
				return p
			}
		}
	}
	for p := uintptr(0xe0000); p < 0x100000; p += 16 {
		if isRSDP(p) {
			return p
		}
	}
	return 0
}

// isRSDP reports whether an RSDP ("RSD PTR ", checksummed) is at p.
//
//go:nosplit
func isRSDP(p uintptr) bool {
	return load64(p) == 0x2052545020445352 && checksum(p, 20) == 0
}

//go:nosplit
func checksum(p uintptr, n uint32) uint8 {
	sum := uint8(0)
	for i := uint32(0); i < n; i++ {
		sum += load8(p + uintptr(i))
	}
	return sum
}

// findMADT returns the address of the MADT ("APIC") and its length, or 0:
// through the XSDT when the RSDP (revision 2) has one, else the RSDT.
//
//go:nosplit
func findMADT() (uintptr, uint32) {
	r := findRSDP()
	if r == 0 {
		return 0, 0
	}
	sdt, width := uintptr(load32(r+16)), uintptr(4)
	if load8(r+15) >= 2 {
		if x := uintptr(load64(r + 24)); x != 0 && x < identTop {
			sdt, width = x, 8
		}
	}
	if sdt == 0 || sdt >= identTop {
		return 0, 0
	}
	n := load32(sdt + 4)
	for e := sdt + 36; e+width <= sdt+uintptr(n); e += width {
		t := uintptr(load32(e))
		if width == 8 {
			t = uintptr(load64(e))
		}
		if t != 0 && t < identTop && load32(t) == 0x43495041 { // "APIC"
			return t, load32(t + 4)
		}
	}
	return 0, 0
}

// findCPUs fills cpus from the MADT's enabled processor entries (type 0,
// local APIC; flag bit 0 enabled), the boot CPU first. Without a MADT the
// machine is the boot CPU alone.
//
//go:nosplit
func findCPUs() {
	bsp := lapicRead(lapicIDReg) >> 24
	cpus[0].apicID = bsp
	ncpus = 1
	madt, n := findMADT()
	if madt == 0 {
		return
	}
	for e := madt + 44; e+2 <= madt+uintptr(n); {
		typ, l := load8(e), uintptr(load8(e+1))
		if l < 2 {
			break
		}
		if typ == 0 && l >= 8 && load32(e+4)&1 != 0 {
			if id := uint32(load8(e + 3)); id != bsp {
				if ncpus == maxCPUs {
					kprint("ebbnode: more CPUs than the kernel supports; using the first ")
					kprintDec(maxCPUs)
					kprint("\n")
					return
				}
				cpus[ncpus].apicID = id
				ncpus++
			}
		}
		e += l
	}
}

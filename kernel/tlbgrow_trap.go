package kernel

// TLB growth under QEMU's TCG. TCG's guest TLB is a software cache per
// vCPU whose size QEMU adjusts only when the guest flushes it (QEMU's
// tlb_mmu_resize_locked runs from tlb_flush: it doubles the table when
// more than 70% of it was used since the last resize and shrinks it when
// less than 30% was, over 100 ms windows). An image that never reloads
// CR3 (the page tables are set up once, and lazy MADV_FREE rarely needs
// a flush) keeps the initial 256 entries however large its heap: random
// accesses over 64 MiB measured 120–404 ns each before any flush, 27–52
// ns after a dozen. So under TCG every CPU reloads its CR3 every
// tlbGrowNs, from the timer interrupt; the refill a flush costs is the
// price of the growth and of the shrinking QEMU does by itself when the
// working set gets smaller. Under KVM (or on hardware) a flush only
// costs, so the image does it only where CPUID says TCG.

// tlbGrowNs is the interval between CR3 reloads under TCG: a quarter of a
// second, long enough that refilling costs well under 1% of the time
// once QEMU's table has grown (measured in benchmarks/README.md).
const tlbGrowNs = 250_000_000

// underTCG is set at boot when CPUID's hypervisor leaf carries QEMU's
// TCG signature.
var underTCG bool

// detectTCG reports whether this CPU is QEMU's TCG: CPUID.1:ECX bit 31
// (a hypervisor is present) and the signature "TCGTCGTCGTCG" in leaf
// 0x40000000 (QEMU's expose-tcg, on by default; KVM says "KVMKVMKVM").
//
//go:nosplit
func detectTCG() bool {
	if _, _, ecx, _ := cpuid(1, 0); ecx&(1<<31) == 0 {
		return false
	}
	max, b, c, d := cpuid(0x40000000, 0)
	const tcgt, cgtc, gtcg = 'T' | 'C'<<8 | 'G'<<16 | 'T'<<24, 'C' | 'G'<<8 | 'T'<<16 | 'C'<<24, 'G' | 'T'<<8 | 'C'<<16 | 'G'<<24
	return max >= 0x40000000 && b == tcgt && c == cgtc && d == gtcg
}

// tlbGrow reloads this CPU's CR3 when tlbGrowNs have passed since it last
// did, under TCG only. now is nanotime().
//
//go:nosplit
func tlbGrow(now uint64) {
	if !underTCG {
		return
	}
	c := thisCPU()
	if now-c.tlbFlushAt < tlbGrowNs {
		return
	}
	c.tlbFlushAt = now
	prof.tlbGrows++
	writeCR3(readCR3())
}

// Package image turns a Go main package that imports the ebbnode kernel into a
// bootable x86_64 image.
//
// The stock Go linker builds an ordinary linux/amd64 ELF whose entry point is
// the kernel's PVH entry (see kernel.pvhEntry), linked low in physical memory.
// QEMU, Firecracker and cloud-hypervisor load such an ELF with `-kernel` only
// if it carries a PVH note (ELF note type 18, XEN_ELFNOTE_PHYS32_ENTRY, name
// "Xen"); the Go linker cannot emit custom notes, so AddPVHNote rewrites the
// linked file: it appends the note and turns the PT_GNU_STACK program header
// (meaningless for an image) into the PT_NOTE that covers it.
package image

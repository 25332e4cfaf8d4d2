// Package image turns a Go main package that imports the ebbnode kernel into a
// bootable x86_64 image, attaches app payloads to it, and seals and checks it.
//
// The stock Go linker builds an ordinary linux/amd64 ELF whose entry point is
// the kernel's PVH entry (see kernel.pvhEntry), linked low in physical memory.
// QEMU, Firecracker and cloud-hypervisor load such an ELF with `-kernel` only
// if it carries a PVH note (ELF note type 18, XEN_ELFNOTE_PHYS32_ENTRY, name
// "Xen"); the Go linker cannot emit custom notes, so AddPVHNote rewrites the
// linked file: it appends the note and turns the PT_GNU_STACK program header
// (meaningless for an image) into the PT_NOTE that covers it.
//
// Next to the PVH note sits the image digest (digest.go): a SHA-256 over
// every loaded segment, recorded by Link and WriteWithPayload and checked by
// Verify before `ebbnode run` starts QEMU. Load reads an image file with the
// checks every reader needs first: a regular file, at most MaxSize bytes.
package image

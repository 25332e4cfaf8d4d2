// Command vminit is /init in the initramfs of the benchmark's Linux VM
// (configuration d). It gives the child a console, runs the command listed
// in /suite/cmdline (arguments separated by white space), prints the child's
// exit status on the console and ends the VM with it. When the initramfs
// carries /suite/modules and /suite/net it first loads those kernel
// modules and configures that network (see net.go): through QEMU's
// isa-debug-exit device (port 0xf4, reached through /dev/port) as the native
// images do, or, failing that, by powering off.
//
// It must be linked statically (CGO_ENABLED=0): the initramfs has no libc.
package main

import (
	"fmt"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"time"
)

// Markers the host looks for on the serial console.
const (
	startMarker = "EBBINIT start"
	exitMarker  = "EBBINIT exit"
)

func main() {
	code := run()
	fmt.Printf("%s %d\n", exitMarker, code)
	// tcdrain: with several vCPUs the serial driver may still hold the
	// marker in its buffer, and isa-debug-exit would end the VM first.
	syscall.Syscall(syscall.SYS_IOCTL, os.Stdout.Fd(), 0x5409 /* TCSBRK */, 1)
	syscall.Sync()
	if err := debugExit(code); err != nil {
		fmt.Printf("vminit: isa-debug-exit: %v\n", err)
	}
	// LINUX_REBOOT_CMD_POWER_OFF; with -no-reboot QEMU exits either way, and
	// an init that returned would panic the kernel (panic=-1 reboots, which
	// QEMU also turns into an exit), so failure here still ends the VM.
	if err := syscall.Reboot(syscall.LINUX_REBOOT_CMD_POWER_OFF); err != nil {
		fmt.Printf("vminit: power off: %v\n", err)
	}
	time.Sleep(time.Hour)
}

func run() int {
	if err := console(); err != nil {
		// Nothing can be printed without a console; the host sees no
		// markers and reports the boot as failed.
		return 1
	}
	fmt.Println(startMarker)
	for _, m := range []struct{ fs, dir string }{{"proc", "/proc"}, {"sysfs", "/sys"}, {"tmpfs", "/tmp"}} {
		if err := mount(m.fs, m.dir); err != nil {
			fmt.Printf("vminit: %v\n", err)
			return 1
		}
	}
	// The network, when the initramfs asks for one (the HTTP
	// benchmark): modules first, then addresses.
	if err := loadModules(); err != nil {
		fmt.Printf("vminit: %v\n", err)
		return 1
	}
	if err := setupNet(); err != nil {
		fmt.Printf("vminit: network: %v\n", err)
		return 1
	}
	raw, err := os.ReadFile("/suite/cmdline")
	if err != nil {
		fmt.Printf("vminit: %v\n", err)
		return 1
	}
	args := strings.Fields(string(raw))
	if len(args) == 0 {
		fmt.Println("vminit: /suite/cmdline is empty")
		return 1
	}
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Dir = "/suite"
	cmd.Env = []string{"PATH=/", "HOME=/tmp", "TMPDIR=/tmp", "TZ=UTC"}
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	if err := cmd.Run(); err != nil {
		if ee, ok := err.(*exec.ExitError); ok {
			return ee.ExitCode()
		}
		fmt.Printf("vminit: %v\n", err)
		return 1
	}
	return 0
}

// console mounts devtmpfs on /dev and makes /dev/console fds 0-2: the
// initramfs carries no device nodes (the cpio writer cannot make them), so
// the kernel started init without a console.
func console() error {
	if err := mount("devtmpfs", "/dev"); err != nil {
		return err
	}
	fd, err := syscall.Open("/dev/console", syscall.O_RDWR, 0)
	if err != nil {
		return err
	}
	for i := 0; i < 3; i++ {
		if err := syscall.Dup3(fd, i, 0); err != nil && fd != i {
			return err
		}
	}
	return nil
}

func mount(fstype, dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("mkdir %s: %w", dir, err)
	}
	if err := syscall.Mount(fstype, dir, fstype, 0, ""); err != nil {
		return fmt.Errorf("mount %s on %s: %w", fstype, dir, err)
	}
	return nil
}

// debugExit writes code to isa-debug-exit's port; QEMU then exits with
// status (code<<1)|1. /dev/port turns a one-byte write at offset 0xf4 into
// an outb to that port.
func debugExit(code int) error {
	f, err := os.OpenFile("/dev/port", os.O_WRONLY, 0)
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = f.WriteAt([]byte{byte(code)}, debugExitPort)
	return err
}

// debugExitPort is host/qemu.DebugExitPort; vminit runs inside the VM and
// does not import the host's packages.
const debugExitPort = 0xf4

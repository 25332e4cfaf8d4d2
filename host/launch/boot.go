package launch

import (
	"context"
	"errors"
	"fmt"

	"github.com/ebbnode/ebbnode/host/offload"
	"github.com/ebbnode/ebbnode/host/qemu"
)

// Run is one boot of an image.
type Run struct {
	VM    VM
	Image string
	// App is what the host grants an app image (made by `ebbnode
	// build`) over its Messenger. nil boots a raw image (a Go program
	// with the kernel and no app), whose serial console is its output:
	// point VM.Console at it.
	App *offload.Config
	// Dir is the private directory (NewRunDir) for the Messenger
	// socket; "" makes one for this run and removes it afterwards.
	Dir string
	// Started, if set, is called with QEMU's command line (the
	// accelerator resolved) just before QEMU starts.
	Started func(args []string)
	// Checked, if set, is Inspect's result for Image, which Boot then
	// does not read and hash again.
	Checked *Image
}

// Boot checks the image and the settings, boots the image, serves an app's
// Messenger, and says how the run ended. Nothing starts when a check
// fails. When ctx ends, QEMU is stopped and the outcome is Interrupted.
func Boot(ctx context.Context, r Run) Outcome {
	if err := r.VM.Validate(); err != nil {
		return failed(err)
	}
	im, err := r.inspect()
	app := im.App
	switch {
	case err != nil:
		return failed(err)
	case im.BundleEnd > uint64(r.VM.MemoryMiB)<<20:
		// The loader would drop the bundle and the guest find none.
		return failed(fmt.Errorf("image: %s: its app bundle loads up to %.1f MiB (a bundle over 1 MiB loads above the runtime's BSS), past the VM's %d MiB of RAM: raise --memory",
			r.Image, float64(im.BundleEnd)/(1<<20), r.VM.MemoryMiB))
	case app && r.App == nil:
		return failed(fmt.Errorf("image: %s carries an app: boot it with its grants (Run.App)", r.Image))
	case !app && r.App != nil:
		return failed(fmt.Errorf("image: %s is a raw image (no app): it has no Messenger to serve", r.Image))
	}
	if r.App != nil {
		if err := CheckMounts(r.App.Mounts); err != nil {
			return failed(err)
		}
	}
	if r.VM.Netns == "" {
		if err := CheckNet(r.VM.Net); err != nil {
			return failed(err)
		}
	}
	accel, notice, err := qemu.ResolveAccel(r.VM.Accel, qemu.DefaultHost)
	if err != nil {
		return failed(err)
	}
	if notice != "" && r.VM.Log != nil {
		fmt.Fprintln(r.VM.Log, notice)
	}
	r.VM.Accel = accel
	if ctx.Err() != nil {
		return interrupted(ctx, qemu.Result{})
	}
	if r.App != nil {
		return bootApp(ctx, r)
	}
	c := r.VM.QEMU(r.Image)
	if r.Started != nil {
		r.Started(qemu.Args(c, accel))
	}
	res, err := qemu.Run(ctx, c)
	return rawOutcome(ctx, r.VM, res, err)
}

// inspect returns r.Checked if it describes r.Image, else Inspect's
// result.
func (r Run) inspect() (Image, error) {
	if r.Checked != nil && r.Checked.Path == r.Image {
		return *r.Checked, nil
	}
	return Inspect(r.Image)
}

// CheckMounts refuses a grant set the Messenger server would refuse once
// the guest is up, so the run fails before boot: two grants of one guest
// path are named both.
func CheckMounts(ms []offload.Mount) error {
	seen := make(map[string]offload.Mount)
	for _, m := range ms {
		if prev, ok := seen[m.Guest]; ok {
			return fmt.Errorf("mount %v: guest path %s is already granted by mount %v", m, m.Guest, prev)
		}
		seen[m.Guest] = m
	}
	return nil
}

// HostError is why the host side of a run failed: QEMU was stopped for it.
type HostError struct{ Err error }

func (e *HostError) Error() string { return "host side failed: " + e.Err.Error() }
func (e *HostError) Unwrap() error { return e.Err }

// errNoStop cancels a guest that keeps running after its script exited.
var errNoStop = errors.New("the guest did not stop after the script exited")

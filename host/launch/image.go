package launch

import (
	"bytes"
	"errors"
	"fmt"

	"github.com/ebbnode/ebbnode/host/image"
	"github.com/ebbnode/ebbnode/jsrt/bundle"
	"github.com/ebbnode/ebbnode/jsrt/transform"
)

// CheckImage reads the image at path and checks it before anything boots:
// a regular file of at most image.MaxSize bytes, bootable (image.Check's
// rules), an app bundle that reads back intact if it carries one, and the
// digest recorded at build time matching every loaded segment. app reports
// whether it carries an app. The error is one line naming the file.
func CheckImage(path string) (app bool, err error) {
	im, err := Inspect(path)
	return im.App, err
}

// Image is what Inspect found in an image file.
type Image struct {
	Path string
	App  bool // it carries an app bundle
	// BundleEnd is where the app's bundle ends in guest memory (0
	// without an app): the VM's RAM must reach it.
	BundleEnd uint64
}

// Inspect is CheckImage that also says where an app's bundle loads. A
// caller that inspects the image before Boot passes the result in
// Run.Checked, so the image is read and hashed once per run.
func Inspect(path string) (Image, error) {
	im := Image{Path: path}
	data, err := image.Load(path)
	if err != nil {
		return im, err
	}
	if im.App, err = checkData(path, data); err != nil || !im.App {
		return im, err
	}
	_, im.BundleEnd, err = image.PayloadSpan(data)
	return im, err
}

// checkData is CheckImage's checks of the image data read from path.
func checkData(path string, data []byte) (app bool, err error) {
	if err := image.CheckData(path, data); err != nil {
		return false, err
	}
	// The bundle first: its own checksum names the damaged part more
	// precisely than the digest over everything.
	p, err := image.Payload(data)
	switch {
	case errors.Is(err, image.ErrNoPayload):
	case err != nil:
		return false, fmt.Errorf("image: %s: %w", path, err)
	default:
		app = true
		if _, err := bundle.Read(bytes.NewReader(p), int64(len(p))); err != nil {
			return app, fmt.Errorf("image: %s: app bundle: %w", path, err)
		}
	}
	if err := image.Verify(data); err != nil {
		return app, fmt.Errorf("image: %s: %w", path, err)
	}
	return app, nil
}

// BuildApp bundles the script entry (with the local modules it requires
// and the includes) and writes it, attached to the native runtime image
// and sealed, to out. It returns the bundler's warnings.
func BuildApp(runtime, entry string, includes []string, out string) ([]bundle.Warning, error) {
	// ES modules and TypeScript are stored transformed: the image has no esbuild.
	b, err := bundle.CollectWith(entry, includes, transform.File)
	if err != nil {
		return nil, err // a *bundle.SourceError reads "file:line: message"
	}
	var buf bytes.Buffer
	if err := b.Write(&buf); err != nil {
		return b.Warnings, fmt.Errorf("bundle: %w", err)
	}
	return b.Warnings, image.WriteWithPayload(runtime, out, buf.Bytes())
}

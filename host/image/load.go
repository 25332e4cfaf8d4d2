package image

import (
	"fmt"
	"io"
	"os"
	"syscall"
)

// MaxSize bounds an image file. The runtime is about 12 MiB and an app
// bundle rarely more than a few; the loader must fit the whole image in
// the guest's RAM below 4 GiB, and the host reads it whole to check it.
const MaxSize = 512 << 20

// Load reads the image file at path: a regular file of at most MaxSize
// bytes. It opens without blocking, so a FIFO or a device named as an
// image is refused at once rather than read forever.
func Load(path string) ([]byte, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, fmt.Errorf("image: %w", err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("image: %w", err)
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("image: %s: not a regular file but %s", path, kind(st.Mode()))
	}
	if st.Size() > MaxSize {
		return nil, fmt.Errorf("image: %s: %d bytes, over the %d MiB limit for an image", path, st.Size(), MaxSize>>20)
	}
	// Read one byte past the cap, in case the file grows meanwhile.
	data, err := io.ReadAll(io.LimitReader(f, MaxSize+1))
	if err != nil {
		return nil, fmt.Errorf("image: %s: %w", path, err)
	}
	if len(data) > MaxSize {
		return nil, fmt.Errorf("image: %s: grew over the %d MiB limit while being read", path, MaxSize>>20)
	}
	return data, nil
}

// kind names a file type for an error message.
func kind(m os.FileMode) string {
	switch {
	case m.IsDir():
		return "a directory"
	case m&os.ModeNamedPipe != 0:
		return "a FIFO"
	case m&os.ModeCharDevice != 0:
		return "a character device"
	case m&os.ModeDevice != 0:
		return "a block device"
	case m&os.ModeSocket != 0:
		return "a socket"
	}
	return "a special file"
}

package bundle

import (
	"fmt"
	"os"
)

// Append writes b at the end of the file at imagePath (the prebuilt
// runtime ELF), where ReadImage and Read find it by its trailer. Appending
// to an image that already carries a bundle hides the older one.
func Append(imagePath string, b *Bundle) (err error) {
	f, err := os.OpenFile(imagePath, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		return fmt.Errorf("append bundle: %w", err)
	}
	defer func() {
		if cerr := f.Close(); cerr != nil && err == nil {
			err = fmt.Errorf("append bundle: %w", cerr)
		}
	}()
	return b.Write(f)
}

// ReadImage reads the bundle at the end of the file at imagePath.
func ReadImage(imagePath string) (*Bundle, error) {
	f, err := os.Open(imagePath)
	if err != nil {
		return nil, fmt.Errorf("read bundle: %w", err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("read bundle: %w", err)
	}
	b, err := Read(f, fi.Size())
	if err != nil {
		return nil, fmt.Errorf("%s: %w", imagePath, err)
	}
	return b, nil
}

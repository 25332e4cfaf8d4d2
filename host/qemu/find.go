package qemu

import (
	"errors"
	"os/exec"
)

// Binary is the QEMU program Run starts, looked up in $PATH.
const Binary = "qemu-system-x86_64"

// ErrNotFound is returned (by Find, and so by Run) when QEMU is not
// installed. Its text is the whole message the user needs.
var ErrNotFound = errors.New(Binary + " not found: install it with 'apt-get install qemu-system-x86'")

// Find returns the path of QEMU, or ErrNotFound.
func Find() (string, error) {
	path, err := exec.LookPath(Binary)
	if err != nil {
		return "", ErrNotFound
	}
	return path, nil
}

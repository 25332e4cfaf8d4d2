// Command rand prints 32 bytes from crypto/rand; two boots must differ.
package main

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"os"

	_ "github.com/ebbnode/ebbnode/kernel"
)

func main() {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		fmt.Println("crypto/rand:", err)
		os.Exit(1)
	}
	fmt.Println("random=" + hex.EncodeToString(b))
}

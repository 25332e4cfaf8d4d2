// Package crypto implements node's 'crypto' module for ebbnode: hashes,
// HMACs and random values on Go's standard library (hashes.go), ciphers
// (ciphers.go: AES-CBC/ECB/CTR/GCM, ChaCha20(-Poly1305) from
// golang.org/x/crypto), keys and signatures (keys.go, sign.go: RSA, ECDSA
// on P-256/384/521, Ed25519; PEM/DER/JWK) and scrypt, bound to JS in
// bind.go. The node-facing API is crypto.js, with cipher.js and keys.js as
// internal modules it re-exports. Hash, Hmac, Cipheriv and Decipheriv are
// stream.Transforms (lazy_transform.js), Sign and Verify stream.Writables,
// as in node.
package crypto

import (
	_ "embed"

	"github.com/dop251/goja"

	_ "github.com/ebbnode/ebbnode/jsrt/modules/buffer"
	_ "github.com/ebbnode/ebbnode/jsrt/modules/internal/errors"
	"github.com/ebbnode/ebbnode/jsrt/modules/internal/jsmod"
	_ "github.com/ebbnode/ebbnode/jsrt/modules/stream"
)

// ModuleName is the name require() knows this module by.
const ModuleName = "crypto"

//go:embed crypto.js
var source string

//go:embed cipher.js
var cipherSource string

//go:embed keys.js
var keysSource string

//go:embed lazy_transform.js
var lazySource string

var (
	src       = jsmod.NewSource("node:crypto", source)
	cipherSrc = jsmod.NewSource("node:internal/crypto/cipher", cipherSource)
	keysSrc   = jsmod.NewSource("node:internal/crypto/keys", keysSource)
	lazySrc   = jsmod.NewSource("node:internal/streams/lazy_transform", lazySource)
)

// Require is the goja_nodejs module loader: it sets module.exports.
func Require(rt *goja.Runtime, module *goja.Object) {
	module.Set("exports", jsmod.Get(rt, ModuleName))
}

func init() {
	jsmod.Register(ModuleName, func(rt *goja.Runtime, exports *goja.Object) goja.Value {
		return src.Run(rt, exports, helpers(rt))
	})
	jsmod.RegisterInternal("internal/crypto/cipher", func(rt *goja.Runtime, exports *goja.Object) goja.Value {
		return cipherSrc.Run(rt, exports, helpers(rt))
	})
	jsmod.RegisterInternal("internal/streams/lazy_transform", func(rt *goja.Runtime, exports *goja.Object) goja.Value {
		return lazySrc.Run(rt, exports, nil)
	})
	jsmod.RegisterInternal("internal/crypto/keys", func(rt *goja.Runtime, exports *goja.Object) goja.Value {
		return keysSrc.Run(rt, exports, helpers(rt))
	})
}

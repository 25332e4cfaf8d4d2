package crypto

import (
	"crypto/hkdf"
	"crypto/hmac"
	"crypto/md5"
	"crypto/pbkdf2"
	"crypto/rand"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha3"
	"crypto/sha512"
	"crypto/subtle"
	"fmt"
	"hash"
	"sort"
	"strings"

	"github.com/dop251/goja"
)

// hashes maps OpenSSL digest names (lower case) to constructors.
var hashes = map[string]func() hash.Hash{
	"md5":        md5.New,
	"sha1":       sha1.New,
	"sha224":     sha256.New224,
	"sha256":     sha256.New,
	"sha384":     sha512.New384,
	"sha512":     sha512.New,
	"sha512-224": sha512.New512_224,
	"sha512-256": sha512.New512_256,
	"sha3-224":   func() hash.Hash { return sha3.New224() },
	"sha3-256":   func() hash.Hash { return sha3.New256() },
	"sha3-384":   func() hash.Hash { return sha3.New384() },
	"sha3-512":   func() hash.Hash { return sha3.New512() },
}

// lookupHash accepts names case-insensitively and with OpenSSL's "RSA-"
// prefix, as node does.
func lookupHash(name string) func() hash.Hash {
	n := strings.ToLower(name)
	n = strings.TrimPrefix(n, "rsa-")
	return hashes[n]
}

// hashNames lists what getHashes reports.
func hashNames() []string {
	var out []string
	for n := range hashes {
		out = append(out, n, "RSA-"+strings.ToUpper(n))
	}
	sort.Strings(out)
	return out
}

func helpers(rt *goja.Runtime) *goja.Object {
	h := rt.NewObject()
	h.Set("hashNames", hashNames)
	// newHash(alg, key) returns {update(bytes), digest() -> ArrayBuffer,
	// copy()} or null for an unknown algorithm; key !== undefined makes an HMAC.
	h.Set("newHash", func(alg string, key goja.Value) goja.Value {
		ctor := lookupHash(alg)
		if ctor == nil {
			return goja.Null()
		}
		var hh hash.Hash
		if key == nil || goja.IsUndefined(key) {
			hh = ctor()
		} else {
			hh = hmac.New(ctor, bytesOf(rt, key))
		}
		return wrapHash(rt, hh, ctor, key)
	})
	h.Set("randomFill", func(v goja.Value, off, n int) {
		b := bytesOf(rt, v)
		if off < 0 || n < 0 || off+n > len(b) {
			panic(rt.NewGoError(fmt.Errorf("crypto: random fill range [%d,+%d) outside %d bytes", off, n, len(b))))
		}
		// crypto/rand.Read never fails on Linux (and panics if it would).
		_, _ = rand.Read(b[off : off+n])
	})
	h.Set("randomUUID", func() string { return uuid4() })
	// pbkdf2(alg, password, salt, iterations, keylen) -> ArrayBuffer, or
	// null for an unknown digest. Arguments were validated in JS.
	h.Set("pbkdf2", func(alg string, pw, salt goja.Value, iter, keylen int) goja.Value {
		ctor := lookupHash(alg)
		if ctor == nil {
			return goja.Null()
		}
		if keylen == 0 { // node allows it; Go's pbkdf2 does not
			return rt.ToValue(rt.NewArrayBuffer(nil))
		}
		key, err := pbkdf2.Key(ctor, string(bytesOf(rt, pw)), bytesOf(rt, salt), iter, keylen)
		if err != nil {
			panic(rt.NewGoError(fmt.Errorf("crypto: pbkdf2: %w", err)))
		}
		return rt.ToValue(rt.NewArrayBuffer(key))
	})
	// hkdf(alg, ikm, salt, info, keylen) -> ArrayBuffer, or null for an
	// unknown digest.
	h.Set("hkdf", func(alg string, ikm, salt, info goja.Value, keylen int) goja.Value {
		ctor := lookupHash(alg)
		if ctor == nil {
			return goja.Null()
		}
		if keylen == 0 {
			return rt.ToValue(rt.NewArrayBuffer(nil))
		}
		key, err := hkdf.Key(ctor, bytesOf(rt, ikm), bytesOf(rt, salt), string(bytesOf(rt, info)), keylen)
		if err != nil {
			panic(rt.NewGoError(fmt.Errorf("crypto: hkdf: %w", err)))
		}
		return rt.ToValue(rt.NewArrayBuffer(key))
	})
	h.Set("timingSafeEqual", func(a, b goja.Value) bool {
		return subtle.ConstantTimeCompare(bytesOf(rt, a), bytesOf(rt, b)) == 1
	})
	cipherHelpers(rt, h)
	keyHelpers(rt, h)
	return h
}

func wrapHash(rt *goja.Runtime, hh hash.Hash, ctor func() hash.Hash, key goja.Value) *goja.Object {
	o := rt.NewObject()
	o.Set("update", func(v goja.Value) { hh.Write(bytesOf(rt, v)) })
	o.Set("digest", func() goja.Value { return rt.ToValue(rt.NewArrayBuffer(hh.Sum(nil))) })
	o.Set("copy", func() goja.Value {
		// hash.Hash values from the standard library implement
		// encoding.BinaryMarshaler; cloning goes through that.
		type cloner interface {
			MarshalBinary() ([]byte, error)
			UnmarshalBinary([]byte) error
		}
		src, ok := hh.(cloner)
		if !ok {
			panic(rt.NewGoError(fmt.Errorf("crypto: this digest cannot be copied")))
		}
		state, err := src.MarshalBinary()
		if err != nil {
			panic(rt.NewGoError(fmt.Errorf("crypto: copy digest state: %w", err)))
		}
		nh := ctor()
		if err := nh.(cloner).UnmarshalBinary(state); err != nil {
			panic(rt.NewGoError(fmt.Errorf("crypto: restore digest state: %w", err)))
		}
		return wrapHash(rt, nh, ctor, key)
	})
	return o
}

// bytesOf returns the bytes viewed by a typed array or DataView.
func bytesOf(rt *goja.Runtime, v goja.Value) []byte {
	var b []byte
	if err := rt.ExportTo(v, &b); err != nil {
		panic(rt.NewTypeError("crypto: expected bytes: " + err.Error()))
	}
	return b
}

// uuid4 is an RFC 4122 version 4 UUID.
func uuid4() string {
	var u [16]byte
	_, _ = rand.Read(u[:])
	u[6] = u[6]&0x0f | 0x40
	u[8] = u[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", u[0:4], u[4:6], u[6:8], u[8:10], u[10:16])
}

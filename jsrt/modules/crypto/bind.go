package crypto

import (
	"golang.org/x/crypto/scrypt"

	"github.com/dop251/goja"
)

// failure is how a helper reports an error crypto.js turns into node's:
// {error: message}.
func failure(rt *goja.Runtime, err error) goja.Value {
	return rt.ToValue(map[string]any{"error": err.Error()})
}

func buffer(rt *goja.Runtime, b []byte) goja.Value {
	return rt.ToValue(rt.NewArrayBuffer(b))
}

// cipherHelpers binds createCipheriv's Go half.
func cipherHelpers(rt *goja.Runtime, h *goja.Object) {
	h.Set("cipherNames", cipherNames)
	// cipherInfo(name) -> {name, mode, keyLength, ivLength} or null.
	h.Set("cipherInfo", func(name string) goja.Value {
		spec, canon, ok := lookupCipher(name)
		if !ok {
			return goja.Null()
		}
		return rt.ToValue(map[string]any{"name": canon, "mode": spec.mode, "keyLength": spec.keyLen, "ivLength": spec.ivLen})
	})
	// newCipher(name, key, iv, decrypt, tagLen): lengths were checked in JS.
	h.Set("newCipher", func(name string, key, iv goja.Value, decrypt bool, tagLen int) goja.Value {
		spec, _, _ := lookupCipher(name)
		var ivb []byte
		if iv != nil && !goja.IsNull(iv) && !goja.IsUndefined(iv) {
			ivb = bytesOf(rt, iv)
		}
		c, err := newCipherState(spec, bytesOf(rt, key), ivb, decrypt, tagLen)
		if err != nil {
			return failure(rt, err)
		}
		return wrapCipher(rt, c)
	})
}

func wrapCipher(rt *goja.Runtime, c *cipherState) goja.Value {
	o := rt.NewObject()
	o.Set("update", func(v goja.Value) goja.Value { return buffer(rt, c.update(bytesOf(rt, v))) })
	o.Set("final", func() goja.Value {
		out, err := c.final()
		if err != nil {
			return failure(rt, err)
		}
		return buffer(rt, out)
	})
	o.Set("setAAD", func(v goja.Value) { c.aad = append(c.aad, bytesOf(rt, v)...) })
	o.Set("setAutoPadding", func(on bool) { c.padding = on })
	o.Set("getAuthTag", func() goja.Value { return buffer(rt, c.tag) })
	o.Set("setAuthTag", func(v goja.Value) { c.tag = append([]byte(nil), bytesOf(rt, v)...) })
	return o
}

func handleOf(rt *goja.Runtime, v goja.Value) *keyHandle {
	k, ok := v.Export().(*keyHandle)
	if !ok {
		panic(rt.NewTypeError("crypto: not a key handle"))
	}
	return k
}

// keyHelpers binds KeyObject's, sign's and verify's Go halves. Keys cross
// to JS as opaque handles.
func keyHelpers(rt *goja.Runtime, h *goja.Object) {
	h.Set("parseKey", func(data goja.Value, format, typ string) goja.Value {
		k, err := parseKey(bytesOf(rt, data), format, typ)
		if err != nil {
			return failure(rt, err)
		}
		return rt.ToValue(k)
	})
	h.Set("keyInfo", func(v goja.Value) goja.Value {
		k := handleOf(rt, v)
		return rt.ToValue(map[string]any{"type": keyTypeName(k), "asymmetricKeyType": k.asymmetricType(), "details": k.details()})
	})
	h.Set("publicOf", func(v goja.Value) goja.Value { return rt.ToValue(handleOf(rt, v).public()) })
	h.Set("keyEquals", func(a, b goja.Value) bool { return handleOf(rt, a).equal(handleOf(rt, b)) })
	h.Set("exportKey", func(v goja.Value, typ, format string) goja.Value {
		text, der, err := handleOf(rt, v).exportKey(typ, format)
		switch {
		case err != nil:
			return failure(rt, err)
		case der != nil:
			return buffer(rt, der)
		}
		return rt.ToValue(text)
	})
	h.Set("exportJwk", func(v goja.Value) goja.Value {
		members, err := handleOf(rt, v).jwk()
		if err != nil {
			return failure(rt, err)
		}
		o := rt.NewObject()
		for _, m := range members {
			o.Set(m[0], m[1])
		}
		return o
	})
	h.Set("generateKey", func(typ string, modulusLength, publicExponent int, curve string) goja.Value {
		k, err := generateKey(typ, modulusLength, publicExponent, curve)
		if err != nil {
			return failure(rt, err)
		}
		return rt.ToValue(k)
	})
	opts := func(alg string, padding, saltLength goja.Value, p1363 bool) signOpts {
		o := signOpts{alg: alg, p1363: p1363}
		if padding != nil && !goja.IsUndefined(padding) {
			o.padding, o.hasPadding = int(padding.ToInteger()), true
		}
		if saltLength != nil && !goja.IsUndefined(saltLength) {
			o.saltLength, o.hasSaltLeng = int(saltLength.ToInteger()), true
		}
		return o
	}
	h.Set("sign", func(v, data goja.Value, alg string, padding, saltLength goja.Value, p1363 bool) goja.Value {
		sig, err := sign(handleOf(rt, v), bytesOf(rt, data), opts(alg, padding, saltLength, p1363))
		if err != nil {
			return failure(rt, err)
		}
		return buffer(rt, sig)
	})
	h.Set("verify", func(v, data, sig goja.Value, alg string, padding, saltLength goja.Value, p1363 bool) goja.Value {
		ok, err := verify(handleOf(rt, v), bytesOf(rt, data), bytesOf(rt, sig), opts(alg, padding, saltLength, p1363))
		if err != nil {
			return failure(rt, err)
		}
		return rt.ToValue(ok)
	})
	h.Set("rsaCrypt", func(v, data goja.Value, decrypt bool, padding int, oaepHash string) goja.Value {
		var out []byte
		var err error
		if decrypt {
			out, err = rsaDecrypt(handleOf(rt, v), bytesOf(rt, data), padding, oaepHash)
		} else {
			out, err = rsaEncrypt(handleOf(rt, v), bytesOf(rt, data), padding, oaepHash)
		}
		if err != nil {
			return failure(rt, err)
		}
		return buffer(rt, out)
	})
	// scrypt(password, salt, N, r, p, keylen); parameters checked in JS.
	h.Set("scrypt", func(pw, salt goja.Value, n, r, p, keylen int) goja.Value {
		if keylen == 0 {
			return buffer(rt, nil)
		}
		key, err := scrypt.Key(bytesOf(rt, pw), bytesOf(rt, salt), n, r, p, keylen)
		if err != nil {
			return failure(rt, err)
		}
		return buffer(rt, key)
	})
}

package crypto

import (
	gocrypto "crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/rsa"
	"errors"
	"fmt"
	"math/big"
	"strings"

	"golang.org/x/crypto/cryptobyte"
	"golang.org/x/crypto/cryptobyte/asn1"
)

// Node's RSA padding and PSS salt constants (crypto.constants).
const (
	rsaPKCS1Padding     = 1
	rsaPKCS1OAEPPadding = 4
	rsaPKCS1PSSPadding  = 6
	pssSaltLenDigest    = -1
	pssSaltLenMaxOrAuto = -2
)

// signHashes maps digest names to crypto.Hash for signatures.
var signHashes = map[string]gocrypto.Hash{
	"md5": gocrypto.MD5, "sha1": gocrypto.SHA1, "sha224": gocrypto.SHA224, "sha256": gocrypto.SHA256,
	"sha384": gocrypto.SHA384, "sha512": gocrypto.SHA512, "sha512-224": gocrypto.SHA512_224,
	"sha512-256": gocrypto.SHA512_256, "sha3-224": gocrypto.SHA3_224, "sha3-256": gocrypto.SHA3_256,
	"sha3-384": gocrypto.SHA3_384, "sha3-512": gocrypto.SHA3_512,
}

var errInvalidDigest = errors.New("Invalid digest")

// signOpts are sign's and verify's options after crypto.js checked them.
type signOpts struct {
	alg         string // "" means the key type's default
	padding     int
	saltLength  int
	p1363       bool // dsaEncoding 'ieee-p1363'
	hasPadding  bool
	hasSaltLeng bool
}

func digestOf(alg string, data []byte, def gocrypto.Hash) (gocrypto.Hash, []byte, error) {
	h := def
	if alg != "" {
		var ok bool
		h, ok = signHashes[normHash(alg)]
		if !ok {
			return 0, nil, errInvalidDigest
		}
	}
	d := h.New()
	d.Write(data)
	return h, d.Sum(nil), nil
}

// normHash is the canonical name of a digest ("RSA-SHA256" -> "sha256"),
// or "" if there is no such digest.
func normHash(alg string) string {
	n := strings.TrimPrefix(strings.ToLower(alg), "rsa-")
	if _, ok := hashes[n]; !ok {
		return ""
	}
	return n
}

func pssSalt(n int) int {
	switch n {
	case pssSaltLenDigest:
		return rsa.PSSSaltLengthEqualsHash
	case pssSaltLenMaxOrAuto:
		return rsa.PSSSaltLengthAuto
	}
	return n
}

func sign(k *keyHandle, data []byte, o signOpts) ([]byte, error) {
	switch key := k.key.(type) {
	case ed25519.PrivateKey:
		return ed25519.Sign(key, data), nil
	case *rsa.PrivateKey:
		h, digest, err := digestOf(o.alg, data, gocrypto.SHA256)
		if err != nil {
			return nil, err
		}
		if o.padding == rsaPKCS1PSSPadding {
			salt := pssSaltLenMaxOrAuto
			if o.hasSaltLeng {
				salt = o.saltLength
			}
			return rsa.SignPSS(rand.Reader, key, h, digest, &rsa.PSSOptions{SaltLength: pssSalt(salt), Hash: h})
		}
		return rsa.SignPKCS1v15(rand.Reader, key, h, digest)
	case *ecdsa.PrivateKey:
		_, digest, err := digestOf(o.alg, data, gocrypto.SHA256)
		if err != nil {
			return nil, err
		}
		sig, err := ecdsa.SignASN1(rand.Reader, key, digest)
		if err != nil || !o.p1363 {
			return sig, err
		}
		return derToP1363(sig, (key.Curve.Params().BitSize+7)/8)
	}
	return nil, fmt.Errorf("cannot sign with a %s key", keyTypeName(k))
}

func verify(k *keyHandle, data, sig []byte, o signOpts) (bool, error) {
	switch key := k.public().key.(type) {
	case ed25519.PublicKey:
		return ed25519.Verify(key, data, sig), nil
	case *rsa.PublicKey:
		h, digest, err := digestOf(o.alg, data, gocrypto.SHA256)
		if err != nil {
			return false, err
		}
		if o.padding == rsaPKCS1PSSPadding {
			salt := pssSaltLenMaxOrAuto
			if o.hasSaltLeng {
				salt = o.saltLength
			}
			return rsa.VerifyPSS(key, h, digest, sig, &rsa.PSSOptions{SaltLength: pssSalt(salt), Hash: h}) == nil, nil
		}
		return rsa.VerifyPKCS1v15(key, h, digest, sig) == nil, nil
	case *ecdsa.PublicKey:
		_, digest, err := digestOf(o.alg, data, gocrypto.SHA256)
		if err != nil {
			return false, err
		}
		if o.p1363 {
			size := (key.Curve.Params().BitSize + 7) / 8
			if len(sig) != 2*size {
				return false, nil
			}
			r, s := new(big.Int).SetBytes(sig[:size]), new(big.Int).SetBytes(sig[size:])
			return ecdsa.Verify(key, digest, r, s), nil
		}
		return ecdsa.VerifyASN1(key, digest, sig), nil
	}
	return false, fmt.Errorf("cannot verify with this key")
}

// derToP1363 turns an ASN.1 ECDSA signature into r || s, each size bytes.
func derToP1363(sig []byte, size int) ([]byte, error) {
	var r, s big.Int
	in := cryptobyte.String(sig)
	var seq cryptobyte.String
	if !in.ReadASN1(&seq, asn1.SEQUENCE) || !seq.ReadASN1Integer(&r) || !seq.ReadASN1Integer(&s) {
		return nil, errors.New("malformed ECDSA signature")
	}
	return append(fixed(&r, size), fixed(&s, size)...), nil
}

// publicEncrypt and privateDecrypt with node's default OAEP (SHA-1) or
// PKCS#1 v1.5 padding.
func rsaEncrypt(k *keyHandle, data []byte, padding int, oaepHash string) ([]byte, error) {
	pub := k.rsaPublic()
	if pub == nil {
		return nil, fmt.Errorf("RSA encryption needs an RSA key")
	}
	if padding == rsaPKCS1Padding {
		return rsa.EncryptPKCS1v15(rand.Reader, pub, data)
	}
	h, ok := signHashes[normHash(oaepHash)]
	if !ok {
		return nil, errInvalidDigest
	}
	return rsa.EncryptOAEP(h.New(), rand.Reader, pub, data, nil)
}

func rsaDecrypt(k *keyHandle, data []byte, padding int, oaepHash string) ([]byte, error) {
	priv, ok := k.key.(*rsa.PrivateKey)
	if !ok {
		return nil, fmt.Errorf("RSA decryption needs an RSA private key")
	}
	if padding == rsaPKCS1Padding {
		return rsa.DecryptPKCS1v15(rand.Reader, priv, data)
	}
	h, ok := signHashes[normHash(oaepHash)]
	if !ok {
		return nil, errInvalidDigest
	}
	return rsa.DecryptOAEP(h.New(), rand.Reader, priv, data, nil)
}

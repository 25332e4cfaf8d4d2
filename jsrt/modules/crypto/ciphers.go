package crypto

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/subtle"
	"encoding/binary"
	"errors"
	"sort"
	"strings"

	"golang.org/x/crypto/chacha20"
	"golang.org/x/crypto/chacha20poly1305"
)

// cipherSpec describes one OpenSSL cipher name ebbnode implements.
type cipherSpec struct {
	mode   string // cbc, ecb, ctr, gcm, chacha20, chacha20-poly1305
	keyLen int
	ivLen  int // 0: no IV (ecb); for gcm the default, any non-empty IV works
}

var cipherSpecs = map[string]cipherSpec{}

// cipherAliases are OpenSSL's other names for the same ciphers.
var cipherAliases = map[string]string{
	"aes128": "aes-128-cbc", "aes192": "aes-192-cbc", "aes256": "aes-256-cbc",
	"id-aes128-gcm": "aes-128-gcm", "id-aes192-gcm": "aes-192-gcm", "id-aes256-gcm": "aes-256-gcm",
}

func init() {
	for _, bits := range []int{128, 192, 256} {
		p := "aes-" + itoa(bits) + "-"
		cipherSpecs[p+"cbc"] = cipherSpec{"cbc", bits / 8, 16}
		cipherSpecs[p+"ecb"] = cipherSpec{"ecb", bits / 8, 0}
		cipherSpecs[p+"ctr"] = cipherSpec{"ctr", bits / 8, 16}
		cipherSpecs[p+"gcm"] = cipherSpec{"gcm", bits / 8, 12}
	}
	cipherSpecs["chacha20"] = cipherSpec{"chacha20", 32, 16}
	cipherSpecs["chacha20-poly1305"] = cipherSpec{"chacha20-poly1305", 32, 12}
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}

func lookupCipher(name string) (cipherSpec, string, bool) {
	n := strings.ToLower(name)
	if a, ok := cipherAliases[n]; ok {
		n = a
	}
	s, ok := cipherSpecs[n]
	return s, n, ok
}

// cipherNames is what getCiphers reports: the names above, sorted.
func cipherNames() []string {
	var out []string
	for n := range cipherSpecs {
		out = append(out, n)
	}
	for n := range cipherAliases {
		if !strings.HasPrefix(n, "id-") {
			out = append(out, n)
		}
	}
	sort.Strings(out)
	return out
}

// Failures the JS side words as node does.
var (
	errBadDecrypt   = errors.New("bad decrypt")
	errFinalLength  = errors.New("wrong final block length")
	errAuthenticate = errors.New("Unsupported state or unable to authenticate data")
)

// cipherState is one Cipheriv or Decipheriv. Block modes keep the bytes of
// an unfinished block; AEAD modes stream their keystream (so update returns
// output at once, as OpenSSL does) and compute or check the tag over the
// whole message at final.
type cipherState struct {
	spec    cipherSpec
	decrypt bool
	padding bool

	block   cipher.Block
	mode    cipher.BlockMode // cbc
	stream  cipher.Stream    // ctr, chacha20, and the AEADs' keystream
	pending []byte           // cbc/ecb: bytes not yet a whole block

	aead    cipher.AEAD
	nonce   []byte
	aad     []byte
	text    []byte // AEAD: the plaintext so far (to seal or re-seal at final)
	buffer  bool   // AEAD without a streamable keystream: all output at final
	tag     []byte // decrypt: the expected tag; encrypt: the tag after final
	tagLen  int
	outSeen []byte // AEAD buffering: ciphertext held until final
}

func newCipherState(spec cipherSpec, key, iv []byte, decrypt bool, tagLen int) (*cipherState, error) {
	c := &cipherState{spec: spec, decrypt: decrypt, padding: true, tagLen: tagLen}
	switch spec.mode {
	case "chacha20":
		// OpenSSL's 16-byte IV is a little-endian block counter, then the nonce.
		s, err := chacha20.NewUnauthenticatedCipher(key, iv[4:])
		if err != nil {
			return nil, err
		}
		s.SetCounter(binary.LittleEndian.Uint32(iv[:4]))
		c.stream = s
		return c, nil
	case "chacha20-poly1305":
		a, err := chacha20poly1305.New(key)
		if err != nil {
			return nil, err
		}
		s, err := chacha20.NewUnauthenticatedCipher(key, iv)
		if err != nil {
			return nil, err
		}
		s.SetCounter(1) // block 0 keys Poly1305
		c.aead, c.nonce, c.stream = a, append([]byte(nil), iv...), s
		return c, nil
	}
	b, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	c.block = b
	switch spec.mode {
	case "cbc":
		if decrypt {
			c.mode = cipher.NewCBCDecrypter(b, iv)
		} else {
			c.mode = cipher.NewCBCEncrypter(b, iv)
		}
	case "ctr":
		c.stream = cipher.NewCTR(b, iv)
	case "gcm":
		a, err := cipher.NewGCMWithNonceSize(b, len(iv))
		if err != nil {
			return nil, err
		}
		c.aead, c.nonce = a, append([]byte(nil), iv...)
		if len(iv) == 12 {
			// With a 96-bit IV the first counter block is IV || 2.
			ctr := append(append([]byte(nil), iv...), 0, 0, 0, 2)
			c.stream = cipher.NewCTR(b, ctr)
		} else {
			c.buffer = true
		}
	}
	return c, nil
}

func (c *cipherState) update(in []byte) []byte {
	switch {
	case c.aead != nil:
		if c.decrypt {
			if c.buffer {
				c.outSeen = append(c.outSeen, in...)
				return nil
			}
			out := make([]byte, len(in))
			c.stream.XORKeyStream(out, in)
			c.text = append(c.text, out...)
			return out
		}
		c.text = append(c.text, in...)
		if c.buffer {
			return nil
		}
		out := make([]byte, len(in))
		c.stream.XORKeyStream(out, in)
		return out
	case c.stream != nil:
		out := make([]byte, len(in))
		c.stream.XORKeyStream(out, in)
		return out
	}
	c.pending = append(c.pending, in...)
	n := len(c.pending) / aes.BlockSize * aes.BlockSize
	if c.decrypt && c.padding && n == len(c.pending) && n > 0 {
		n -= aes.BlockSize // the last block may be padding: keep it for final
	}
	out := c.crypt(c.pending[:n])
	c.pending = append([]byte(nil), c.pending[n:]...)
	return out
}

// crypt runs whole blocks through cbc or ecb.
func (c *cipherState) crypt(in []byte) []byte {
	out := make([]byte, len(in))
	if c.mode != nil {
		c.mode.CryptBlocks(out, in)
		return out
	}
	for i := 0; i < len(in); i += aes.BlockSize {
		if c.decrypt {
			c.block.Decrypt(out[i:], in[i:])
		} else {
			c.block.Encrypt(out[i:], in[i:])
		}
	}
	return out
}

func (c *cipherState) final() ([]byte, error) {
	switch {
	case c.aead != nil:
		return c.finalAEAD()
	case c.stream != nil:
		return nil, nil
	}
	if !c.decrypt {
		if c.padding {
			p := aes.BlockSize - len(c.pending)%aes.BlockSize
			for i := 0; i < p; i++ {
				c.pending = append(c.pending, byte(p))
			}
		} else if len(c.pending)%aes.BlockSize != 0 {
			return nil, errFinalLength
		}
		return c.crypt(c.pending), nil
	}
	if len(c.pending)%aes.BlockSize != 0 || (c.padding && len(c.pending) == 0) {
		return nil, errFinalLength
	}
	out := c.crypt(c.pending)
	if !c.padding {
		return out, nil
	}
	p := int(out[len(out)-1])
	if p == 0 || p > aes.BlockSize {
		return nil, errBadDecrypt
	}
	for _, b := range out[len(out)-p:] {
		if int(b) != p {
			return nil, errBadDecrypt
		}
	}
	return out[:len(out)-p], nil
}

func (c *cipherState) finalAEAD() ([]byte, error) {
	if !c.decrypt {
		sealed := c.aead.Seal(nil, c.nonce, c.text, c.aad)
		ct, tag := sealed[:len(c.text)], sealed[len(c.text):]
		c.tag = tag[:c.tagLen]
		if c.buffer {
			return ct, nil
		}
		return nil, nil
	}
	if c.tag == nil {
		return nil, errAuthenticate
	}
	if c.buffer {
		return c.openBuffered()
	}
	// The plaintext went out already; re-sealing it gives the tag to
	// check, at whatever length the caller's tag has.
	sealed := c.aead.Seal(nil, c.nonce, c.text, c.aad)
	if subtle.ConstantTimeCompare(sealed[len(c.text):len(c.text)+len(c.tag)], c.tag) != 1 {
		return nil, errAuthenticate
	}
	return nil, nil
}

// openBuffered checks and decrypts a buffered GCM message (IV not 96
// bits). Only a full-length tag can be checked this way; node accepts
// shorter ones too, which Go's GCM cannot open, so they fail to
// authenticate here.
func (c *cipherState) openBuffered() ([]byte, error) {
	if len(c.tag) != c.aead.Overhead() {
		return nil, errAuthenticate
	}
	ct := append(append([]byte(nil), c.outSeen...), c.tag...)
	pt, err := c.aead.Open(nil, c.nonce, ct, c.aad)
	if err != nil {
		return nil, errAuthenticate
	}
	return pt, nil
}
